-- lurel-only
-- The Inbox: messages no handler takes, oldest first, capped at
-- Handlers.inbox_limit() (10000 by default) with the oldest dropped (a tenth
-- of the limit at a time when a message arrives at a full Inbox) and
-- counted in Inbox.dropped.

local function check(got, want, what)
  assert(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  print("ok - " .. what .. " = " .. tostring(got))
end

check(Inbox, nil, "no Inbox before Handlers is used")
check(Handlers.inbox_limit(), 10000, "default limit")
check(type(Inbox), "table", "Inbox made with Handlers")
check(#Inbox, 0, "Inbox empty")
check(Inbox.dropped, 0, "dropped starts at 0")

-- taken messages do not go to the Inbox; continues alone do not take
Handlers.add("even", function(m) return m.n % 2 == 0 end, function() end)
Handlers.add("watch", function() return "continue" end, function() end)
for i = 1, 10 do Handlers.evaluate({n = i}) end
check(#Inbox, 5, "odd ones in the Inbox")
check(Inbox[1].n .. Inbox[2].n .. Inbox[5].n, "139", "in arrival order")
for i = #Inbox, 1, -1 do Inbox[i] = nil end
Handlers.remove("even"); Handlers.remove("watch")

-- the default cap: 10000; a message arriving at a full Inbox drops the
-- oldest tenth of the limit (1000) at once
for i = 1, 10000 do Handlers.evaluate({n = i}) end
check(#Inbox, 10000, "10000 fit")
check(Inbox.dropped, 0, "none dropped yet")
Handlers.evaluate({n = 10001})
check(#Inbox, 9001, "the 10001st drops the oldest 1000")
check(Inbox.dropped, 1000, "1000 dropped")
check(Inbox[1].n, 1001, "the first kept is the 1001st")
check(Inbox[9001].n, 10001, "newest last")
for i = 10002, 10999 do Handlers.evaluate({n = i}) end
check(#Inbox, 9999, "below the cap again")
check(Inbox.dropped, 1000, "no more drops")
for i = 11000, 11001 do Handlers.evaluate({n = i}) end
check(#Inbox, 9001, "full again: another 1000 dropped")
check(Inbox.dropped, 2000, "2000 dropped")
local inorder = true
for i = 1, #Inbox do if Inbox[i].n ~= i + 2000 then inorder = false end end
check(inorder, true, "all in order, oldest first")
check(Inbox[9002], nil, "nothing past the end")
local max_len = 0
for i = 1, 25000 do
  Handlers.evaluate(i)
  if #Inbox > max_len then max_len = #Inbox end
end
check(max_len, 10000, "never more than 10000 under a flood")
for i = #Inbox, 1, -1 do Inbox[i] = nil end
Inbox.dropped = 0

-- a small limit: at least one dropped at a time
Handlers.inbox_limit(20)
for i = 1, 21 do Handlers.evaluate({n = i}) end
check(#Inbox, 19, "limit 20: the 21st drops 2 (a tenth)")
check(Inbox[1].n, 3, "oldest two gone")
check(Inbox.dropped, 2, "2 dropped")
Handlers.inbox_limit(5)
check(#Inbox, 5, "lowering the limit trims to exactly the limit")
check(Inbox.dropped, 16, "14 more dropped")
check(Inbox[1].n, 17, "the newest five kept")
for i = 22, 24 do Handlers.evaluate({n = i}) end
check(#Inbox, 5, "limit 5: one dropped per message")
check(Inbox[1].n .. "," .. Inbox[5].n, "20,24", "oldest ones went")
for i = #Inbox, 1, -1 do Inbox[i] = nil end
Inbox.dropped = 0
Handlers.inbox_limit(10000)
for i = 1, 10005 do Handlers.evaluate({n = i}) end
check(#Inbox, 9005, "9005 after 10005 messages")

-- lowering the limit trims at once and counts the drops
check(Handlers.inbox_limit(3), 10000, "inbox_limit(3) returns the old limit")
check(#Inbox, 3, "trimmed to 3")
check(Inbox.dropped, 1000 + 9002, "drops counted")
check(Inbox[1].n .. "," .. Inbox[3].n, "10003,10005", "kept the newest")
Handlers.evaluate("a"); Handlers.evaluate("b")
check(#Inbox, 3, "still 3")
check(Inbox[1].n, 10005, "oldest kept")
check(Inbox[2] .. Inbox[3], "ab", "non-table messages kept as they are")
check(Inbox.dropped, 1000 + 9002 + 2, "two more dropped")

-- limit 0: every message not taken is dropped
Handlers.inbox_limit(0)
check(#Inbox, 0, "limit 0 empties it")
local d = Inbox.dropped
Handlers.evaluate(1); Handlers.evaluate(2)
check(#Inbox, 0, "limit 0 keeps nothing")
check(Inbox.dropped, d + 2, "but counts")
check(Handlers.inbox_limit(10000), 0, "back to 10000")

-- bad limits
check(Handlers.inbox_limit(7.0), 10000, "an integral float is a limit")
check(math.type(Handlers.inbox_limit(10000)), "integer", "kept as an integer")
for _, bad in ipairs({-1, 1.5, "10", math.huge, 1e300, 0/0}) do
  local ok, err = pcall(Handlers.inbox_limit, bad)
  check(ok, false, "inbox_limit(" .. tostring(bad) .. ") is an error")
  assert(err:find("Handlers.inbox_limit: bad limit", 1, true), err)
end

-- the user may clear or replace the Inbox; Handlers uses whatever table
-- the global Inbox is, and makes a new one if it is not a table
Inbox = nil
Handlers.evaluate("after nil")
check(type(Inbox), "table", "a new Inbox")
check(Inbox[1], "after nil", "holding the message")
check(Inbox.dropped, 0, "with dropped = 0")
Inbox = {}
Handlers.inbox_limit(1)
Handlers.evaluate("x"); Handlers.evaluate("y")
check(Inbox[1], "y", "user's own Inbox table used")
check(Inbox.dropped, 1, "dropped created when needed")

-- a spawned process has its own Inbox
Handlers.inbox_limit(10000)
-- (and its own handlers)
local me = process.self()
Handlers.add("parents", {from = "_"}, function() end)
Handlers.inbox_limit(50)
process.spawn(function()
  local before = Inbox
  Handlers.evaluate({from = "child"})
  process.send(me, {"child", before == nil, #Inbox, Inbox[1].from, Handlers.inbox_limit(), #Handlers.list})
end)
local r = process.receive({"child", process._, process._, process._, process._, process._})
check(r[6], 0, "child has no handlers of its own (not the parent's)")
check(r[2], true, "child had no Inbox before using Handlers")
check(r[3], 1, "child's Inbox has its message")
check(r[4], "child", "child's message")
check(r[5], 10000, "child's own limit (default)")
check(#Inbox, 1, "parent's Inbox untouched")
check(#Handlers.list, 1, "parent's handlers untouched")

print("handlers_inbox: all passed")
