-- errors inside coroutines: what resume returns, error objects, levels
local function res(co, ...) return coroutine.resume(co, ...) end
print(res(coroutine.create(function() error("plain") end)))
print(res(coroutine.create(function() error("nolevel", 0) end)))
print(res(coroutine.create(function() error("level2", 2) end)))
print(res(coroutine.create(function() local function f() error("lvl2 in f", 2) end f() end)))
print(res(coroutine.create(function() error() end)))
print(res(coroutine.create(function() error(nil) end)))
print(res(coroutine.create(function() error(false) end)))
print(res(coroutine.create(function() error(3.5) end)))
print(select('#', res(coroutine.create(function() error() end))))
local t = {}
local ok, e = res(coroutine.create(function() error(t) end))
print(ok, e == t)
-- runtime errors with variable names
print(res(coroutine.create(function() local x; return x.y end)))
print(res(coroutine.create(function() return undefinedglobal.y end)))
print(res(coroutine.create(function() local s = "x"; return s + 1 end)))
print(res(coroutine.create(function() return #nil end)))
print(res(coroutine.create(function() local a = {} ; return a < a end)))
print(res(coroutine.create(function() return ("x"):bad() end)))
print(res(coroutine.create(function(...) return ... + 1 end), 5))
print(res(coroutine.create(function(...) return ... + 1 end), {}))
-- errors after yields
local co = coroutine.create(function()
  coroutine.yield(1)
  coroutine.yield(2)
  error("third")
end)
print(res(co)); print(res(co)); print(res(co)); print(res(co))
print(coroutine.status(co))
-- error raised by a C function called inside the coroutine
print(res(coroutine.create(function() return string.rep() end)))
print(res(coroutine.create(function() return math.floor("x") end)))
print(res(coroutine.create(function() return setmetatable(1, {}) end)))
-- error in a nested coroutine caught by the outer one
co = coroutine.create(function()
  local inner = coroutine.create(function() error("inner fail") end)
  local ok, e = coroutine.resume(inner)
  coroutine.yield("outer saw: " .. tostring(ok) .. " " .. e)
  return "outer ok"
end)
print(res(co)); print(res(co))
-- error in a nested coroutine not caught: wrap passes it up
co = coroutine.create(function()
  local inner = coroutine.wrap(function() error("inner via wrap") end)
  inner()
end)
print(res(co))
-- pcall inside the coroutine catches, resume sees success
print(res(coroutine.create(function() return pcall(error, "caught") end)))
-- error() with a table carrying a __tostring, seen through resume
local E = setmetatable({}, {__tostring = function() return "E-object" end})
ok, e = res(coroutine.create(function() error(E) end))
print(ok, tostring(e), e == E)
-- stack overflow inside a coroutine
local function rec(n) return 1 + rec(n + 1) end
ok, e = res(coroutine.create(function() return rec(1) end))
print(ok, (tostring(e):gsub("^.-:%d+: ", "")))
-- a coroutine can be resumed after its resumer caught its error? no: dead
print(res(co))
-- error in an error handler inside a coroutine
print(res(coroutine.create(function()
  return xpcall(function() error("a") end, function() error("b") end)
end)))
-- errors with line numbers from several lines
co = coroutine.create(function()
  local a = 1
  local b = nil
  coroutine.yield()
  return a + b
end)
res(co)
print(res(co))
-- assert inside a coroutine
print(res(coroutine.create(function() assert(false) end)))
print(res(coroutine.create(function() assert(nil, "custom assert") end)))
print(res(coroutine.create(function() assert(false, {1}) end)) == false)
-- error objects pass through several coroutine levels unchanged
local deep = {}
local function nest(n)
  if n == 0 then error(deep) end
  local c = coroutine.create(nest)
  local ok, e = coroutine.resume(c, n - 1)
  error(e, 0)
end
ok, e = res(coroutine.create(nest), 10)
print(ok, e == deep)
