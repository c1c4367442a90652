-- lurel-only
-- Signal ordering: messages, exit signals and DOWNs from one process to
-- another arrive in the order sent
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- 20000 messages from one sender arrive in order
local N = 20000
P.spawn(function(parent, n) for i = 1, n do P.send(parent, i) end end, me, N)
local inorder = true
for i = 1, N do if P.receive() ~= i then inorder = false end end
ok(inorder, N .. " messages from one sender arrive in order")

-- several senders: each one's messages in order, interleaved arbitrarily
local S, M = 5, 2000
for s = 1, S do
  P.spawn(function(parent, s, m)
    for i = 1, m do
      P.send(parent, {s, i})
      if i % 100 == 0 then P.yield() end
    end
  end, me, s, M)
end
local last = {}
for s = 1, S do last[s] = 0 end
local good = true
for k = 1, S * M do
  local msg = P.receive()
  if msg[2] ~= last[msg[1]] + 1 then good = false end
  last[msg[1]] = msg[2]
end
ok(good, "messages from " .. S .. " senders each arrive in their own order")

-- a DOWN comes after every message the process sent before it ended
local sender, sref = P.spawn_monitor(function(parent)
  for i = 1, 500 do P.send(parent, {"msg", i}) end
end, me)
P.receive({"DOWN", sref})
local count = 0
while P.receive({"msg"}, 0) do count = count + 1 end
ok(count == 500, "all 500 messages were there when the DOWN was received")

-- the same with a crash: the last words come before the DOWN
local crasher, cref = P.spawn_monitor(function(parent)
  P.send(parent, "last words")
  error("crash after talking", 0)
end, me)
local first = P.receive()
ok(first == "last words", "the last message arrives before the DOWN")
ok(P.receive()[5] == "crash after talking", "then the DOWN")

-- with links and trapping: messages then EXIT
P.flag("trap_exit", true)
local linked = P.spawn_link(function(parent)
  for i = 1, 100 do P.send(parent, i) end
  P.exit("linked-done")
end, me)
for i = 1, 100 do assert(P.receive() == i) end
local ex = P.receive()
ok(ex[1] == "EXIT" and ex[2] == linked and ex[3] == "linked-done", "100 messages, then the EXIT")

-- messages and exit signals interleaved, to a trapping receiver
local rcv = P.spawn(function(parent)
  P.flag("trap_exit", true)
  P.send(parent, "ready")
  local got = {}
  for i = 1, 6 do
    local m = P.receive()
    got[i] = type(m) == "table" and ("X" .. tostring(m[3])) or tostring(m)
  end
  P.send(parent, table.concat(got, " "))
end, me)
P.receive("ready")
P.send(rcv, "a")
P.exit(rcv, "1")
P.send(rcv, "b")
P.send(rcv, "c")
P.exit(rcv, "2")
P.exit(rcv, "normal")
local seq = P.receive(P.any(function(v) return type(v) == "string" end))
ok(seq == "a X1 b c X2 Xnormal", "messages and exit signals in the order sent: " .. seq)

-- an exit signal after messages to a non-trapping receiver: the messages
-- it handled before dying were the earlier ones only
local worker, wref = P.spawn_monitor(function(parent)
  while true do
    local m = P.receive()
    P.send(parent, {"handled", m})
  end
end, me)
P.send(worker, 1)
P.send(worker, 2)
P.exit(worker, "stop")
P.send(worker, 3)
local handled = {}
local down
repeat
  local m = P.receive()
  if m[1] == "handled" then handled[#handled + 1] = m[2] else down = m end
until down
ok(down[5] == "stop", "the worker was stopped")
ok(#handled <= 2 and (handled[1] == nil or handled[1] == 1), "it never handled a message sent after the exit signal")

-- a monitor DOWN and a link EXIT from the same death: both come after the
-- messages the process sent
local both, bref = P.spawn_monitor(function(parent)
  P.link(parent)
  P.send(parent, "before death")
  P.exit("both")
end, me)
ok(P.receive() == "before death", "message first")
local x1, x2 = P.receive(), P.receive()
local kinds = {x1[1], x2[1]}
table.sort(kinds)
ok(kinds[1] == "DOWN" and kinds[2] == "EXIT", "then the DOWN and the EXIT")
P.flag("trap_exit", false)

-- ping-pong keeps strict alternation
local ponger = P.spawn(function()
  while true do
    local m = P.receive()
    if m.stop then return end
    P.send(m.from, m.n + 1)
  end
end)
local n = 0
for i = 1, 5000 do
  P.send(ponger, {from = me, n = n})
  n = P.receive()
end
ok(n == 5000, "5000 ping-pong round trips")
P.send(ponger, {stop = true})

print("ordering: all done")
