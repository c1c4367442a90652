-- lurel-only
-- Selective receive past a long queue of messages that do not match: the
-- scan compares a copy of each message's [1] first (vm/mbox.c), and must
-- still say exactly what process.match says, take the first match in
-- queue order, see what Lua code did to a message it was shown, and be
-- preempted in the middle of a long scan
local P = process
local W = P._
local me = P.self()

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local function flush()
  while P.receive(0) ~= nil do end
end

local function junk(n)
  for i = 1, n do P.send(me, {"junk", i}) end
end

local big = bigint and bigint("5")
local late1 = {}
late1[1] = "late"                -- [1] in the hash part
late1[2] = 2

-- {message, pattern}: each pair is tried after 3000 messages that match no
-- pattern here; receive must agree with process.match
local cases = {
  {{1, "x"}, {1, "x"}},
  {{1, "x"}, {1.0, "x"}},        -- 1 == 1.0
  {{1.0, "x"}, {1, "x"}},
  {{2^53, "x"}, {math.tointeger(2^53), "x"}},
  {{1.5, "x"}, {1, "x"}},
  {{0/0, "x"}, {0/0, "x"}},      -- NaN never equals itself
  {{"ok", 7}, {"o" .. string.lower("K"), 7}},   -- a string made at run time
  -- a string made at run time travels as a copy: another object than the
  -- pattern's, equal by contents
  {{"dyn" .. tostring(12345), 7}, {"dyn" .. tostring(12345), 7}},
  {{"dyn" .. tostring(12345), 7}, {"dyn" .. tostring(12346), 7}},
  {{"ok", 7}, {"ok", 8}},
  {{"ok", 7}, {"ok"}},
  {{"ok"}, {"ok", 7}},
  {{"ok", 7}, {"OK", 7}},
  {{string.rep("long", 20), 1}, {string.rep("lo" .. "ng", 20), 1}},   -- long strings
  {{true, 1}, {true, 1}},
  {{false, 1}, {true, 1}},
  {{false, 1}, {false, 1}},
  {{me, 1}, {me, 1}},
  {{P.make_ref(), 1}, {P.make_ref(), 1}},
  {{nil, "hole"}, {nil, "hole"}},  -- a nil hole in the pattern: any [1]
  {{5, "hole"}, {nil, "hole"}},
  {{5, "w"}, {W, "w"}},
  {{nil, "w"}, {W, "w"}},
  {{{"in"}, 1}, {{"in"}, 1}},    -- nested tables compare field by field
  {{{"in"}, 1}, {{"out"}, 1}},
  {{"deep", {1, {2, {3}}}}, {"deep", {1, {2, {3}}}}},
  {{"deep", {1, {2, {3}}}}, {"deep", {1, {2, {4}}}}},
  {late1, {"late", 2}},
  {late1, {"early", 2}},
  {{"named", k = "v"}, {"named", k = "v"}},
  {{"named", k = "v"}, {"named", k = "w"}},
  {"scalar", "scalar"},
  {"scalar", {"scalar"}},
  {{"scalar"}, "scalar"},
  {42, 42.0},
  {{"any", 2}, P.any({"any", 1}, {"any", 2})},
  {{"any", 3}, P.any({"any", 1}, {"any", 2})},
  {{"fn", 3}, {"fn", function(v) return v > 2 end}},
  {{"fn", 1}, {"fn", function(v) return v > 2 end}},
}
if big then
  cases[#cases + 1] = {{big, "b"}, {5, "b"}}
  cases[#cases + 1] = {{5, "b"}, {big, "b"}}
  cases[#cases + 1] = {{5.0, "b"}, {big, "b"}}
  cases[#cases + 1] = {{big, "b"}, {6, "b"}}
end

-- the last n messages of the queue, after the first k, go
local function droplast(k, n)
  local keep = {}
  for j = 1, k + n do keep[j] = P.receive(0) end
  for j = 1, k do P.send(me, keep[j]) end
end

junk(3000)
for i, c in ipairs(cases) do
  local msg, pat = c[1], c[2]
  local want = P.match(msg, pat)
  -- twice: first as a fresh message, then after a scan has seen the [1]
  -- of every message queued
  P.send(me, msg)
  local got1 = P.receive(pat, 0)
  P.send(me, msg)
  assert(P.receive({"no such tag"}, 0) == nil)
  local got2 = P.receive(pat, 0)
  assert((got1 ~= nil) == want and (got2 ~= nil) == want,
         "case " .. i .. ": receive and process.match disagree")
  if not want then droplast(3000, 2) end
end
ok(true, "after 3000 messages, receive matches exactly what process.match matches (" .. #cases .. " cases)")

-- the junk is still there, in order
for i = 1, 3000 do
  local m = P.receive(0)
  assert(m[1] == "junk" and m[2] == i, "junk " .. i)
end
ok(P.receive(0) == nil, "the messages that did not match stay queued, in order")

-- the first match in queue order, however far
junk(5000)
for i = 1, 5 do P.send(me, {"tag", i}) end
junk(5000)
for i = 1, 5 do P.send(me, {"tag", i}) end
for i = 1, 5 do
  local m = P.receive({"tag", W})
  assert(m[2] == i, "first of the tags: " .. i)
end
ok(P.receive({"tag", 3}, 0)[2] == 3 and P.receive({"tag", W}, 0)[2] == 1, "the first match in queue order")
flush()

-- a message Lua code was shown (a function pattern) may have changed:
-- later receives see it as it is now
junk(1000)
P.send(me, {"a", 1})
ok(P.receive({"b", 1}, 0) == nil, "{'b', 1} is not there")
ok(P.receive(function(m) if m[1] == "a" then m[1] = "b" end return false end, 0) == nil,
   "a function pattern changes [1] of the message, not taking it")
ok(P.receive({"a", 1}, 0) == nil, "the message no longer matches what it was")
ok(P.receive({"b", 1}, 0) ~= nil, "it matches what it is now")
P.send(me, {"c", 1})
ok(P.receive({"zz"}, 0) == nil, "a scan past it")
ok(P.receive({"c", function(v) return false end}, 0) == nil, "a pattern with a function is shown [2] only")
ok(P.receive(function(m) m[1], m[2] = m[2], m[1] return false end, 0) == nil, "a function pattern swaps [1] and [2]")
ok(P.receive({"c", 1}, 0) == nil and P.receive({1, "c"}, 0) ~= nil, "the swapped message matches")
flush()

-- a weak table's [1] may go with a collection while it waits in the queue
if bigint then
  junk(100)
  local bigs = "123456789012345678901234567890"
  P.send(me, setmetatable({bigint(bigs), "weak"}, {__mode = "v"}))
  P.send(me, setmetatable({bigint(bigs), "weak"}, {__mode = "v"}))
  ok(P.receive({"none"}, 0) == nil, "a scan past weak tables")
  collectgarbage()
  collectgarbage()
  ok(P.receive({bigint(bigs), "weak"}, 0) == nil, "a weak table's [1] collected is not matched")
  ok(P.receive({nil, "weak"}, 0)[1] == nil and P.receive({nil, "weak"}, 0)[1] == nil,
     "both are there, [1] gone")
  flush()
end

-- a message that arrives while the receive waits, after a long queue
junk(20000)
local helper = P.spawn(function()
  P.receive("go")
  P.send(me, {"late", 1})
end)
P.send(helper, "go")
ok(P.receive({"late", 1})[2] == 1, "a message that arrives while waiting is found")
ok(P.receive({"late", 1}, 0) == nil, "and taken")
flush()

-- a long scan is preempted: another process runs in the middle of it, and
-- what it sends is seen by the same receive (timeout 0: only what is
-- queued while it scans)
junk(100000)
P.spawn(function() P.send(me, {"during"}) end)
ok(P.receive({"during"}, 0) ~= nil, "a scan of 100000 messages lets another process run")
flush()
