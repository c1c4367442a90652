-- lurel-only
-- gen_server.call from a process with a long mailbox: the call must not
-- scan the queue (receive marker for the reply, and a demonitor of a live
-- monitor has nothing to flush), and the queued messages stay, in order.
local P = process
local C = {}
function C.init() return "ok", 0 end
function C.handle_call(req, from, n) return "reply", n + 1, n + 1 end
local pid = gen_server.start(C)

local function calls(n)
  local t0 = P.monotonic()
  for _ = 1, n do gen_server.call(pid, "x") end
  return (P.monotonic() - t0) / n
end
local function best(n) return math.min(calls(n), calls(n), calls(n)) end

local empty = math.max(best(2000), 1e-4)
for i = 1, 20000 do P.send(P.self(), {"queued", i}) end
local long = best(2000)
print(string.format("call: %.2f us with an empty mailbox, %.2f us with 20000 messages queued", empty * 1000, long * 1000))
assert(long < empty * 10, "calls scan the caller's mailbox")
print("ok: a long mailbox does not slow calls down")

-- demonitor(ref, true) still flushes a DOWN that did arrive
local dead = P.spawn(function() end)
local m = P.monitor(dead)
while P.alive(dead) do P.yield() end  -- its DOWN is queued now, behind the others
P.demonitor(m, true)
assert(P.receive({"DOWN", m}, 0) == nil, "demonitor with flush left the DOWN")
print("ok: demonitor(ref, true) removes a queued DOWN")

for i = 1, 20000 do
  local msg = P.receive(0)
  assert(msg and msg[1] == "queued" and msg[2] == i, "queued message " .. i)
end
assert(P.receive(0) == nil)
print("ok: the queued messages are all there, in order")
