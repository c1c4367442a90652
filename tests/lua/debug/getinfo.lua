-- debug.getinfo: every field and option letter, levels and functions,
-- C functions, main chunk, tail calls, activelines, errors.
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return table.concat(ks, ",")
end

local function show(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  local parts = {}
  for _, k in ipairs(ks) do
    local v = t[k]
    if type(v) == "function" then v = "<function>"
    elseif type(v) == "table" then v = "<table>" end
    parts[#parts + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(parts, " ")
end

-- option letters one by one on a Lua function
local function target(a, b, ...)
  local x = a + b
  return x
end
for _, opt in ipairs({ "S", "l", "u", "n", "t", "r", "f", "L" }) do
  print(opt, keys(debug.getinfo(target, opt)))
end
print("all", keys(debug.getinfo(target)))
print(show(debug.getinfo(target, "Su")))
print(debug.getinfo(target, "l").currentline)
print(debug.getinfo(target, "n").name, debug.getinfo(target, "n").namewhat)
print(debug.getinfo(target, "t").istailcall)
print(debug.getinfo(target, "f").func == target)

-- activelines
local lines = debug.getinfo(target, "L").activelines
local ls = {}
for l in pairs(lines) do ls[#ls + 1] = l end
table.sort(ls)
print(table.concat(ls, " "), lines[ls[1]])

-- C functions
print(show(debug.getinfo(print, "Slun")))
print(show(debug.getinfo(string.format, "Su")))
print(debug.getinfo(print, "L").activelines)

-- the main chunk
local main = debug.getinfo(1, "Slnu")
print(main.what, main.short_src, main.source, main.linedefined, main.lastlinedefined,
      main.nups, main.nparams, main.isvararg, main.currentline, main.namewhat)

-- levels
local function level2()
  local i = debug.getinfo(1, "nSl")
  local j = debug.getinfo(2, "nSl")
  return i.name, i.namewhat, i.currentline, j.name, j.namewhat, j.currentline
end
local function level1()
  local r = { level2() }
  return table.unpack(r)
end
print(level1())
print(debug.getinfo(0, "n").name, debug.getinfo(0, "S").what)
print(debug.getinfo(100), debug.getinfo(3) ~= nil, debug.getinfo(4))

-- names through fields, methods, globals, upvalues
local obj = {}
function obj.field() return debug.getinfo(1, "n") end
function obj:method() return debug.getinfo(1, "n") end
function global_fn() return debug.getinfo(1, "n") end
local function up() return debug.getinfo(1, "n") end
local function call_up() local r = up() return r end
local i = obj.field()
print(i.name, i.namewhat)
i = obj:method()
print(i.name, i.namewhat)
i = global_fn()
print(i.name, i.namewhat)
i = call_up()
print(i.name, i.namewhat)
local function via_local()
  local fn = up
  local r = fn()
  return r
end
i = via_local()
print(i.name, i.namewhat)

-- metamethods
local mt = {}
mt.__add = function() return debug.getinfo(1, "n") end
mt.__index = function() return debug.getinfo(1, "n") end
mt.__call = function() return debug.getinfo(1, "n") end
mt.__concat = function() return debug.getinfo(1, "n") end
mt.__lt = function() local n = debug.getinfo(1, "n"); print("lt", n.name, n.namewhat) return true end
local m = setmetatable({}, mt)
local r = m + 1
print(r.name, r.namewhat)
r = m.anything
print(r.name, r.namewhat)
r = m()
print(r.name, r.namewhat)
r = m .. "x"
print(r.name, r.namewhat)
local _ = m < m

-- tail calls
local function tailee() return debug.getinfo(1, "nt"), debug.getinfo(2, "nSl") end
local function tailer() return tailee() end
local ti, caller = tailer()
print(ti.istailcall, ti.name, ti.namewhat, caller.short_src == main.short_src)

-- vararg and parameters
print(debug.getinfo(function(...) end, "u").isvararg, debug.getinfo(function(a, b, c) end, "u").nparams)
print(debug.getinfo(function(a, ...) return a end, "u").nparams)

-- upvalue counts
local u1, u2 = 1, 2
print(debug.getinfo(function() return u1 + u2 end, "u").nups)
print(debug.getinfo(function() return u1 end, "u").nups)
print(debug.getinfo(function() return 0 end, "u").nups)
print(debug.getinfo(function() return print end, "u").nups)

-- source of loaded chunks
local f = load("return debug.getinfo(1, 'S')", "=custom")
print(show(f()))
f = load("return debug.getinfo(1, 'S')", "@some/file.lua")
print(show(f()))
f = load("\n\nreturn debug.getinfo(1, 'S')")
print(show(f()))
f = load("return debug.getinfo(1, 'S')", string.rep("x", 100))
print(f().short_src)
f = load("return debug.getinfo(1, 'S')", "=" .. string.rep("y", 100))
print(f().short_src)
f = load("return debug.getinfo(1, 'S')", "@" .. string.rep("z", 100))
print(f().short_src)
f = load("return debug.getinfo(1, 'S')", "line1\nline2")
print(f().short_src)

-- linedefined of nested functions
local function outer()
  return function()
  end
end
local inner = debug.getinfo(outer(), "S")
print(inner.linedefined, inner.lastlinedefined, inner.what)

-- coroutines
local co = coroutine.create(function(a)
  local x = a
  coroutine.yield(x)
  return 1
end)
coroutine.resume(co, 5)
local ci = debug.getinfo(co, 1, "Sln")
print(ci.currentline, ci.what, ci.name)
local ci0 = debug.getinfo(co, 0, "Sn")
print(ci0.what, ci0.name)
print(debug.getinfo(co, 2))
print(debug.getinfo(co, target, "S").linedefined)

-- errors
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, 1, "X"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, co, "x"))
print(pcall(debug.getinfo, 1, 2))
print(pcall(debug.getinfo, -1))
print(debug.getinfo(100, "X"), pcall(debug.getinfo, 100, ">"))
print(pcall(debug.getinfo, print, "S>"))
print(type(select(2, pcall(debug.getinfo, print, ""))))
print(next(debug.getinfo(print, "")))
