-- lurel-only
-- The quick paths of send and receive keep their meaning: scalars and
-- atoms, flat tables ({tag, n}), process.any patterns, tables received and
-- then reshaped by the receiver, messages to processes that have ended,
-- receives that block, are preempted or time out, spawn arguments.
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- scalars of every kind, in order
local vals = {1, 2.5, true, false, me, P.make_ref(), "atom", math.huge, -0.0, math.mininteger}
for _, v in ipairs(vals) do P.send(me, v) end
local same = true
for i, v in ipairs(vals) do
  local got = P.receive()
  if got ~= v or math.type(got) ~= math.type(v) then same = false end
  if i == 9 then same = same and 1 / got == -math.huge end
end
ok(same, "scalars, pids, refs and atoms arrive unchanged and in order")

-- a string made at run time (not an atom), short and long
local s = ("x"):rep(5) .. tostring(os.time() % 2)
local long = ("y"):rep(100) .. s
P.send(me, s); P.send(me, long)
ok(P.receive() == s and P.receive() == long, "run-time strings arrive")

-- flat tables: a copy, not the same table; holes stay holes
local t = {"tok", 42, nil, true}
P.send(me, t)
local r = P.receive()
ok(r ~= t and r[1] == "tok" and r[2] == 42 and r[3] == nil and r[4] == true, "a flat table is copied")
t[2] = 0
ok(r[2] == 42, "the copy does not change with the original")

-- the receiver reshapes what it got: grows, shrinks, adds hash keys
P.send(me, {1, 2})
local g = P.receive()
for i = 3, 50 do g[i] = i end
g.name = "grown"
ok(#g == 50 and g[50] == 50 and g.name == "grown", "a received table grows")
P.send(me, {1, 2, 3})
local h = P.receive()
for i = 1, 3 do h[i] = nil end
for i = 1, 10 do h["k" .. i] = i end
ok(#h == 0 and h.k10 == 10, "a received table shrinks and becomes a hash")
collectgarbage()
ok(g[49] == 49 and h.k1 == 1, "after a collection")

-- a flat table holding a table is not flat: nested tables keep sharing
local inner = {"in"}
P.send(me, {inner, inner})
local n = P.receive()
ok(n[1] == n[2] and n[1] ~= inner and n[1][1] == "in", "shared sub-tables stay shared")

-- a process.any pattern sent and used by the receiver
local pid = P.spawn(function(parent)
  local pat = P.receive()
  P.send(parent, {"got", P.receive(pat)})
end, me)
P.send(pid, P.any(7, "seven"))
P.send(pid, 8)
P.send(pid, "seven")
local ans = P.receive({"got"})
ok(ans[2] == "seven", "a process.any pattern survives the copy")

-- messages to a process that has ended are dropped, whatever they are
local done = P.spawn(function() end)
local ref = P.monitor(done)
P.receive({"DOWN", ref})
P.send(done, 1); P.send(done, {1, 2}); P.send(done, {{}}); P.send(done, "s" .. s)
ok(P.alive(done) == false, "sending to an ended process is fine")

-- ping-pong: blocked receives woken by each message, selective on the tag
local echo = P.spawn(function()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    P.send(m[1], {"echo", m[2]})
  end
end)
local total = 0
for i = 1, 300 do
  P.send(echo, {me, i})
  total = total + P.receive({"echo", i})[2]
end
P.send(echo, "stop")
ok(total == 300 * 301 // 2, "300 round trips")

-- a receive that skips many messages is preempted and goes on where it was
for i = 1, 3000 do P.send(me, {"junk", i}) end
P.send(me, {"wanted"})
ok(P.receive({"wanted"})[1] == "wanted", "a receive over 3000 queued messages")
local first = P.receive()
ok(first[1] == "junk" and first[2] == 1, "the skipped messages stay, in order")
for _ = 2, 3000 do P.receive() end
ok(P.receive(0) == nil, "all taken")

-- a blocked receive with a timeout: messages that do not match keep it
-- waiting, the timeout still ends it
local waiter = P.spawn(function(parent)
  local got = P.receive("never", 50)
  P.send(parent, {"waited", got == nil})
end, me)
for i = 1, 5 do P.send(waiter, i) end
ok(P.receive({"waited"})[2] == true, "a receive that times out after non-matching messages")

-- a pattern with a function mixed with quick receives
P.send(me, {"a", 1}); P.send(me, {"b", 2}); P.send(me, 3)
local fr = P.receive(function(m) return type(m) == "table" and m[1] == "b" end)
ok(fr[2] == 2, "a function pattern picks its message")
ok(P.receive()[1] == "a" and P.receive() == 3, "the others stay, in order")

-- spawn with many arguments (more than fit in a small buffer)
P.spawn(function(parent, ...)
  local n, s2 = select("#", ...), 0
  for i = 1, n do s2 = s2 + (select(i, ...) or 0) end
  P.send(parent, {"args", n, s2})
end, me, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, nil, 12)
local a = P.receive({"args"})
ok(a[2] == 12 and a[3] == 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 12, "spawn with 13 arguments")

-- a spawn whose arguments cannot be sent raises in the parent, with many
-- arguments too
local okc, err = pcall(P.spawn, function() end, 1, 2, 3, 4, 5, 6, 7, 8, 9, coroutine.create(print))
ok(not okc and tostring(err):find("coroutine") ~= nil, "spawn with an unsendable argument fails: " .. tostring(err))

-- process.receive is the same function everywhere, and can be sent
P.spawn(function(parent, recv) P.send(parent, {"recv", recv == P.receive}) end, me, P.receive)
ok(P.receive({"recv"})[2] == true, "process.receive travels as itself")
