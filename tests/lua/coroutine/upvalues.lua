-- closures and upvalues across coroutine lifetimes
-- closures created inside a coroutine outlive it; their upvalues are closed
local getters = {}
local co = coroutine.create(function()
  for i = 1, 3 do
    local v = i * 10
    getters[i] = function() return v end
    coroutine.yield()
    v = v + 1
  end
end)
coroutine.resume(co)
print(getters[1]())
coroutine.resume(co)
print(getters[1](), getters[2]())
coroutine.resume(co)
coroutine.resume(co)
print(coroutine.status(co), getters[1](), getters[2](), getters[3]())

-- an upvalue shared between the creator and a suspended coroutine
local counter = 0
local inc = coroutine.wrap(function()
  while true do counter = counter + 1; coroutine.yield(counter) end
end)
inc(); inc()
counter = 100
print(inc(), counter)

-- a local of a suspended coroutine captured by a closure, modified from outside
local setter, reader
co = coroutine.create(function()
  local x = "initial"
  setter = function(v) x = v end
  coroutine.yield()
  reader = x
  coroutine.yield()
  return x
end)
coroutine.resume(co)
setter("changed")
coroutine.resume(co)
print(reader)
setter("again")
print(coroutine.resume(co))
setter("after death")
print(coroutine.status(co))

-- closing a coroutine closes its open upvalues with their current values
local peek
co = coroutine.create(function()
  local y = 1
  peek = function() return y end
  y = 2
  coroutine.yield()
  y = 3
end)
coroutine.resume(co)
coroutine.close(co)
print(peek())

-- coroutine that dies with an error: captured upvalues keep their values
local peek2
co = coroutine.create(function()
  local z = "before"
  peek2 = function() return z end
  z = "at error"
  error("x")
end)
coroutine.resume(co)
print(peek2())
coroutine.close(co)
print(peek2())

-- many closures over loop variables inside a generator
local fs = {}
local g = coroutine.wrap(function()
  for i = 1, 5 do coroutine.yield(function() return i * i end) end
end)
for _ = 1, 5 do fs[#fs + 1] = g() end
local s = {}
for i, f in ipairs(fs) do s[i] = f() end
print(table.concat(s, " "))

-- a coroutine capturing itself via an upvalue
local selfref
selfref = coroutine.create(function()
  coroutine.yield(coroutine.status(selfref))
  return selfref == coroutine.running()
end)
print(coroutine.resume(selfref))
print(coroutine.resume(selfref))
