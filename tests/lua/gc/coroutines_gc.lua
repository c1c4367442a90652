-- coroutines are collected when unreachable, whatever their state
local w = setmetatable({}, {__mode = "v"})
w.new = coroutine.create(function() end)
w.suspended = coroutine.create(function() coroutine.yield() end)
coroutine.resume(w.suspended)
w.dead = coroutine.create(function() end)
coroutine.resume(w.dead)
w.failed = coroutine.create(function() error("x") end)
coroutine.resume(w.failed)
local keep = coroutine.create(function() coroutine.yield() end)
coroutine.resume(keep)
w.kept = keep
collectgarbage()
local names = {}
for k in pairs(w) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
-- a suspended coroutine keeps its locals alive
local probe = setmetatable({}, {__mode = "v"})
local co = coroutine.create(function()
  local obj = {}
  probe[1] = obj
  coroutine.yield()
  return obj
end)
coroutine.resume(co)
collectgarbage()
print("local of suspended coroutine", probe[1] ~= nil)
co = nil
collectgarbage()
print("after the coroutine is dropped", probe[1])
-- finalizers of objects referenced only by a dropped suspended coroutine run
local log = {}
co = coroutine.create(function()
  local o <const> = setmetatable({}, {__gc = function() log[#log + 1] = "finalized" end})
  coroutine.yield()
  print(o)
end)
coroutine.resume(co)
co = nil
collectgarbage()
print(table.concat(log))
-- a coroutine referencing itself through an upvalue and a weak table
local selfish
selfish = coroutine.create(function() local me = selfish; coroutine.yield() end)
coroutine.resume(selfish)
w.selfish = selfish
selfish = nil
collectgarbage()
print("self-referencing coroutine", w.selfish)
-- wrap closures keep their coroutine; dropping the wrap drops it
local gens = setmetatable({}, {__mode = "k"})
local g = coroutine.wrap(function() coroutine.yield(1) end)
g()
gens[g] = true
collectgarbage()
print("wrap alive", next(gens) ~= nil)
g = nil
collectgarbage()
print("wrap gone", next(gens) == nil)
-- many generators created and abandoned mid-way
for i = 1, 20000 do
  local gen = coroutine.wrap(function() for j = 1, 10 do coroutine.yield(j) end end)
  gen(); gen()
end
collectgarbage()
print("done")
