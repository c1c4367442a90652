-- __gc finalizers run in reverse order of being marked for finalization
-- (i.e. of the setmetatable calls), once each, during collectgarbage()
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local log = {}
local function mk(name)
  return setmetatable({name = name}, {__gc = function(o) log[#log + 1] = o.name end})
end
do
  local a, b, c = mk("a"), mk("b"), mk("c")
end
collectgarbage()
print(table.concat(log, " "))
log = {}
-- created in one order, marked in another
do
  local x, y, z = {name = "x"}, {name = "y"}, {name = "z"}
  local mt = {__gc = function(o) log[#log + 1] = o.name end}
  setmetatable(z, mt); setmetatable(x, mt); setmetatable(y, mt)
end
collectgarbage()
print(table.concat(log, " "))
log = {}
-- only unreachable objects are finalized; reachable ones wait
local keep = {}
for i = 1, 6 do
  local o = mk("o" .. i)
  if i % 2 == 0 then keep[#keep + 1] = o end
end
collectgarbage()
print(table.concat(log, " "))
log = {}
keep = nil
collectgarbage()
print(table.concat(log, " "))
log = {}
-- a finalizer runs only once even if collectgarbage is called again
do mk("once") end
collectgarbage(); collectgarbage(); collectgarbage()
print(table.concat(log, " "))
log = {}
-- the finalizer receives the object, with its fields intact
local got
do setmetatable({1, 2, 3, tag = "t"}, {__gc = function(o) got = #o .. o.tag end}) end
collectgarbage()
print(got)
-- objects referenced by a finalized object are alive during its finalizer
local inner_ok
do
  local inner = {v = "inner value"}
  setmetatable({inner = inner}, {__gc = function(o) inner_ok = o.inner.v end})
end
collectgarbage()
print(inner_ok)
-- a finalizer that creates new finalizable objects: they run in a later cycle
do
  setmetatable({}, {__gc = function()
    log[#log + 1] = "parent"
    setmetatable({}, {__gc = function() log[#log + 1] = "child" end})
  end})
end
collectgarbage()
print(table.concat(log, " "))
collectgarbage()
print(table.concat(log, " "))
log = {}
-- finalizers of a table cycle
do
  local p, q = mk("p"), mk("q")
  p.other = q; q.other = p
end
collectgarbage()
print(table.concat(log, " "))
log = {}
-- many objects (the collector stopped while they are made, so that no
-- incremental step finalizes some of them early): count and order
collectgarbage("stop")
for i = 1, 1000 do mk(i) end
collectgarbage("restart")
collectgarbage()
print(#log, log[1], log[2], log[1000])
