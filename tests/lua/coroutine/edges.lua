-- odd corners: self-referencing weak metatables, closing values of failing
-- iterators, yields in a for loop's closing value, closing and resuming from
-- inside __close, tracebacks of closed coroutines, error levels through wrap
local t = {}
setmetatable(t, t); t.__mode = "k"
t[{}] = 1
collectgarbage()
print("self-mt weak", next(t, nil) == "__mode" and next(t, "__mode") or next(t))
-- __mode changes after a collection
local w = setmetatable({}, {__mode = "k"})
local mt = getmetatable(w)
w[{}] = 1
mt.__mode = nil
w[{}] = 2
collectgarbage()
local n = 0 for _ in pairs(w) do n = n + 1 end
print("mode removed", n)
-- iterator erroring with closing value
print(pcall(function()
  for i in function() error("iter err", 0) end, nil, nil, setmetatable({}, {__close = function(_, e) print("closing for", e) end}) do end
end))
-- yield within __close at break in generic for
local co = coroutine.wrap(function()
  for i in function(_, c) if c < 5 then return c + 1 end end, nil, 0, setmetatable({}, {__close = function() coroutine.yield("yield in for close") end}) do
    if i == 2 then break end
  end
  return "after loop"
end)
print(co()); print(co())
-- coroutine closes itself from __close? (running: error)
co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() print("self close", pcall(coroutine.close, coroutine.running())) end})
end)
print(coroutine.resume(co))
-- debug.traceback of a closed coroutine
co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
coroutine.close(co)
print("tb closed", debug.traceback(co, "x"))
-- status inside __close during coroutine.close
local c2
c2 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() print("status in close", coroutine.status(c2), coroutine.isyieldable()) end})
  coroutine.yield()
end)
coroutine.resume(c2)
print(coroutine.close(c2), coroutine.status(c2))
-- resume a coroutine from within its own __close during close: it's running
c2 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() print("resume self", coroutine.resume(c2)) end})
  coroutine.yield()
end)
coroutine.resume(c2)
print(coroutine.close(c2))
-- coroutine.close in a wrap's coroutine while it's normal
local outer
outer = coroutine.create(function()
  local inner = coroutine.wrap(function() return pcall(coroutine.close, outer) end)
  return inner()
end)
print(coroutine.resume(outer))
-- getinfo on dead-by-error coroutine after close
co = coroutine.create(function() local a <close> = setmetatable({}, {__close = function() end}); error("x") end)
coroutine.resume(co)
print(debug.getinfo(co, 1, "l") ~= nil)
coroutine.close(co)
print(debug.getinfo(co, 1, "l"))
-- count in coroutine
print(type(coroutine.wrap(function() return collectgarbage("count") end)()))
-- error with level 2 inside coroutine body called from resume: position?
print(coroutine.resume(coroutine.create(function() error("lvl2", 2) end)))
print(pcall(coroutine.wrap(function() error("lvl2w", 2) end)))
local function callwrap() return coroutine.wrap(function() error("lvl2x", 2) end)() end
print(pcall(callwrap))
