-- lurel-only
-- process.info, process.list, process.alive, process.yield
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()
local function has(list, x)
  for _, v in ipairs(list) do if v == x then return true end end
  return false
end
-- wait (by yielding, never by sleeping) until cond() holds; true if it did
local function eventually(cond)
  for i = 1, 100000 do
    if cond() then return true end
    P.yield()
  end
  return false
end

-- info of self
local i = P.info(me)
ok(type(i) == "table", "info(self()) is a table")
ok(i.status == "running", "own status is running")
ok(math.type(i.reductions) == "integer" and i.reductions >= 0, "reductions is an integer")
ok(math.type(i.memory) == "integer" and i.memory > 0, "memory is a positive integer (" .. i.memory .. " bytes)")
ok(i.message_queue_len == 0, "message_queue_len 0")
ok(type(i.links) == "table" and #i.links == 0, "links is an empty list")
ok(type(i.monitors) == "table" and #i.monitors == 0, "monitors is an empty list")
ok(i.registered_name == nil, "no registered_name")
ok(i.trap_exit == false, "trap_exit false")

-- message_queue_len counts messages not yet received
P.send(me, 1); P.send(me, 2); P.send(me, 3)
ok(P.info(me).message_queue_len == 3, "message_queue_len counts 3 queued messages")
P.receive(P.any(2))
ok(P.info(me).message_queue_len == 2, "2 after a selective receive")
P.receive(); P.receive()
ok(P.info(me).message_queue_len == 0, "0 after receiving all")

-- a waiting process
local w = P.spawn(function(parent)
  P.send(parent, "ready")
  P.receive("release")
  P.send(parent, "released")
end, me)
P.receive("ready")
ok(eventually(function() return P.info(w).status == "waiting" end), "a process blocked in receive is waiting")
P.send(w, "other1"); P.send(w, "other2")
ok(eventually(function() return P.info(w).message_queue_len == 2 end), "its queue holds 2 non-matching messages")
ok(eventually(function() return P.info(w).status == "waiting" end), "back to waiting after checking them (no match)")
P.send(w, "release")
ok(P.receive("released") == "released", "released")

-- a busy process is runnable (not running: we are)
local busy = P.spawn(function() while true do end end)
ok(eventually(function() return P.info(busy).reductions > 10000 end), "a busy process's reductions grow")
local st = P.info(busy).status
ok(st == "runnable" or st == "running", "a busy process is runnable (" .. st .. ")")
local r1 = P.info(busy).reductions
ok(eventually(function() return P.info(busy).reductions > r1 end), "and keep growing")
P.exit(busy, "kill")

-- memory grows with the heap
local grower = P.spawn(function(parent)
  local t = {}
  P.send(parent, "small")
  P.receive("grow")
  for i = 1, 100000 do t[i] = {i} end
  P.send(parent, "big")
  P.receive("stop")
  return #t
end, me)
P.receive("small")
local m1 = P.info(grower).memory
P.send(grower, "grow")
P.receive("big")
local m2 = P.info(grower).memory
ok(m2 > m1 + 1000000, "memory grows with the heap (" .. m1 .. " -> " .. m2 .. ")")
P.send(grower, "stop")

-- links, monitors, registered_name, trap_exit of another process
local other = P.spawn(function(parent)
  P.flag("trap_exit", true)
  P.link(parent)
  P.monitor(parent)
  P.register("info_other", P.self())
  P.send(parent, "set")
  P.receive("stop")
end, me)
P.receive("set")
local oi = P.info(other)
ok(has(oi.links, me) and #oi.links == 1, "links lists the linked pid")
ok(has(oi.monitors, me) and #oi.monitors == 1, "monitors lists the monitored pid")
ok(oi.registered_name == "info_other", "registered_name")
ok(oi.trap_exit == true, "trap_exit true")
ok(has(P.info(me).links, other), "our links list it too")
P.unlink(other)
P.send(other, "stop")

-- dead processes: info nil, alive false
local d, dr = P.spawn_monitor(function() end)
P.receive({"DOWN", dr})
ok(P.info(d) == nil, "info of a dead pid is nil")
ok(P.alive(d) == false, "alive of a dead pid is false")
ok(P.alive(me) == true, "alive(self()) is true")
ok(not pcall(P.info, "x") and not pcall(P.alive, 1), "info/alive need a pid")

-- list
local l = P.list()
ok(type(l) == "table" and has(l, me), "list() contains self()")
for _, p in ipairs(l) do assert(P.is_pid(p) and P.alive(p)) end
ok(not has(l, d), "list() does not contain a dead pid")
local n0 = #l
local kids = {}
for k = 1, 10 do kids[k] = P.spawn(function() P.receive() end) end
l = P.list()
ok(#l == n0 + 10, "10 more after spawning 10")
for k = 1, 10 do assert(has(l, kids[k])) end
local refs = {}
for k = 1, 10 do refs[k] = P.monitor(kids[k]); P.send(kids[k], "bye") end
for k = 1, 10 do P.receive({"DOWN", refs[k]}) end
ok(#P.list() == n0, "back to the same count after they end")

-- yield lets the others run
local y = P.spawn(function(parent) P.send(parent, "yielded-to") end, me)
local got = nil
ok(eventually(function() got = P.receive(0) return got ~= nil end) and got == "yielded-to",
   "yield lets another process run")

-- a cooperative pair: two processes taking turns with yield see each
-- other's progress
local turns = P.spawn(function(parent)
  for k = 1, 5 do P.send(parent, {"turn", k}); P.yield() end
end, me)
for k = 1, 5 do assert(P.receive({"turn"})[2] == k) end
ok(true, "yielding processes interleave")

print("info: all done")
