-- coroutine.wrap: results, errors with positions, dead wraps
local gen = coroutine.wrap(function(a)
  local b = coroutine.yield(a * 2)
  local c = coroutine.yield(b + 1)
  return "last", c
end)
print(gen(5))
print(gen(10))
print(gen("x"))
print(pcall(gen))
print(pcall(gen, 1))

-- errors propagate with position information added by wrap
local w = coroutine.wrap(function() error("oops") end)
print(pcall(w))
w = coroutine.wrap(function() error("oops", 0) end)
print(pcall(w))
w = coroutine.wrap(function() error("oops", 2) end)
print(pcall(w))
w = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(w)
print(ok, type(e), e.code)
w = coroutine.wrap(function() error() end)
print(pcall(w))
w = coroutine.wrap(function() error(42) end)
print(pcall(w))
w = coroutine.wrap(function() local x = nil; return x.y end)
print(pcall(w))
w = coroutine.wrap(function() return 1 + {} end)
print(pcall(w))
w = coroutine.wrap(function() coroutine.yield(1); error("later") end)
print(pcall(w))
print(pcall(w))
print(pcall(w))

-- a wrap called through another wrap
local inner = coroutine.wrap(function() error("deep") end)
local outer = coroutine.wrap(function() inner() end)
print(pcall(outer))

-- error in a wrapped C function
w = coroutine.wrap(string.rep)
print(pcall(w))
w = coroutine.wrap(error)
print(pcall(w, "msg"))
print(pcall(coroutine.wrap(error), "msg", 0))

-- wrap as iterator
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i, i * i) end
  end)
end
for i, sq in range(4) do print(i, sq) end

-- the wrapped function is a plain function
print(type(w))
print(select('#', coroutine.wrap(function() end)()))
print(select('#', coroutine.wrap(function() return nil, nil, nil end)()))

-- error with a message that is not a string is passed unchanged
w = coroutine.wrap(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end)
ok, e = pcall(w)
print(ok, tostring(e))

-- resuming a running wrap from inside itself
local self
self = coroutine.wrap(function() return self() end)
print(pcall(self))
-- an uncaught error from a wrap ends the caller
local w2 = coroutine.wrap(function() coroutine.yield("first") end)
print(w2())
print(w2())
print(pcall(w2))
