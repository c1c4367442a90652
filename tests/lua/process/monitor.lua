-- lurel-only
-- process.monitor / process.demonitor and DOWN messages
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

local function waiter()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    if type(m) == "table" and m[1] == "crash" then error(m[2], m[3]) end
    if type(m) == "table" and m[1] == "exit" then P.exit(m[2]) end
  end
end

-- monitor returns a ref; DOWN has the documented shape
local w = P.spawn(waiter)
local ref = P.monitor(w)
ok(P.is_ref(ref), "monitor returns a ref")
ok(has(P.info(me).monitors, w), "info(self).monitors lists the monitored pid")
P.send(w, "stop")
local d = P.receive({"DOWN", ref})
ok(#d == 5 and d[1] == "DOWN" and d[2] == ref and d[3] == "process" and d[4] == w and d[5] == "normal",
   "DOWN is {'DOWN', ref, 'process', pid, 'normal'} for a normal end")
ok(not has(P.info(me).monitors, w), "the monitor is gone after DOWN")

-- reasons: error string (with position), error(msg, 0), error table, exit
-- value, killed
local function down_reason(order)
  local p = P.spawn(waiter)
  local r = P.monitor(p)
  if order == "kill" then P.exit(p, "kill") else P.send(p, order) end
  local dm = P.receive({"DOWN", r, "process", p})
  return dm[5]
end
local r1 = down_reason({"crash", "plain"})
ok(type(r1) == "string" and r1:match("monitor%.lua:%d+: plain$"), "an error string carries its position: " .. r1)
ok(down_reason({"crash", "bare", 0}) == "bare", "error(msg, 0) gives the bare message")
local r3 = down_reason({"crash", {code = 42, list = {1, 2}}})
ok(type(r3) == "table" and r3.code == 42 and r3.list[2] == 2, "an error table arrives as a table")
ok(down_reason({"exit", "my-reason"}) == "my-reason", "exit(reason) gives that reason")
local r5 = down_reason({"exit", {"shutdown", "detail"}})
ok(r5[1] == "shutdown" and r5[2] == "detail", "a table exit reason")
ok(down_reason({"exit", 17}) == 17, "a number exit reason")
ok(down_reason("kill") == "killed", "a killed process gives DOWN 'killed'")

-- a monitor does not link: the watcher survives the crash
P.send(me, "alive")
ok(P.receive("alive") == "alive", "the watcher survived all those crashes")

-- a dead target gives an immediate DOWN noproc
local dead, dref = P.spawn_monitor(function() end)
P.receive({"DOWN", dref})
local nref = P.monitor(dead)
d = P.receive({"DOWN", nref}, 5000)
ok(d and d[4] == dead and d[5] == "noproc", "monitor of a dead pid: DOWN noproc")
local ghost = P.pid("<0.888888.0>")
local gref = P.monitor(ghost)
d = P.receive({"DOWN", gref}, 5000)
ok(d and d[4] == ghost and d[5] == "noproc", "monitor of a pid that never existed: DOWN noproc")
ok(not has(P.info(me).monitors, dead), "no monitor remains for a dead pid")

-- several monitors on one process: one DOWN each
local m = P.spawn(waiter)
local ra, rb, rc = P.monitor(m), P.monitor(m), P.monitor(m)
ok(ra ~= rb and rb ~= rc, "each monitor has its own ref")
P.send(m, {"exit", "multi"})
local refs = {}
for i = 1, 3 do
  local x = P.receive({"DOWN", P._, "process", m})
  refs[x[2]] = x[5]
end
ok(refs[ra] == "multi" and refs[rb] == "multi" and refs[rc] == "multi", "three monitors, three DOWNs")
ok(P.receive({"DOWN"}, 0) == nil, "and no more")

-- several processes monitoring one
local target = P.spawn(waiter)
local watchers = {}
for i = 1, 5 do
  watchers[i] = P.spawn(function(parent, t, i)
    local r = P.monitor(t)
    P.send(parent, {"watching", i})
    local x = P.receive({"DOWN", r})
    P.send(parent, {"saw", i, x[5]})
  end, me, target, i)
end
for i = 1, 5 do P.receive({"watching"}) end
P.send(target, {"exit", "for-all"})
local saw = 0
for i = 1, 5 do
  local x = P.receive({"saw"})
  assert(x[3] == "for-all")
  saw = saw + 1
end
ok(saw == 5, "five watchers each got their DOWN")

-- demonitor: returns true; no DOWN afterwards
local dm = P.spawn(waiter)
local dref1 = P.monitor(dm)
local dref2 = P.monitor(dm)
ok(P.demonitor(dref1) == true, "demonitor returns true")
P.send(dm, {"exit", "after-demonitor"})
P.receive({"DOWN", dref2})
ok(P.receive({"DOWN", dref1}, 0) == nil, "no DOWN for a demonitored ref")
ok(P.demonitor(dref1) == true, "demonitor of an inactive ref returns true")
ok(P.demonitor(P.make_ref()) == true, "demonitor of an unknown ref returns true")
ok(P.demonitor(dref2, true) == true, "demonitor(ref, true) after DOWN was received returns true")

-- demonitor without flush leaves a queued DOWN; with flush removes it
local f1 = P.spawn(waiter)
local fa, fb = P.monitor(f1), P.monitor(f1)
P.send(me, "before")
P.send(f1, {"exit", "flushme"})
-- wait until both DOWNs are queued: take the one for fb
P.receive({"DOWN", fb})
P.send(me, "after")
ok(P.demonitor(fa) == true, "demonitor without flush")
local q = P.receive({"DOWN", fa}, 0)
ok(q ~= nil and q[5] == "flushme", "without flush the queued DOWN stays")

local f2 = P.spawn(waiter)
local ga, gb = P.monitor(f2), P.monitor(f2)
P.send(me, "m1")
P.send(f2, {"exit", "flushme2"})
P.receive({"DOWN", gb})          -- now the DOWN for ga is queued too
P.send(me, "m2")
ok(P.demonitor(ga, true) == true, "demonitor with flush returns true")
ok(P.receive({"DOWN", ga}, 0) == nil, "with flush the queued DOWN is removed")
ok(P.receive() == "before" and P.receive() == "after" and P.receive() == "m1" and P.receive() == "m2",
   "other messages are untouched, in order")
ok(P.receive(0) == nil, "mailbox empty")

-- flush while the target is still alive: no DOWN ever comes
local f3 = P.spawn(waiter)
local ha, hb = P.monitor(f3), P.monitor(f3)
P.demonitor(ha, true)
P.send(f3, "stop")
P.receive({"DOWN", hb})
ok(P.receive({"DOWN", ha}, 0) == nil, "flush on a live target: no DOWN later")

-- the target's info no longer counts a removed monitor: it can die freely
-- and a monitor taken by a process that died does not fire into nothing
local gone, goneref = P.spawn_monitor(function(t) P.monitor(t) end, f3)
P.receive({"DOWN", goneref})
ok(true, "a watcher that dies first leaves no trouble")

-- monitoring a registered process: DOWN names the pid
local reg = P.spawn(waiter)
P.register("monitored_one", reg)
local rref = P.monitor(reg)
P.send("monitored_one", "stop")
d = P.receive({"DOWN", rref})
ok(d[4] == reg, "DOWN carries the pid of a registered process")

-- monitor/demonitor argument errors
ok(not pcall(P.monitor, "name"), "monitor('name') raises")
ok(not pcall(P.monitor), "monitor() raises")
ok(not pcall(P.demonitor, me), "demonitor(pid) raises")

-- monitor oneself: no DOWN while alive
local sref = P.monitor(me)
ok(P.is_ref(sref), "monitor(self()) returns a ref")
ok(P.receive({"DOWN", sref}, 0) == nil, "no DOWN for oneself while alive")
P.demonitor(sref)

-- exit reasons that cannot be sent still produce a DOWN
local function unsendable(f)
  local p, r = P.spawn_monitor(f)
  local x = P.receive({"DOWN", r}, 10000)
  return x
end
local x1 = unsendable(function() error(nil) end)
ok(x1 ~= nil and x1[5] ~= nil, "error(nil) still gives a DOWN with a reason: " .. tostring(x1 and x1[5]))
local x2 = unsendable(function() error(coroutine.create(print)) end)
ok(x2 ~= nil, "error(coroutine) still gives a DOWN: " .. tostring(x2 and x2[5]))
local x3 = unsendable(function() P.exit(io.stdout) end)
ok(x3 ~= nil, "exit(io.stdout) still gives a DOWN: " .. tostring(x3 and x3[5]))

print("monitor: all done")
