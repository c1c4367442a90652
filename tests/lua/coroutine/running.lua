-- coroutine.running and coroutine.isyieldable
local main, ismain = coroutine.running()
print(type(main), ismain)
print(coroutine.isyieldable())
print(coroutine.isyieldable(main))
print(coroutine.status(main))
local co
co = coroutine.create(function()
  local me, m = coroutine.running()
  print("inside", me == co, m)
  print("yieldable", coroutine.isyieldable())
  print("main yieldable", coroutine.isyieldable(main))
  print("self yieldable", coroutine.isyieldable(co))
  coroutine.yield()
  return coroutine.running() == co
end)
print("before", coroutine.isyieldable(co))
coroutine.resume(co)
print("suspended", coroutine.isyieldable(co))
print(coroutine.resume(co))
print("dead", coroutine.isyieldable(co))
print(coroutine.running() == main)

-- inside pcall inside a coroutine: still yieldable
co = coroutine.wrap(function()
  return pcall(function() return coroutine.isyieldable(), select(2, coroutine.running()) end)
end)
print(co())
-- inside a metamethod inside a coroutine
local mt = {__index = function() return coroutine.isyieldable() end}
co = coroutine.wrap(function() return setmetatable({}, mt).x end)
print(co())
-- in the main thread, inside pcall and metamethods
print(pcall(coroutine.isyieldable))
print(setmetatable({}, mt).y)
-- inside table.sort comparator in main
local seen
table.sort({3, 1, 2}, function(a, b) seen = coroutine.isyieldable(); return a < b end)
print(seen)
-- running returns the same object each time
co = coroutine.create(function()
  local a = coroutine.running()
  coroutine.yield(a)
  local b = coroutine.running()
  return a == b
end)
local ok, first = coroutine.resume(co)
print(ok, first == co, coroutine.resume(co))
-- a coroutine object as a table key and in equality tests
local t = {[co] = "co", [main] = "main"}
print(t[co], t[coroutine.running()])
print(co == co, co == main, rawequal(co, co))
print(tostring(co):match("^thread: ") ~= nil)
