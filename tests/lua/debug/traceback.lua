-- debug.traceback: messages, levels, non-string messages, coroutines.
local function clean(s)
  return (s:gsub("0x%x+", "ADDR"))
end
local function lvl3() return debug.traceback("msg here", 1) end
local function lvl2() return lvl3() .. "" end
local function lvl1() local r = lvl2() return r end
print(lvl1())
print(debug.traceback())
print(debug.traceback("at level 2", 2))
print(debug.traceback(nil))
print(debug.traceback(nil, 1) == nil)
print(debug.traceback(42))
print(debug.traceback(4.5))
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(true))
print(debug.traceback("", 0))
print(debug.traceback("no levels", 100))
print(debug.traceback("multi\nline"))

-- through pcall, error and metamethods
local ok, tb = xpcall(function()
  local x = nil
  return x.field
end, debug.traceback)
print(ok, tb)
ok, tb = xpcall(function() error("raised", 1) end, function(m) return debug.traceback(m, 2) end)
print(ok, tb)
local mt = { __index = function(t, k) return debug.traceback("in __index " .. k) end }
print(setmetatable({}, mt).key)
print(select(2, pcall(error)))

-- tail calls show as (...tail calls...)
local function tail2() return debug.traceback("tail") end
local function tail1() return tail2() end
print(tail1())

-- functions are named by fields of loaded modules
print(string.gsub("x", "x", function() return debug.traceback("in gsub") end))
print(pcall(table.sort, { 3, 2, 1 }, function(a, b) error(debug.traceback("in sort"), 0) end))

-- coroutines
local co = coroutine.create(function()
  local function inner() coroutine.yield() end
  inner()
end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "coroutine message"))
print(debug.traceback(co, "from level 1", 1))
print(debug.traceback(co, nil))
print(debug.traceback(co, 7))
coroutine.resume(co)
print(debug.traceback(co, "dead"))
local errco = coroutine.create(function() local x = nil; return x + 1 end)
print(coroutine.resume(errco))
print(debug.traceback(errco))
print(debug.traceback(coroutine.running(), "running"))

-- deep recursion is abbreviated
local function deep(n) if n == 0 then return debug.traceback("deep") end return (deep(n - 1)) end
for _, depth in ipairs({ 17, 18, 19, 20, 40 }) do
  local d = deep(depth)
  print(depth, select(2, d:gsub("\n", "")), d:match("%.%.%.\t%(skipping %d+ levels%)"))
end
local deepco = coroutine.wrap(function(n)
  for _, depth in ipairs({ 19, 20, 21, 22, 30 }) do
    local d = deep(depth)
    print(depth, select(2, d:gsub("\n", "")), d:match("%.%.%.\t%(skipping %d+ levels%)"))
  end
end)
deepco()
print(deep(25))

-- argument errors
print(pcall(debug.traceback, "x", "y"))
print(pcall(debug.traceback, co, "x", "y"))

-- levels seen from functions that library functions call
table.sort({ 3, 2, 1 }, function(a, b)
  local i = debug.getinfo(2, "nSl")
  local j = debug.getinfo(3, "nSl")
  print(i.what, i.name, i.namewhat, i.currentline, j.what, j.currentline, debug.getinfo(1, "n").name)
  return a < b
end)
print(pcall(table.sort, { 3, 2, 1 }, function(a, b) error("level 3", 3) end))
print(pcall(table.sort, { 3, 2, 1 }, function(a, b) error("level 2", 2) end))
print(pcall(string.gsub, "ab", "%w", function(c) error("gsub level 3", 3) end))
print(pcall(string.gsub, "ab", "%w", setmetatable({}, { __index = function(t, k) error("index level 3", 3) end })))
for _, v in ipairs(setmetatable({}, { __index = function(t, k)
  local i = debug.getinfo(2, "nS")
  print("ipairs level 2:", i.what, i.name, i.namewhat)
  print(debug.traceback("from ipairs", 1))
  return nil
end })) do end
print(pcall(os.time, setmetatable({}, { __index = function(t, k) error("time field " .. k, 3) end })))
print(debug.traceback("levels", -1))
print(debug.traceback("levels", 2))
print(debug.traceback("levels", 3))
