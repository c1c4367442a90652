-- finalizers and coroutines: a finalizer cannot yield (the error becomes a
-- warning on stderr), may use coroutines itself, and errors do not hurt
-- the coroutine it runs in
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
warn("@on")
local co = coroutine.create(function()
  local t = {}
  for i = 1, 3 do
    setmetatable({}, {__gc = function()
      print("fin yieldable", coroutine.isyieldable())
      coroutine.yield("from fin")
      print("after yield in fin")
    end})
  end
  collectgarbage()
  coroutine.yield("normal yield")
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
-- finalizer that errors inside a coroutine
co = coroutine.wrap(function()
  setmetatable({}, {__gc = function() error("fin err in co") end})
  collectgarbage()
  return "co survived"
end)
print(co())
-- finalizer calling coroutine functions
local log = {}
do setmetatable({}, {__gc = function()
  local g = coroutine.wrap(function() coroutine.yield(1); coroutine.yield(2) end)
  log[#log+1] = g() + g()
end}) end
collectgarbage()
print(log[1])
