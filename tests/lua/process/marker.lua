-- lurel-only
-- The receive marker: a receive for a ref made just before it (make_ref,
-- monitor, alias, spawn_monitor) returns the right message when many older
-- messages are queued, and does not scan the older ones
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()
local N = 5000

-- a server that answers {ref, n} with {ref, n * 2}
local server = P.spawn(function()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    P.send(m.from, {m.ref, m.n * 2})
  end
end)

local function fill(n)
  for i = 1, n do P.send(me, {"old", i}) end
end
local function drain_old(n)
  for i = 1, n do
    local m = P.receive({"old", P._}, 0)
    assert(m and m[2] == i, "old message " .. i .. " kept in order")
  end
end

-- make_ref: the right reply among many older messages, including older
-- replies that look alike
fill(N)
local stale = P.make_ref()
P.send(me, {stale, -1})                  -- an older lookalike
local ref = P.make_ref()
P.send(server, {from = me, ref = ref, n = 21})
local r = P.receive({ref, P._})
ok(r[1] == ref and r[2] == 42, "make_ref: the reply for the fresh ref")
ok(P.receive({stale, P._}, 0)[2] == -1, "the older lookalike is still there")
drain_old(N)
ok(P.receive(0) == nil, "all older messages still there, in order")

-- the older messages are not scanned.  Scanning a message costs a
-- reduction, so a receive that scanned the N older ones would cost at
-- least N reductions.
local function reds() return P.info(me).reductions end
fill(N)
ref = P.make_ref()
P.send(server, {from = me, ref = ref, n = 5})
local r0 = reds()
r = P.receive({ref, P._})
local used = reds() - r0
ok(r[1] == ref and r[2] == 10, "make_ref: the right reply again")
ok(used < N / 2, "the " .. N .. " older messages were not scanned (" .. used .. " reductions)")
drain_old(N)
-- and a receive that must scan them all does cost that much (the measure works)
fill(N)
r0 = reds()
ok(P.receive({"never"}, 0) == nil, "a receive that matches nothing")
used = reds() - r0
ok(used >= N, "scanning " .. N .. " messages costs at least " .. N .. " reductions (" .. used .. ")")
drain_old(N)

-- the same with a function in the pattern (the receive runs in Lua)
local calls = 0
local function count(v) calls = calls + 1 return true end
fill(N)
ref = P.make_ref()
P.send(server, {from = me, ref = ref, n = 6})
r0 = reds()
r = P.receive({ref, count})
used = reds() - r0
ok(r[1] == ref and r[2] == 12 and calls == 1, "make_ref + function pattern: the right reply")
ok(used < N / 2, "... without scanning the " .. N .. " older messages (" .. used .. " reductions)")
drain_old(N)

-- a pattern that can match messages without the ref must still see the
-- older messages: the marker is only for patterns that need the ref
P.send(me, {"x", 1})
ref = P.make_ref()
r = P.receive(P.any({ref, P._}, {"x", P._}), 0)
ok(r ~= nil and r[1] == "x", "any({ref, _}, {'x', _}) finds an older {'x', 1}")
P.send(me, {"y", 1})
ref = P.make_ref()
r = P.receive({P.any(ref, "y"), P._}, 0)
ok(r ~= nil and r[1] == "y", "{any(ref, 'y'), _} finds an older {'y', 1}")
P.send(me, {"z", 1})
ref = P.make_ref()
r = P.receive({P.any(ref, function(v) return v == "z" end), P._}, 0)
ok(r ~= nil and r[1] == "z", "{any(ref, function), _} finds an older {'z', 1}")
local gone, gref = P.spawn_monitor(function() end)
while P.alive(gone) do P.yield() end
ref = P.make_ref()                         -- the DOWN is queued before the ref
r = P.receive(P.any({ref, P._}, {"DOWN", gref}), 0)
ok(r ~= nil and r[1] == "DOWN", "a receive for a reply or an older DOWN finds the DOWN")
P.send(me, {"w", 1})
ref = P.make_ref()
r = P.receive(function(v) return v[1] == "w" or v[1] == ref end, 0)
ok(r ~= nil and r[1] == "w", "a function pattern (that holds the ref as an upvalue) sees older messages")

-- the same for a fresh ref that the pattern holds deeper
fill(100)
ref = P.make_ref()
P.send(server, {from = me, ref = ref, n = 1})
r = P.receive({ref, 2})
ok(r[2] == 2, "pattern {ref, 2}")
drain_old(100)

-- monitor: DOWN for a fresh monitor among many older messages
fill(N)
local victim = P.spawn(function() P.receive() end)
local mref = P.monitor(victim)
P.send(victim, "die")
local rm = reds()
local d = P.receive({"DOWN", mref, "process", victim, P._})
ok(reds() - rm < N / 2, "monitor: the older messages were not scanned (" .. (reds() - rm) .. " reductions)")
ok(d[5] == "normal", "monitor: the DOWN for the fresh ref among " .. N .. " older messages")
drain_old(N)

-- monitor of a dead process: the immediate DOWN noproc is found
fill(N)
local dead, dref = P.spawn_monitor(function() end)
P.receive({"DOWN", dref})
mref = P.monitor(dead)
local r1 = reds()
d = P.receive({"DOWN", mref})
ok(d[5] == "noproc", "monitor of a dead pid: immediate DOWN noproc found")
ok(reds() - r1 < N / 2, "... without scanning the " .. N .. " older messages (" .. (reds() - r1) .. " reductions)")
drain_old(N)

-- spawn_monitor
fill(N)
local sp, sref = P.spawn_monitor(function() P.exit("bye") end)
d = P.receive({"DOWN", sref})
ok(d[4] == sp and d[5] == "bye", "spawn_monitor: the DOWN among " .. N .. " older messages")
drain_old(N)

-- alias: a reply to a fresh alias
fill(N)
local a = P.alias()
P.send(server, {from = a, ref = a, n = 50})
r = P.receive({a, P._})
ok(r[2] == 100, "alias: the reply to a fresh alias")
P.unalias(a)
drain_old(N)

-- two refs in flight: the older one is received first, then the newer
fill(100)
local r1 = P.make_ref()
P.send(server, {from = me, ref = r1, n = 1})
local r2 = P.make_ref()
P.send(server, {from = me, ref = r2, n = 2})
ok(P.receive({r1, P._})[2] == 2, "the reply for the older of two refs")
ok(P.receive({r2, P._})[2] == 4, "then the reply for the newer")
drain_old(100)

-- the reply is already queued when the receive starts
fill(100)
r1 = P.make_ref()
P.send(server, {from = me, ref = r1, n = 3})
P.send(server, {from = me, ref = "sync", n = 0})
P.receive({"sync", P._})                 -- the first reply is queued by now
ok(P.receive({r1, P._})[2] == 6, "the reply already queued is found")
drain_old(100)

-- the marker does not hide messages when other receives ran in between:
-- the last old message (where the marker points) is taken before the reply
-- is awaited
fill(10)
r1 = P.make_ref()
P.send(server, {from = me, ref = r1, n = 7})
local last = P.receive({"old", 10})
ok(last[2] == 10, "took the message at the marker")
ok(P.receive({r1, P._})[2] == 14, "the reply is still found")
drain_old(9)

-- the reply arrives, then messages are queued before and after: a
-- receive for an older pattern still sees everything
fill(5)
r1 = P.make_ref()
P.send(me, {"new", 1})
ok(P.receive({"old", 1})[2] == 1, "a receive for an older message after make_ref finds it")
ok(P.receive({"new", 1})[2] == 1, "and the newer one too")
for i = 2, 5 do assert(P.receive({"old", i})) end

-- a monitor DOWN that is flushed while a marker points at it
fill(3)
local fv, fref = P.spawn_monitor(function() end)
local marker_ref = P.make_ref()      -- marker after the DOWN (maybe) arrives
P.demonitor(fref, true)
P.send(me, {marker_ref, "after"})
ok(P.receive({marker_ref, P._})[2] == "after", "receive for a ref after a flushed DOWN")
drain_old(3)

-- a receive for a fresh ref that times out leaves everything in place
fill(10)
r1 = P.make_ref()
ok(P.receive({r1}, 10) == nil, "a receive for a fresh ref times out")
drain_old(10)

P.send(server, "stop")
print("marker: all done")
