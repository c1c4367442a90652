-- Debug library checks in the manner of lua5.4's db.lua: line hooks (large
-- line gaps, loops, coroutines), active lines, getlocal/setlocal (varargs,
-- temporaries), hook kinds and counts, tail calls, transfers, tracebacks,
-- metamethod names, stripped chunks.  A failed check prints, not stops.
local function check(c, ...) if not c then print("CHECK FAILED", debug.getinfo(2, "l").currentline, ...) end return c, ... end
local function dostring(s) return check(load(s))() end
local function test (s, l, p)
  collectgarbage()
  local function f (event, line)
    check(event == 'line')
    local l = table.remove(l, 1)
    if p then print(l, line) end
    if l ~= line then error("wrong trace!! " .. tostring(l) .. " " .. tostring(line)) end
  end
  debug.sethook(f,"l"); load(s)(); debug.sethook()
  check(#l == 0)
end
do
  local a = {1, 2, 3, 10, 124, 125, 126, 127, 128, 129, 130, 255, 256, 257, 500, 1000}
  local s = [[
     local b = {10}
     a = b[1] X + Y b[1]
     b = 4
  ]]
  for _, i in ipairs(a) do
    local subs = {X = string.rep("\n", i)}
    for _, j in ipairs(a) do
      subs.Y = string.rep("\n", j)
      local s = string.gsub(s, "[XY]", subs)
      test(s, {1, 2 + i, 2 + i + j, 2 + i, 2 + i + j, 3 + i + j})
    end
  end
end
_G.a = nil
print("+large gaps")
do
  local function checkactivelines (f, lines)
    local t = debug.getinfo(f, "SL")
    local r = {}
    for l in pairs(t.activelines) do r[#r+1] = l - t.linedefined end
    table.sort(r)
    print("activelines", table.concat(r, ","))
  end
  checkactivelines(function (a)
    -- 1st line is empty
    -- 2nd line is empty
    local a = 20
    -- 4th line is empty
  end, {3, 4})
  checkactivelines(function (a, b, ...) end, {0})
  checkactivelines(function (a, b)
  end, {1})
  for _, n in pairs{0, 1, 2, 10, 50, 100, 1000, 10000} do
    checkactivelines(load(string.format("%s return 1", string.rep("\n", n))), {n + 1})
  end
end
print'+activelines'
check(not pcall(debug.getlocal, 20, 1))
check(not pcall(debug.setlocal, -1, 1, 10))
local function foo (a,b,...) local d, e end
local co = coroutine.create(foo)
check(debug.getlocal(foo, 1) == 'a')
check(debug.getlocal(foo, 2) == 'b')
check(not debug.getlocal(foo, 3))
check(debug.getlocal(co, foo, 1) == 'a')
check(debug.getlocal(co, foo, 2) == 'b')
check(not debug.getlocal(co, foo, 3))
check(not debug.getlocal(print, 1))
local function foo () return (debug.getlocal(1, -1)) end
check(not foo(10))
local function foo (a, ...)
  local t = table.pack(...)
  for i = 1, t.n do
    local n, v = debug.getlocal(1, -i)
    check(n == "(vararg)" and v == t[i])
  end
  check(not debug.getlocal(1, -(t.n + 1)))
  check(not debug.setlocal(1, -(t.n + 1), 30))
  if t.n > 0 then
    (function (x)
      check(debug.setlocal(2, -1, x) == "(vararg)")
      check(debug.setlocal(2, -t.n, x) == "(vararg)")
     end)(430)
     check(... == 430)
  end
end
foo()
foo(print)
foo(200, 3, 4)
local a = {}
for i = 1, 1000 do a[i] = i end
foo(table.unpack(a))
print("+varargs")
do
  check(not debug.gethook())
  local count = 0
  local function f ()
    check(debug.getinfo(1).namewhat == "hook")
    local sndline = string.match(debug.traceback(), "\n(.-)\n")
    check(string.find(sndline, "hook"))
    count = count + 1
  end
  debug.sethook(f, "l")
  local a = 0
  _ENV.a = a
  a = 1
  debug.sethook()
  check(count == 4, count)
end
_ENV.a = nil
print("+hook presence")
a = {}; local L = nil
local glob = 1
local oldglob = glob
debug.sethook(function (e,l)
  collectgarbage()
  local f, m, c = debug.gethook()
  check(m == 'crl' and c == 0)
  if e == "line" then
    if glob ~= oldglob then
      L = l-1
      oldglob = glob
    end
  elseif e == "call" then
      local f = debug.getinfo(2, "f").func
      a[f] = 1
  else check(e == "return")
  end
end, "crl")
function f(a,b)
  collectgarbage()
  local _, x = debug.getlocal(1, 1)
  local _, y = debug.getlocal(1, 2)
  check(x == a and y == b)
  check(debug.setlocal(2, 3, "pera") == "AA".."AA")
  check(debug.setlocal(2, 4, "manga") == "B")
  x = debug.getinfo(2)
  check(x.func == g and x.what == "Lua" and x.name == 'g' and
         x.nups == 2 and string.find(x.source, "^@.*db_suite%.lua$"))
  glob = glob+1
  check(debug.getinfo(1, "l").currentline == L+1)
  check(debug.getinfo(1, "l").currentline == L+2)
end
function foo()
  glob = glob+1
  check(debug.getinfo(1, "l").currentline == L+1)
end; foo()  -- set L
-- check line counting inside strings and empty lines
local _ = 'alo\
alo' .. [[

]]
--[[
]]
print(debug.getinfo(1, "l").currentline - L)
function g (...)
  local arg = {...}
  do local a,b,c; a=math.sin(40); end
  local feijao
  local AAAA,B = "xuxu", "abacate"
  f(AAAA,B)
  check(AAAA == "pera" and B == "manga")
  do
     local B = 13
     local x,y = debug.getlocal(1,5)
     check(x == 'B' and y == 13)
  end
end
g()
print(a[f], a[g], a[assert], a[debug.getlocal], a[print])
print("+crl hook")
local n, v = debug.getlocal(0, 1)
print(n, v)
local n, v = debug.getlocal(0, 2)
print(n, v)
print(debug.getlocal(0, 3))
print(debug.getlocal(0, 0))
function f()
  check(select(2, debug.getlocal(2,3)) == 1)
  check(not debug.getlocal(2,4))
  debug.setlocal(2, 3, 10)
  return 20
end
function g(a,b) return (a+1) + f() end
check(g(0,0) == 30)
_G.f, _G.g = nil
debug.sethook(nil);
check(not debug.gethook())
print("+temporaries")
do
  check(not debug.setuservalue(io.stdin, 10))
  local a, b = debug.getuservalue(io.stdin, 10)
  check(a == nil and not b)
end
do
  local function f(...) return 3, ... end
  local count = 0
  local a = {}
  for i = 1, 100 do a[i] = i end
  debug.sethook(function () count = count + 1 end, "", 1)
  local t = {table.unpack(a)}
  check(#t == 100)
  t = {table.unpack(a, 1, 3)}
  check(#t == 3)
  t = {f(table.unpack(a, 1, 30))}
  check(#t == 31)
  debug.sethook()
end
local function collectlocals (level)
  local tab = {}
  for i = 1, math.huge do
    local n, v = debug.getlocal(level + 1, i)
    if not (n and string.find(n, "^[a-zA-Z0-9_]+$")) then
       break
    end
    tab[n] = v
  end
  return tab
end
X = nil
a = {}
function a:f (a, b, ...) local arg = {...}; local c = 13 end
debug.sethook(function (e)
  check(e == "call")
  dostring("XX = 12")
  check(not pcall(load("a='joao'+1")))
  debug.sethook(function (e, l)
    check(debug.getinfo(2, "l").currentline == l)
    local f,m,c = debug.gethook()
    check(e == "line")
    check(m == 'l' and c == 0)
    debug.sethook(nil)
    check(not X)
    X = collectlocals(2)
  end, "l")
end, "c")
a:f(1,2,3,4,5)
check(X.self == a and X.a == 1   and X.b == 2 and X.c == nil)
check(XX == 12)
check(not debug.gethook())
_G.XX = nil
print("+args")
do
  local X = false
  local function foo (a, b, ...)
    do local x,y,z end
    local c, d = 10, 20
    return
  end
  local function aux ()
    if debug.getinfo(2).name == "foo" then
      X = true
      local tab = {a = 100, b = 200, c = 10, d = 20}
      for n, v in pairs(collectlocals(2)) do
        check(tab[n] == v)
        tab[n] = undef
      end
      check(next(tab) == nil)
    end
  end
  debug.sethook(aux, "r"); foo(100, 200); debug.sethook()
  check(X)
end
local function eqseq (t1, t2)
  check(#t1 == #t2)
  for i = 1, #t1 do
    check(t1[i] == t2[i])
  end
end
do
  local on = false
  local inp, out
  local function hook (event)
    if not on then return end
    local ar = debug.getinfo(2, "ruS")
    local t = {}
    for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
      local _, v = debug.getlocal(2, i)
      t[#t + 1] = v
    end
    if event == "return" then
      out = t
    else
      inp = t
    end
  end
  debug.sethook(hook, "cr")
  on = true; math.sin(3); on = false
  eqseq(inp, {3}); eqseq(out, {math.sin(3)})
  on = true; select(2, 10, 20, 30, 40); on = false
  eqseq(inp, {2, 10, 20, 30, 40}); eqseq(out, {20, 30, 40})
  local function foo (a, ...) return ... end
  local function foo1 () on = not on; return foo(20, 10, 0) end
  foo1(); on = false
  eqseq(inp, {20}); eqseq(out, {10, 0})
  debug.sethook()
end
print("+transfer")
local function getupvalues (f)
  local t = {}
  local i = 1
  while true do
    local name, value = debug.getupvalue(f, i)
    if not name then break end
    check(not t[name])
    t[name] = value
    i = i + 1
  end
  return t
end
local a,b,c = 1,2,3
local function foo1 (a) b = a; return c end
local function foo2 (x) a = x; return c+b end
check(not debug.getupvalue(foo1, 3))
check(not debug.getupvalue(foo1, 0))
check(not debug.setupvalue(foo1, 3, "xuxu"))
local t = getupvalues(foo1)
check(t.a == nil and t.b == 2 and t.c == 3)
t = getupvalues(foo2)
check(t.a == 1 and t.b == 2 and t.c == 3)
check(debug.setupvalue(foo1, 1, "xuxu") == "b")
check(({debug.getupvalue(foo2, 3)})[2] == "xuxu")
check(debug.getupvalue(string.gmatch("x", "x"), 1) == "")
local a=0
debug.sethook(function (e) a=a+1 end, "", 1)
a=0; for i=1,1000 do end; check(1000 < a and a < 1012, a)
debug.sethook(function (e) a=a+1 end, "", 4)
a=0; for i=1,1000 do end; check(250 < a and a < 255, a)
local f,m,c = debug.gethook()
check(m == "" and c == 4)
debug.sethook(function (e) a=a+1 end, "", 4000)
a=0; for i=1,1000 do end; check(a == 0)
do
  debug.sethook(print, "", 2^24 - 1)
  local f,m,c = debug.gethook()
  check(({debug.gethook()})[3] == 2^24 - 1)
end
debug.sethook()
print("+count")
local g, g1
local function f (x)
  if x then
    check(debug.getinfo(1, "S").what == "Lua")
    check(debug.getinfo(1, "t").istailcall == true)
    local tail = debug.getinfo(2)
    check(tail.func == g1 and tail.istailcall == true)
    check(debug.getinfo(3, "S").what == "main")
    print"+"
    end
end
function g(x) return f(x) end
function g1(x) g(x) end
local function h (x) local f=g1; return f(x) end
h(true)
local b = {}
debug.sethook(function (e) table.insert(b, e) end, "cr")
h(false)
debug.sethook()
local res = {"return", "call", "tail call", "call", "tail call", "return", "return", "call"}
for i = 1, #res do check(res[i] == table.remove(b, 1)) end
b = 0
debug.sethook(function (e)
                if e == "tail call" then
                  b = b + 1
                  check(debug.getinfo(2, "t").istailcall == true)
                else
                  check(debug.getinfo(2, "t").istailcall == false)
                end
              end, "c")
h(false)
debug.sethook()
check(b == 2)
local lim = 30000
local function foo (x)
  if x==0 then
    check(debug.getinfo(2).what == "main")
    local info = debug.getinfo(1)
    check(info.istailcall == true and info.func == foo)
  else return foo(x-1)
  end
end
foo(lim)
print"+tail"
co = load[[
  local A = function ()
    return x
  end
  return
]]
local a = 0
debug.sethook(function (e, l)
  if l == 3 then a = a + 1; check(debug.getlocal(2, 1) == "(temporary)")
  elseif l == 4 then a = a + 1; check(debug.getlocal(2, 1) == "A")
  end
end, "l")
co()
debug.sethook()
check(a == 2)
print("+local fn")
check(debug.traceback(print) == print)
check(debug.traceback(print, 4) == print)
check(string.find(debug.traceback("hi", 4), "^hi\n"))
check(string.find(debug.traceback("hi"), "^hi\n"))
check(not string.find(debug.traceback("hi"), "'debug.traceback'"))
check(string.find(debug.traceback("hi", 0), "'debug.traceback'"))
check(string.find(debug.traceback(), "^stack traceback:\n"))
do
  local st, msg = (function () return pcall end)()(debug.traceback)
  check(st == true and string.find(msg, "pcall"))
end
local t = debug.getinfo(print, "u")
check(t.isvararg == true and t.nparams == 0 and t.nups == 0)
t = debug.getinfo(function (a,b,c) end, "u")
check(t.isvararg == false and t.nparams == 3 and t.nups == 0)
t = debug.getinfo(function (a,b,...) return t[a] end, "u")
check(t.isvararg == true and t.nparams == 2 and t.nups == 1)
t = debug.getinfo(1)
check(t.isvararg == true and t.nparams == 0 and t.nups == 1 and debug.getupvalue(t.func, 1) == "_ENV")
t = debug.getinfo(math.sin)
check(t.isvararg == true and t.nparams == 0 and t.nups == 0)
t = debug.getinfo(string.gmatch("abc", "a"))
check(t.isvararg == true and t.nparams == 0 and t.nups > 0)
print("+traceback/u")
local function checktraceback (co, p, level)
  local tb = debug.traceback(co, nil, level)
  local i = 0
  for l in string.gmatch(tb, "[^\n]+\n?") do
    check(i == 0 or string.find(l, p[i]), l)
    i = i+1
  end
  check(p[i] == undef)
end
local function f (n)
  if n > 0 then f(n-1)
  else coroutine.yield() end
end
local co = coroutine.create(f)
coroutine.resume(co, 3)
checktraceback(co, {"yield", "db_suite.lua", "db_suite.lua", "db_suite.lua", "db_suite.lua"})
checktraceback(co, {"db_suite.lua", "db_suite.lua", "db_suite.lua", "db_suite.lua"}, 1)
checktraceback(co, {"db_suite.lua", "db_suite.lua", "db_suite.lua"}, 2)
checktraceback(co, {"db_suite.lua"}, 4)
checktraceback(co, {}, 40)
co = coroutine.create(function (x)
       local a = 1
       coroutine.yield(debug.getinfo(1, "l"))
       coroutine.yield(debug.getinfo(1, "l").currentline)
       return a
     end)
local tr = {}
local foo = function (e, l) if l then table.insert(tr, l) end end
debug.sethook(co, foo, "lcr")
local _, l = coroutine.resume(co, 10)
local x = debug.getinfo(co, 1, "lfLS")
check(x.currentline == l.currentline and x.activelines[x.currentline])
check(type(x.func) == "function")
for i=x.linedefined + 1, x.lastlinedefined do
  check(x.activelines[i])
  x.activelines[i] = undef
end
check(next(x.activelines) == nil)
check(not debug.getinfo(co, 2))
local a,b = debug.getlocal(co, 1, 1)
check(a == "x" and b == 10)
a,b = debug.getlocal(co, 1, 2)
check(a == "a" and b == 1)
debug.setlocal(co, 1, 2, "hi")
check(debug.gethook(co) == foo)
check(#tr == 2 and tr[1] == l.currentline-1 and tr[2] == l.currentline)
a,b,c = pcall(coroutine.resume, co)
check(a and b and c == l.currentline+1)
checktraceback(co, {"yield", "in function <"})
a,b = coroutine.resume(co)
check(a and b == "hi")
check(#tr == 4 and tr[4] == l.currentline+2)
check(debug.gethook(co) == foo)
check(not debug.gethook())
checktraceback(co, {})
co = coroutine.create(function (x)
  local a, b = coroutine.yield(x)
  check(a == 100 and b == nil)
  return x
end)
a, b = coroutine.resume(co, 10)
check(a and b == 10)
a, b = debug.getlocal(co, 1, 1)
check(a == "x" and b == 10)
check(not debug.getlocal(co, 1, 5))
check(debug.setlocal(co, 1, 1, 30) == "x")
check(not debug.setlocal(co, 1, 5, 40))
a, b = coroutine.resume(co, 100)
check(a and b == 30)
function f(i)
  if i == 0 then error(i)
  else coroutine.yield(); f(i-1)
  end
end
co = coroutine.create(function (x) f(x) end)
a, b = coroutine.resume(co, 3)
t = {"'coroutine.yield'", "'f'", "in function <"}
while coroutine.status(co) == "suspended" do
  checktraceback(co, t)
  a, b = coroutine.resume(co)
  table.insert(t, 2, "'f'")
end
t[1] = "'error'"
checktraceback(co, t)
print("+coroutines")
local function g(x)
    coroutine.yield(x)
end
local function f (i)
  debug.sethook(function () end, "l")
  for j=1,1000 do
    g(i+j)
  end
end
local co = coroutine.wrap(f)
co(10)
pcall(co)
pcall(co)
check(type(debug.getregistry()) == "table")
local a = {}
local function f (t)
  local info = debug.getinfo(1);
  check(info.namewhat == "metamethod")
  a.op = info.name
  return info.name
end
setmetatable(a, {
  __index = f; __add = f; __div = f; __mod = f; __concat = f; __pow = f;
  __mul = f; __idiv = f; __unm = f; __len = f; __sub = f;
  __shl = f; __shr = f; __bor = f; __bxor = f;
  __eq = f; __le = f; __lt = f; __unm = f; __len = f; __band = f;
  __bnot = f;
})
local b = setmetatable({}, getmetatable(a))
check(a[3] == "index" and a^3 == "pow" and a..a == "concat")
check(a/3 == "div" and 3%a == "mod")
check(a+3 == "add" and 3-a == "sub" and a*3 == "mul" and -a == "unm" and #a == "len" and a&3 == "band")
check(a + 30000 == "add" and a - 3.0 == "sub" and a * 3.0 == "mul" and -a == "unm" and #a == "len" and a & 3 == "band")
check(a|3 == "bor" and 3~a == "bxor" and a<<3 == "shl" and a>>1 == "shr")
assert (a==b and a.op == "eq")
assert (a>=b and a.op == "le")
assert ("x">=a and a.op == "le")
assert (a>b and a.op == "lt")
assert (a>10 and a.op == "lt")
check(~a == "bnot")
do
  local function f()
    check(debug.getinfo(1).name == "for iterator")
  end
  for i in f do end
end
do
  local name = nil
  setmetatable({}, {__gc = function ()
    local t = debug.getinfo(1)
    check(t.namewhat == "metamethod")
    name = t.name
  end})
  repeat local a = {} until name
  check(name == "__gc")
end
print("+metamethods")
do
  local function countlines (s)
    return select(2, string.gsub(s, "\n", ""))
  end
  local function deep (lvl, n)
    if lvl == 0 then
      return (debug.traceback("message", n))
    else
      return (deep(lvl-1, n))
    end
  end
  local function checkdeep (total, start)
    local s = deep(total, start)
    local rest = string.match(s, "^message\nstack traceback:\n(.*)$")
    local cl = countlines(rest)
    check(cl <= 10 + 11 + 1)
    local brk = string.find(rest, "%.%.%.\t%(skip")
    if brk then
      local rest1 = string.sub(rest, 1, brk)
      local rest2 = string.sub(rest, brk, #rest)
      check(countlines(rest1) == 10 and countlines(rest2) == 11)
    else
      check(cl == total - start + 2)
    end
  end
  for d = 1, 51, 10 do
    for l = 1, d do
      coroutine.wrap(checkdeep)(d, l)
    end
  end
end
print("+traceback sizes")
prog = [[-- program to be loaded without debug information (strip)
local debug = require'debug'
local a = 12  -- a local variable
local n, v = debug.getlocal(1, 1)
assert(n == "(temporary)" and v == debug)   -- unkown name but known value
n, v = debug.getlocal(1, 2)
assert(n == "(temporary)" and v == 12)   -- unkown name but known value
-- a function with an upvalue
local f = function () local x; return a end
n, v = debug.getupvalue(f, 1)
assert(n == "(no name)" and v == 12)
assert(debug.setupvalue(f, 1, 13) == "(no name)")
assert(a == 13)
local t = debug.getinfo(f)
assert(t.name == nil and t.linedefined > 0 and
       t.lastlinedefined == t.linedefined and
       t.short_src == "?")
assert(debug.getinfo(1).currentline == -1)
t = debug.getinfo(f, "L").activelines
assert(next(t) == nil)    -- active lines are empty
-- dump/load a function without debug info
f = load(string.dump(f))
t = debug.getinfo(f)
assert(t.name == nil and t.linedefined > 0 and
       t.lastlinedefined == t.linedefined and
       t.short_src == "?")
assert(debug.getinfo(1).currentline == -1)
return a
]]
local f = assert(load(string.dump(load(prog), true)))
assert(f() == 13)
print("+stripped")
do
  local lines = {}
  local function hook (event, line)
    table.insert(lines, line)
  end
  local function f ()
    for i = 1, 3 do
      -- test it
    end
  end
  debug.sethook(hook, "l")
  f()
  debug.sethook()
  print(table.concat(lines, ","))
end
print("OK")
