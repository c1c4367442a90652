-- An event emitter: handlers are closures, subscriptions return an
-- unsubscribe closure, once-handlers remove themselves, priorities order calls.
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({ handlers = {}, seq = 0 }, Emitter) end
function Emitter:on(ev, fn, prio)
  self.seq = self.seq + 1
  local list = self.handlers[ev] or {}
  self.handlers[ev] = list
  local entry = { fn = fn, prio = prio or 0, seq = self.seq }
  list[#list + 1] = entry
  table.sort(list, function(a, b) if a.prio ~= b.prio then return a.prio > b.prio end return a.seq < b.seq end)
  return function()
    for i, e in ipairs(list) do if e == entry then table.remove(list, i) return true end end
    return false
  end
end
function Emitter:once(ev, fn, prio)
  local off
  off = self:on(ev, function(...) off() return fn(...) end, prio)
  return off
end
function Emitter:emit(ev, ...)
  local list = self.handlers[ev]
  if not list then return 0 end
  local snapshot = { table.unpack(list) }
  local n = 0
  for _, e in ipairs(snapshot) do
    n = n + 1
    if e.fn(...) == "stop" then break end
  end
  return n
end

local log = {}
local function logger(tag) return function(...) local a = { ... } for i = 1, select("#", ...) do a[i] = tostring(a[i]) end log[#log + 1] = tag .. "(" .. table.concat(a, ",") .. ")" end end
local em = Emitter.new()
local off_a = em:on("data", logger("a"))
em:on("data", logger("b"), 10)
em:once("data", logger("once"))
em:on("data", logger("c"), -5)
print(em:emit("data", 1, nil, 3))
print(em:emit("data", "second"))
print(off_a(), off_a())
print(em:emit("data", "third"))
em:on("data", function(x) if x == "halt" then log[#log + 1] = "stopper"; return "stop" end end, 100)
print(em:emit("data", "halt"))
print(em:emit("none"))
print(table.concat(log, " "))
-- counters bound through closures
local counts = {}
local em2 = Emitter.new()
for _, name in ipairs({ "x", "y", "z" }) do
  counts[name] = 0
  em2:on("tick", function(step) counts[name] = counts[name] + step end)
end
for i = 1, 5 do em2:emit("tick", i) end
print(counts.x, counts.y, counts.z)
assert(counts.x == 15 and counts.z == 15)
