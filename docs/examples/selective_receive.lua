-- selective_receive.lua — patterns, selective receive and timeouts.
--
--   build/lurel docs/examples/selective_receive.lua
--
-- A mailbox is a queue.  process.receive(pattern) takes the FIRST message
-- that matches the pattern and leaves the others where they are, in order.

local _ = process._                  -- the wildcard: matches anything but nil
local me = process.self()

-- Fill our own mailbox (sending to yourself is allowed).
process.send(me, {"job", 1})
process.send(me, {"urgent", "fire!"})
process.send(me, {"job", 2})
process.send(me, "hello")
process.send(me, 42)
print("queued: " .. process.info(me).message_queue_len .. " messages")

-- 1. Selective receive: take the urgent message first, although it is second.
local m = process.receive({"urgent", _})
print("1. first the urgent one: " .. m[2])
assert(m[2] == "fire!")

-- 2. A table pattern matches a table message when each of its fields matches;
--    fields the pattern does not mention are ignored.  The jobs come in order.
local j1 = process.receive({"job", _})
local j2 = process.receive({"job", _})
print("2. jobs in order: " .. j1[2] .. ", " .. j2[2])
assert(j1[2] == 1 and j2[2] == 2)

-- 3. Any other value in a pattern matches by equality.  To wait for a number,
--    wrap it in process.any: a number alone would be taken as a timeout.
local n = process.receive(process.any(42))
local s = process.receive("hello")
print("3. by value: " .. n .. " and " .. s)
assert(n == 42 and s == "hello")

-- 4. process.any(p1, p2, ...) matches what any of its patterns matches.
process.send(me, {"cat", "Tom"})
process.send(me, {"bird", "Tweety"})
process.send(me, {"dog", "Rex"})
local pet = process.receive(process.any({"dog", _}, {"cat", _}))
print("4. a dog or a cat: " .. pet[1] .. " " .. pet[2])   -- the cat: it came first
assert(pet[1] == "cat")

-- 5. A function is a pattern too: it gets the message and says yes or no.
--    (It must not block: no receive inside.)
local function is_bird(msg) return type(msg) == "table" and msg[1] == "bird" end
local bird = process.receive(is_bird)
local dog = process.receive({"dog", _})
print("5. with a function: " .. bird[2] .. ", then " .. dog[2])
assert(bird[2] == "Tweety" and dog[2] == "Rex")

-- Patterns nest; process.match(value, pattern) tests one without receiving.
local point = {"point", {x = 1, y = 2}, color = "red"}
assert(process.match(point, {"point", {x = 1, y = _}}))
assert(not process.match(point, {"point", {x = 1, z = _}}))  -- no field z
assert(process.match(point, {color = "red"}))
print("   process.match checks a pattern without a mailbox")

-- 6. Timeouts (in milliseconds).  receive returns nil when nothing matching
--    arrives in time; 0 means "only look at what is already there".
assert(process.receive({"never"}, 0) == nil)
assert(process.receive(20) == nil)              -- a number alone: a timeout
print("6. nothing came: receive returned nil after the timeout")

-- 7. A message can be sent later: send_after returns a timer you can cancel.
process.send_after(30, me, "tick")
local t0 = process.monotonic()
local tick = process.receive("tick", 5000)
local waited = process.monotonic() - t0
print("7. send_after delivered '" .. tick .. "' after the delay")
assert(tick == "tick" and waited >= 29)
local timer = process.send_after(60000, me, "never sent")
assert(type(process.cancel_timer(timer)) == "number")   -- ms that were left
assert(process.receive("never sent", 0) == nil)

-- Nothing is left behind: every message was taken by some receive.
assert(process.info(me).message_queue_len == 0)
print("mailbox empty at the end")
