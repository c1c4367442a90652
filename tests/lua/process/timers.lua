-- lurel-only
-- process.sleep, send_after, cancel_timer, monotonic.  Elapsed times are
-- only checked from below (the machine may be slow, never too fast).
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- monotonic: a float that never goes back
local t0 = P.monotonic()
ok(math.type(t0) == "float", "monotonic() is a float")
local prev, back = t0, false
for i = 1, 10000 do
  local t = P.monotonic()
  if t < prev then back = true end
  prev = t
end
ok(not back, "monotonic() never goes back")

-- sleep waits at least ms
t0 = P.monotonic()
P.sleep(50)
ok(P.monotonic() - t0 >= 49, "sleep(50) waits at least 50 ms")
t0 = P.monotonic()
P.sleep(0)
P.sleep(0.5)
ok(true, "sleep(0) and sleep(0.5) return")
ok(not pcall(P.sleep, "long"), "sleep needs a number")

-- other processes run during a sleep
local child = P.spawn(function(parent) P.send(parent, "ran-while-sleeping") end, me)
P.sleep(30)
ok(P.receive(0) == "ran-while-sleeping", "another process ran while we slept")

-- messages that arrive during a sleep neither end it early nor get lost
local chatter = P.spawn(function(parent)
  for i = 1, 5 do P.send(parent, {"chat", i}); P.yield() end
end, me)
t0 = P.monotonic()
P.sleep(80)
ok(P.monotonic() - t0 >= 79, "messages arriving do not cut a sleep short")
for i = 1, 5 do assert(P.receive(0)[2] == i) end
ok(P.receive(0) == nil, "the 5 messages that arrived during the sleep are all there")

-- send_after: a timer ref; the message comes after at least ms
t0 = P.monotonic()
local tr = P.send_after(300, me, "tick")
ok(P.is_ref(tr), "send_after returns a ref")
ok(P.receive(0) == nil, "the message is not there yet")
ok(P.receive("tick") == "tick", "the message arrives")
ok(P.monotonic() - t0 >= 299, "... after at least 300 ms")
ok(P.cancel_timer(tr) == false, "cancel_timer of a fired timer is false")

-- timers fire in deadline order
P.send_after(300, me, {"t", 300})
P.send_after(100, me, {"t", 100})
P.send_after(200, me, {"t", 200})
P.send_after(0, me, {"t", 0})
local order = {}
for i = 1, 4 do order[i] = P.receive({"t"})[2] end
ok(table.concat(order, ",") == "0,100,200,300", "timers fire in deadline order: " .. table.concat(order, ","))

-- the message is copied when send_after is called
local payload = {v = 1}
P.send_after(10, me, {"copy", payload})
payload.v = 2
ok(P.receive({"copy"})[2].v == 1, "send_after copies the message at the call")

-- to a registered name, and to another process
local catcher = P.spawn(function(parent)
  local m = P.receive()
  P.send(parent, {"caught", m})
end, me)
P.register("catcher", catcher)
P.send_after(10, "catcher", "by-name")
ok(P.receive({"caught"})[2] == "by-name", "send_after to a registered name")
local c2 = P.spawn(function(parent) P.send(parent, {"caught2", P.receive()}) end, me)
P.send_after(5, c2, "by-pid")
ok(P.receive({"caught2"})[2] == "by-pid", "send_after to another pid")

-- cancel_timer before it fires: ms left (a number), and it never comes
local long = P.send_after(10000, me, "cancelled")
local left = P.cancel_timer(long)
ok(type(left) == "number" and left > 0 and left <= 10000, "cancel_timer returns the ms left: " .. tostring(left))
ok(P.cancel_timer(long) == false, "cancelling twice gives false")
local c1 = P.send_after(200, me, "cancel-me")
P.cancel_timer(c1)
P.send_after(400, me, "later")
ok(P.receive("later") == "later", "a later timer fired")
ok(P.receive("cancel-me", 0) == nil, "the cancelled earlier timer never delivered")
local far = P.cancel_timer(P.send_after(math.huge, me, "never"))
ok(type(far) == "number" and far > 1e300, "cancel_timer of a timer at math.huge ms gives a huge number: " .. tostring(far))
far = P.cancel_timer(P.send_after(1e300, me, "never"))
ok(type(far) == "number" and far > 1e299, "cancel_timer of a timer at 1e300 ms: " .. tostring(far))
-- a receive with a huge timeout still gets its message
P.spawn(function(parent) P.sleep(20) P.send(parent, "late") end, me)
ok(P.receive(math.huge) == "late", "receive(math.huge) waits for the message")
ok(P.cancel_timer(P.make_ref()) == false, "cancel_timer of a ref that is no timer is false")
ok(not pcall(P.cancel_timer, "x"), "cancel_timer needs a ref")

-- errors at the call
ok(not pcall(P.send_after, 10, me, nil), "send_after with nil message raises")
ok(not pcall(P.send_after, 10, me, coroutine.create(print)), "send_after with a coroutine raises")
ok(not pcall(P.send_after, "soon", me, "x"), "send_after needs a number of ms")

-- a timer to a dead process: nothing happens, no error
local dead, dr = P.spawn_monitor(function() end)
P.receive({"DOWN", dr})
local dt = P.send_after(5, dead, "lost")
P.send_after(30, me, "sync")
P.receive("sync")
ok(P.cancel_timer(dt) == false, "a timer to a dead process fired (into nothing)")

-- a timer outlives the process that set it
local setter, sr = P.spawn_monitor(function(parent)
  P.send_after(30, parent, "from-the-dead")
end, me)
P.receive({"DOWN", sr})
ok(P.receive("from-the-dead") == "from-the-dead", "a timer fires after its creator ended")

-- a receive timeout and send_after together
P.send_after(30, me, "timer-msg")
ok(P.receive("other", 10) == nil, "a short receive timeout expires before the timer")
ok(P.receive("timer-msg", 5000) == "timer-msg", "then the timer message arrives within a long timeout")

-- many timers
local N = 2000
for i = 1, N do P.send_after(i % 50, me, {"many", i}) end
local cnt = 0
for i = 1, N do P.receive({"many"}); cnt = cnt + 1 end
ok(cnt == N, N .. " timers all fired")
local refs = {}
for i = 1, N do refs[i] = P.send_after(60000, me, "never") end
local cancelled = 0
for i = 1, N do if P.cancel_timer(refs[i]) then cancelled = cancelled + 1 end end
ok(cancelled == N, N .. " timers all cancelled")

-- sleeping processes wake in order
for _, ms in ipairs({300, 100, 200}) do
  P.spawn(function(parent, ms) P.sleep(ms) P.send(parent, {"woke", ms}) end, me, ms)
end
local woke = {}
for i = 1, 3 do woke[i] = P.receive({"woke"})[2] end
ok(table.concat(woke, ",") == "100,200,300", "sleepers wake in order: " .. table.concat(woke, ","))

print("timers: all done")
