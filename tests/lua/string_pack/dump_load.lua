-- string.dump and load of binary chunks: behaviour only (the bytes are
-- Lurel's own bytecode, not lua5.4's, so they are never printed).

local function roundtrip(f, strip)
  local s = string.dump(f, strip)
  assert(type(s) == "string" and s:byte(1) == 27, "a binary chunk starts with ESC")
  local g = assert(load(s, "=dumped", "b"))
  return g, s
end

print("-- plain functions")
do
  local g = roundtrip(function(a, b) return a + b, a * b, a .. "|" .. b end)
  print(g(3, 4))
  g = roundtrip(function(...) return select("#", ...), ... end)
  print(g(1, nil, 3, nil))
  g = roundtrip(function(n)
    local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
    return fact(n)
  end)
  print(g(20))
  g = roundtrip(function()
    -- constants of every kind survive: integers stay integers, floats floats
    return 3, 3.0, -0.0, 1/0, math.mininteger, 2^53, "", "short", string.rep("long ", 30), true, false, nil, 0x7fffffffffffffff
  end)
  local r = table.pack(g())
  for i = 1, r.n do print(i, math.type(r[i]) or type(r[i]), r[i]) end
  g = roundtrip(function(t)
    -- nested closures, loops, tables, methods, goto, integer/float for
    local acc = {}
    for i = 1, 3 do acc[#acc + 1] = function() return i * 10 end end
    local s = 0
    for _, f in ipairs(acc) do s = s + f() end
    for x = 1.0, 2.0, 0.5 do s = s + x end
    local obj = {v = 5}
    function obj:get() return self.v end
    ::again::
    if s < 100 then s = s + 1 goto again end
    return s, obj:get(), #t, t[2]
  end)
  print(g({"a", "b", "c"}))
end

print("-- dumping a dumped function, and a main chunk")
do
  local g = roundtrip(function(x) return x * 2 end)
  local h = roundtrip(g)
  print(h(21))
  local main = load("local a, b = ... return (a or 1) + (b or 2), select('#', ...)")
  local m = roundtrip(main)
  print(m(), m(10, 20))
  print(string.dump(main) == string.dump(main), #string.dump(main, true) < #string.dump(main))
end

print("-- upvalues: fresh, the first one is the globals")
do
  local counter = 0
  local function inc() counter = counter + 1; return counter end
  print(inc(), inc())
  local g = roundtrip(inc)
  print(pcall(g))                         -- counter is the globals table: arithmetic on a table
  local uses_env = function() return type(print), tostring(nil) end
  print(roundtrip(uses_env)())
  local x, y = 1, 2
  local two = function() return x, y end  -- x is the first upvalue: it gets the globals
  local t1, t2 = roundtrip(two)()
  print(t1 == _G, t2)
  local env_second = function() return x, print end   -- _ENV is the second upvalue: nil
  print(pcall(roundtrip(env_second)))
  -- load's env argument goes to the first upvalue
  local f = load(string.dump(function() return who end), "=x", "b", {who = "env table"})
  print(f())
  f = load(string.dump(function() return who end), "=x", "bt", nil)
  print(pcall(f))
  -- each load makes new upvalues
  local function mk() local n = 0 return function() n = (n or 0) + 1 return n end end
  local s = string.dump(mk())
  local a, b = load(s), load(s)
  print(debug.getupvalue(a, 1) == _G, a ~= b)
  print(debug.setupvalue(a, 1, 100), a(), a(), pcall(b))
  -- upvalue names are kept unless stripped
  print(debug.getupvalue(load(string.dump(two)), 2), debug.getupvalue(load(string.dump(two, true)), 2))
end

print("-- strip")
do
  local function f(a)
    local x = a.field
    return x
  end
  local plain, stripped = roundtrip(f), roundtrip(f, true)
  print(pcall(plain, nil))
  print(pcall(stripped, nil))
  print(pcall(roundtrip(function() local t = {} return t.a.b end, true)))
  print(pcall(roundtrip(function() return undefined_global_fn() end, true)))
  print(pcall(roundtrip(function() return undefined_global_fn() end)))
  print(pcall(roundtrip(function() return 1 < {} end, true)))
  print(pcall(roundtrip(function() return #nil end, 1)))
  print(pcall(roundtrip(function() return ("x") .. {} end, "yes")))
  -- error() at level 1 in stripped code has no position
  print(pcall(roundtrip(function() error("plain message") end, true)))
  print(pcall(roundtrip(function() error("plain message") end)))
  do
    local ok, e = pcall(roundtrip(function() error({code = 7}) end, true))
    print(ok, type(e), e.code)
  end
  -- debug information
  local i1 = debug.getinfo(roundtrip(f), "S")
  local i2 = debug.getinfo(roundtrip(f, true), "Su")
  print(i1.source, i1.short_src, i1.what, i1.linedefined, i1.lastlinedefined)
  print(i2.source, i2.short_src, i2.what, i2.linedefined, i2.lastlinedefined, i2.nparams, i2.isvararg)
  local al = debug.getinfo(roundtrip(f, true), "L").activelines
  print(type(al), next(al))
  print(next(debug.getinfo(roundtrip(f), "L").activelines) ~= nil)
  local g = roundtrip(function(p, q)
    local inner = 1
    return debug.getinfo(1, "l").currentline, debug.getlocal(1, 1), debug.getlocal(1, 3)
  end, true)
  print(g(5, 6))
  local tb = roundtrip(function() return debug.traceback("tb") end, true)()
  print((tb:gsub("\n[^\n]*dump_load.lua:%d+: in .*", "\n...")))
  -- a stripped chunk is "?" whatever chunk name load is given
  print(debug.getinfo(load(string.dump(f, true), "=given name"), "S").short_src)
  print(debug.getinfo(load(string.dump(f), "=given name"), "S").short_src)
  -- stripping is any true value
  print(debug.getinfo(roundtrip(f, 0), "S").source, debug.getinfo(roundtrip(f, false), "S").source == "@" .. arg[0])
end

print("-- load modes")
do
  local bin = string.dump(function() return "bin" end)
  print(load(bin, "b", "t"))
  print(load(bin, "=b", "t"))
  print(load("return 'text'", "=t", "b"))
  print(load(bin, "=b", "b")(), load(bin, "=b", "bt")(), load(bin)())
  print(load("return 'text'", "=t", "t")(), load("return 'text'", "=t", "tb")())
  print(load(bin, "=b", ""))
  print(load("return 1", "=t", ""))
  -- a reader function giving the chunk in pieces
  local pos = 0
  local f = load(function()
    pos = pos + 1
    if pos <= #bin then return bin:sub(pos, pos) end
  end, "=pieces", "b")
  print(f())
  pos = 0
  print(load(function()
    pos = pos + 1
    if pos <= #bin then return bin:sub(pos, pos) end
  end, "=pieces", "t"))
  -- broken chunks are refused with a message (wording differs from lua5.4)
  for _, bad in ipairs({bin:sub(1, 1), bin:sub(1, 10), bin:sub(1, -2), "\27Lua", "\27"}) do
    local fn, msg = load(bad, "=bad")
    print(fn, type(msg))
  end
end

print("-- functions that cannot be dumped")
for _, fn in ipairs({print, string.dump, table.sort, table.concat, ipairs, pcall, io.write,
                     coroutine.wrap(function() end), string.gmatch("a", "a"), math.floor}) do
  print(pcall(string.dump, fn))
end
print(pcall(string.dump, table.sort, true))
print(pcall(string.dump))
print(pcall(string.dump, nil))
print(pcall(string.dump, "print"))
print(pcall(string.dump, {}))
print(pcall(function() return string.dump(print) end))
print(pcall(function() local t = setmetatable({}, {__call = function() end}) return string.dump(t) end))
