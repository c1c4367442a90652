-- argument errors of the coroutine library, word for word
local function try(name, f, ...)
  print(name, pcall(f, ...))
end
try("create()", coroutine.create)
try("create(nil)", coroutine.create, nil)
try("create(1)", coroutine.create, 1)
try("create('f')", coroutine.create, "f")
try("create({})", coroutine.create, {})
try("create(callable)", coroutine.create, setmetatable({}, {__call = print}))
try("resume()", coroutine.resume)
try("resume(nil)", coroutine.resume, nil)
try("resume(1)", coroutine.resume, 1)
try("resume(print)", coroutine.resume, print)
try("resume({})", coroutine.resume, {})
try("status()", coroutine.status)
try("status(nil)", coroutine.status, nil)
try("status('x')", coroutine.status, "x")
try("status(print)", coroutine.status, print)
try("wrap()", coroutine.wrap)
try("wrap(1)", coroutine.wrap, 1)
try("wrap(true)", coroutine.wrap, true)
try("close()", coroutine.close)
try("close(1)", coroutine.close, 1)
try("close(print)", coroutine.close, print)
try("isyieldable(1)", coroutine.isyieldable, 1)
try("isyieldable('x')", coroutine.isyieldable, "x")
try("isyieldable(nil)", coroutine.isyieldable, nil)
try("yield() in main", coroutine.yield)
try("yield(1,2) in main", coroutine.yield, 1, 2)

-- the same errors called directly, positions included
print(pcall(function() coroutine.create(42) end))
print(pcall(function() coroutine.resume("co") end))
print(pcall(function() coroutine.status(nil) end))
print(pcall(function() coroutine.wrap(nil) end))
print(pcall(function() local co = coroutine.running(); coroutine.close(co) end))
print(pcall(function() coroutine.yield() end))

-- method-style calls name the argument differently
local t = {create = coroutine.create}
print(pcall(function() t:create() end))
print(pcall(function() t.create() end))
local co = coroutine.running()
print(pcall(coroutine.close, co))
print(select('#', pcall(coroutine.close, co)))

-- errors do not disturb a suspended coroutine
local g = coroutine.create(function() coroutine.yield(1) return 2 end)
print(coroutine.resume(g))
print(pcall(coroutine.resume, 1, g))
print(coroutine.resume(g))
print(coroutine.resume(g))

-- resuming a coroutine from itself
local self
self = coroutine.create(function()
  print("inside", coroutine.resume(self))
  print("inside wrap", pcall(coroutine.wrap(function() return coroutine.resume(self) end)))
  return "ok"
end)
print(coroutine.resume(self))
