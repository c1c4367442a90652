-- lurel-only
-- Function patterns in receive: called once per message per wait (never
-- twice), errors propagate and leave the mailbox intact, a long-running
-- pattern function is preempted (others keep running) and can be killed
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- a simple function pattern; non-matching messages stay in order
for i = 1, 6 do P.send(me, i) end
local even = P.receive(function(v) return v % 2 == 0 end)
ok(even == 2, "function pattern takes the first match")
local rest = {}
for i = 1, 5 do rest[i] = P.receive() end
ok(table.concat(rest, ",") == "1,3,4,5,6", "the others stay in order")

-- the pattern function is called exactly once per message scanned
local calls, seen = 0, {}
local function counting(v)
  calls = calls + 1
  seen[v] = (seen[v] or 0) + 1
  return v == "target"
end
for i = 1, 50 do P.send(me, "old" .. i) end
-- a helper adds more non-matching messages and then the target, in several
-- bursts, while we wait
local helper = P.spawn(function(parent)
  P.receive()                         -- "go"
  for burst = 1, 5 do
    for i = 1, 20 do P.send(parent, "new" .. burst .. "." .. i) end
    P.yield()
  end
  P.send(parent, "target")
  for i = 1, 10 do P.send(parent, "after" .. i) end
end, me)
P.send(helper, "go")
local got = P.receive(counting)
ok(got == "target", "the target arrives while waiting")
local twice = 0
for k, n in pairs(seen) do if n > 1 then twice = twice + 1 end end
ok(twice == 0, "no message was tested twice in one wait")
ok(seen["old1"] == 1 and seen["old50"] == 1 and seen["new5.20"] == 1, "old and new messages tested once each")
ok(calls == 151, "every message up to the target tested once, none after it (" .. calls .. " calls)")
-- drain
local left = 0
while P.receive(0) ~= nil do left = left + 1 end
ok(left == 150 + 10, "the 160 non-matching messages are still there")

-- the same for a data pattern (matched in C): waking up for each new
-- message must not rescan the old ones.  Scanning costs a reduction per
-- message, so rescanning 2000 old messages on each of 200 wake-ups would
-- cost 400000 reductions.
for i = 1, 2000 do P.send(me, {"old", i}) end
local trickle = P.spawn(function(parent)
  P.receive("go")
  for i = 1, 200 do P.send(parent, {"new", i}); P.yield() end
  P.send(parent, {"target"})
end, me)
local r0 = P.info(me).reductions
P.send(trickle, "go")
ok(P.receive({"target"})[1] == "target", "data pattern: the target arrives after 200 others, one at a time")
local used = P.info(me).reductions - r0
ok(used < 2 * (2000 + 200 + 100), "each message was scanned once (" .. used .. " reductions)")
while P.receive(0) do end

-- with a timeout: messages arriving during a wait that times out are
-- each tested once
calls, seen = 0, {}
local h2 = P.spawn(function(parent)
  for i = 1, 30 do P.send(parent, "n" .. i); P.yield() end
  P.send(parent, "done-sending")
end, me)
local r = P.receive(function(v) return counting(v) and false end, 200)
ok(r == nil, "nothing matched: timeout")
twice = 0
for k, n in pairs(seen) do if n > 1 then twice = twice + 1 end end
ok(twice == 0, "no message tested twice during a wait that timed out")
P.receive("done-sending")
while P.receive(0) ~= nil do end

-- an error in a pattern function propagates from receive and the message
-- stays in the mailbox
P.send(me, {"a"})
P.send(me, {"b"})
local okc, err = pcall(P.receive, function(v)
  if v[1] == "b" then error("bad pattern", 0) end
  return false
end)
ok(not okc and err == "bad pattern", "an error in a pattern function propagates: " .. tostring(err))
ok(P.receive(0)[1] == "a" and P.receive(0)[1] == "b", "both messages are still in the mailbox, in order")

-- error value of any type, raised while waiting (timer pending)
local h3 = P.spawn(function(parent)
  P.receive()
  P.send(parent, "explode")
end, me)
okc, err = pcall(function()
  P.send(h3, "go")
  return P.receive(function(v)
    if v == "explode" then error({why = "x"}) end
    return false
  end, 5000)
end)
ok(not okc and type(err) == "table" and err.why == "x", "an error raised by a message that arrived while waiting")
ok(P.receive(0) == "explode", "that message stayed in the mailbox")
-- the abandoned wait's timer does not disturb later receives
local t0 = P.monotonic()
ok(P.receive(100) == nil and P.monotonic() - t0 >= 99, "a later receive(100) waits its full time")

-- a function pattern inside a table pattern
P.send(me, {"num", 3}); P.send(me, {"num", 12}); P.send(me, {"str", 20})
local big = P.receive({"num", function(n) return n > 10 end})
ok(big[2] == 12, "function inside a table pattern in receive")
P.receive(); P.receive()

-- a long-running pattern function is preempted: another process keeps
-- running (its reductions grow while we are inside the pattern function)
local busy = P.spawn(function() local n = 0 while true do n = n + 1 end end)
P.send(me, "slow")
local progressed = false
local m = P.receive(function(v)
  local r0 = P.info(busy).reductions
  local t0 = P.monotonic()
  local i = 0
  while P.monotonic() - t0 < 20000 do
    i = i + 1
    if i % 1000 == 0 and P.info(busy).reductions > r0 + 10000 then
      progressed = true
      break
    end
  end
  return true
end)
ok(m == "slow" and progressed, "another process ran while a pattern function looped")
P.exit(busy, "kill")

-- a process stuck in an endless pattern function can be killed
local stuck, sref = P.spawn_monitor(function()
  P.send(P.self(), "anything")
  P.receive(function(v) while true do end end)
end)
-- make sure it is inside the loop: wait until it has used some reductions
while (P.info(stuck) or {reductions = math.huge}).reductions < 100000 do P.yield() end
P.exit(stuck, "kill")
local d = P.receive({"DOWN", sref})
ok(d[5] == "killed", "a process looping in a pattern function is killed")

local stuck2, sref2 = P.spawn_monitor(function()
  P.send(P.self(), "anything")
  P.receive(function(v) while true do end end)
end)
while (P.info(stuck2) or {reductions = math.huge}).reductions < 100000 do P.yield() end
P.exit(stuck2, "shutdown")
d = P.receive({"DOWN", sref2})
ok(d[5] == "shutdown", "... and ended by an ordinary exit signal")

-- a pattern function that tail-recurses for ever is preempted: a third
-- process still answers us; then we kill the spinner
local looper, lref = P.spawn_monitor(function()
  P.send(P.self(), "x")
  local function spin(n) return spin(n + 1) end
  P.receive(function(v) return spin(0) end)
end)
P.yield()
local pinger = P.spawn(function()
  local from = P.receive()
  P.send(from, "pong")
end)
P.send(pinger, me)
ok(P.receive("pong") == "pong", "a third process answers while a pattern function tail-recurses for ever")
ok(P.info(looper) ~= nil and P.info(looper).status == "runnable", "the spinner is still runnable")
P.exit(looper, "kill")
ok(P.receive({"DOWN", lref})[5] == "killed", "the tail-recursing spinner is killed")

-- process.match with a pattern function that loops for ever is also preempted
local mpid, mref = P.spawn_monitor(function()
  P.match(1, function(v) while true do end end)
end)
P.yield()
local pinger2 = P.spawn(function() local from = P.receive() P.send(from, "pong2") end)
P.send(pinger2, me)
ok(P.receive("pong2") == "pong2", "a third process answers while match() loops for ever")
P.exit(mpid, "kill")
ok(P.receive({"DOWN", mref})[5] == "killed", "the process looping in match() is killed")

print("receive_fn: all done")
