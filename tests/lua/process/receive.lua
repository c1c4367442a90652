-- lurel-only
-- process.receive: with and without a pattern, timeouts (number-only
-- argument, 0, nil), order of messages that do not match
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- no pattern: FIFO
for i = 1, 5 do P.send(me, i) end
local got = {}
for i = 1, 5 do got[i] = P.receive() end
ok(table.concat(got, ",") == "1,2,3,4,5", "receive() takes messages in arrival order")

-- timeout 0 on an empty mailbox
ok(P.receive(0) == nil, "receive(0) on an empty mailbox is nil")
ok(select("#", P.receive(0)) == 1, "receive(0) returns exactly one nil")
ok(P.receive(nil, 0) == nil, "receive(nil, 0) on an empty mailbox is nil")
ok(P.receive("x", 0) == nil, "receive(pattern, 0) with no match is nil")

-- a number as the only argument is a timeout, not a pattern
P.send(me, 7)
ok(P.receive(0) == 7, "receive(0) returns a waiting message (0 is a timeout, not a pattern)")
P.send(me, "a")
P.send(me, 5)
ok(P.receive(5) == "a", "receive(5) takes the first message (5 is a timeout)")
ok(P.receive(P.any(5)) == 5, "receive(process.any(5)) waits for the number 5")
P.send(me, 1)
P.send(me, 2)
ok(P.receive(P.any(2), 0) == 2, "receive(any(2), 0) skips the 1")
ok(P.receive(0) == 1, "the 1 is still there")

-- with two arguments the first is always the pattern, even a number
P.send(me, 4); P.send(me, 5)
ok(P.receive(5, 1000) == 5, "receive(5, 1000): the number 5 is the pattern when a timeout follows")
ok(P.receive(5, 0) == nil, "receive(5, 0): no other 5")
ok(P.receive() == 4, "the 4 stays")
P.send(me, "x")
ok(P.receive(nil, 1000) == "x", "receive(nil, 1000): any message")

-- a timeout with a waiting message that matches returns at once
P.send(me, "now")
ok(P.receive(10000) == "now", "receive(10000) returns a waiting message")
local t0

-- a positive timeout expires
t0 = P.monotonic()
ok(P.receive(30) == nil, "receive(30) on an empty mailbox times out with nil")
ok(P.monotonic() - t0 >= 29, "... after at least 30 ms")
t0 = P.monotonic()
ok(P.receive({"never"}, 30) == nil, "receive(pattern, 30) times out")
ok(P.monotonic() - t0 >= 29, "... after at least 30 ms")

-- float timeouts are accepted
ok(P.receive(0.5) == nil, "receive(0.5) times out")

-- negative timeout is an error
local okc = pcall(P.receive, nil, -1)
ok(not okc, "a negative timeout raises")
okc = pcall(P.receive, nil, "soon")
ok(not okc, "a non-number timeout raises")

-- nil timeout: waits for ever (until a message comes)
local helper = P.spawn(function(parent)
  P.send(parent, "ready")
  local m = P.receive()
  P.send(parent, {"late", m})
end, me)
ok(P.receive("ready") == "ready", "helper ready")
P.send(helper, "go")
local m = P.receive({"late"}, nil)
ok(m[2] == "go", "receive(pattern, nil) waits until a matching message comes")

-- a message that arrives while waiting with a timeout is taken
local sender = P.spawn(function(parent)
  P.receive()               -- wait for our signal
  P.send(parent, "during-wait")
end, me)
P.send(sender, "go")
ok(P.receive("during-wait", 10000) == "during-wait", "a message that arrives during a timed wait is taken")

-- pattern: messages that do not match stay, in order
for _, x in ipairs({"a", {"k", 1}, "b", {"k", 2}, "c", {"k", 3}}) do P.send(me, x) end
local k2 = P.receive({"k", 2})
ok(k2[2] == 2, "selective receive takes the matching message")
local k = P.receive({"k", P._})
ok(k[2] == 1, "the first {k, _} left is 1")
local rest = {}
for i = 1, 4 do
  local x = P.receive()
  rest[i] = type(x) == "table" and ("k" .. x[2]) or x
end
ok(table.concat(rest, ",") == "a,b,c,k3", "non-matching messages stay in order: " .. table.concat(rest, ","))
ok(P.receive(0) == nil, "mailbox empty")

-- waiting with a pattern while non-matching messages arrive
local pinger = P.spawn(function(parent)
  for i = 1, 10 do P.send(parent, {"noise", i}) end
  P.send(parent, {"signal"})
  for i = 11, 20 do P.send(parent, {"noise", i}) end
end, me)
ok(P.receive({"signal"})[1] == "signal", "the signal is found among noise")
for i = 1, 20 do
  local n = P.receive({"noise"})
  assert(n[2] == i, "noise order")
end
ok(true, "the 20 noise messages remain in order")

-- receive returns a message that is a falsy value
P.send(me, false)
local f = P.receive()
ok(f == false, "the message false is received as false")
P.send(me, false)
ok(P.receive(false) == false, "receive(false) matches false by equality")

-- receive with a string pattern
P.send(me, "x"); P.send(me, "y")
ok(P.receive("y") == "y" and P.receive() == "x", "string pattern, and the other stays")

-- a timed-out receive does not lose the messages that did not match
P.send(me, "keep1"); P.send(me, "keep2")
ok(P.receive("other", 10) == nil, "timed out")
ok(P.receive() == "keep1" and P.receive() == "keep2", "non-matching messages kept after a timeout")

-- the timer of a finished receive does not disturb a later one
P.send(me, "q")
ok(P.receive(20) == "q", "receive with timer answered")
t0 = P.monotonic()
ok(P.receive(60) == nil and P.monotonic() - t0 >= 59, "a later receive(60) waits its full timeout")

-- many messages
for i = 1, 10000 do P.send(me, i) end
local s = 0
for i = 1, 10000 do s = s + P.receive() end
ok(s == 10000 * 10001 // 2, "10000 messages to self")

print("receive: all done")
