-- load with strings, chunk names, modes and environments
local f = load("return 1 + 2")
assert(f() == 3)
print(f())
-- parameters of a loaded chunk are varargs
f = load("local a, b = ...; return a * b")
print(f(6, 7))
-- custom environment
local env = { x = 10, tostring = tostring }
f = load("y = x * 2; return tostring(y)", "envchunk", "t", env)
print(f(), env.y, rawget(_G, "y"))
assert(env.y == 20 and y == nil)
-- the environment is the first upvalue; globals resolve through it
local env2 = setmetatable({}, { __index = _G })
f = load("z = math.floor(2.5); return z", "=env2", "t", env2)
print(f(), env2.z, z)
-- nil environment: globals are inaccessible
f = load("return x", "=nilenv", "t", nil)
print(pcall(f))
-- chunk names in error messages
print(pcall(load("error('boom')", "=named")))
print(pcall(load("error('boom')", "@file.lua")))
print(pcall(load("error('boom')", "plain source")))
print(pcall(load("error('boom')")))
print(pcall(load("\n\nerror('line 3')", "=lines")))
-- mode
print(load("return 1", "=m", "t") ~= nil, load("return 1", "=m", "bt") ~= nil)
print(load("return 1", "=m", "b"))
-- reader function
local pieces = { "return ", "'from", " reader'", nil }
local i = 0
f = load(function() i = i + 1; return pieces[i] end)
print(f())
i = 0
local empties = { "", "return 5" }
f = load(function() i = i + 1; return empties[i] end)
print(f and f())
print(type(load(function() return nil end)))
local once = false
local okl, fl = pcall(load, function() if once then return nil end once = true return "return " end)
print(okl, type(fl), select("#", fl()))
local n42 = 0
print(load(function() n42 = n42 + 1; if n42 == 1 then return "return " elseif n42 == 2 then return 42 end end)())
print(pcall(load, function() return {} end))
-- load returns nil plus message, never throws on syntax errors
local ok, fn, msg = pcall(load, "return +")
print(ok, fn, msg)
-- loaded functions are closures with their own upvalue _ENV
local counter_src = "count = (count or 0) + 1; return count"
local e1, e2 = {}, {}
local c1, c2 = load(counter_src, "c", "t", e1), load(counter_src, "c", "t", e2)
c1(); c1(); c2()
print(e1.count, e2.count)
-- a chunk can return multiple values and functions
f = load("return function(a) return a * 2 end, 'second'")
local g, second = f()
print(g(21), second)
-- strings with a BOM-less shebang are not skipped by load
print(load("#!shebang\nreturn 1"))
