-- lurel-only
-- Patterns: process.match, process.W, process.any, table patterns (nested,
-- extra keys ignored), function patterns, raw equality
local P = process
local W = P._
local match, any = P.match, P.any

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

-- the wildcard matches any non-nil value
for _, v in ipairs({0, 1.5, "", "s", true, {}, print, P.self(), P.make_ref()}) do
  assert(match(v, W) == true)
end
ok(match(false, W) == true, "_ matches false (not nil)")
ok(match(nil, W) == false, "_ does not match nil")
ok(type(W) == "userdata", "process._ is a userdata")

-- raw equality for other values
ok(match(1, 1) and match("a", "a") and match(true, true) and match(false, false), "equal scalars match")
ok(match(1, 1.0) and match(2.0, 2), "1 matches 1.0 (raw equality of numbers)")
ok(not match(1, 2) and not match("1", 1) and not match(1, "1"), "different values or types do not match")
ok(not match(false, nil) and not match(nil, false), "false and nil do not match each other")
ok(match(nil, nil) == true, "nil pattern matches nil by raw equality")
local me = P.self()
ok(match(me, P.self()) and not match(me, P.make_ref()), "pids match by equality")
local r = P.make_ref()
ok(match(r, r) and not match(r, P.make_ref()), "refs match by equality")
local eqmt = {__eq = function() return true end}
local a1, a2 = setmetatable({1}, eqmt), setmetatable({2}, eqmt)
ok(not match(a1, a2), "table patterns ignore __eq (field by field, raw)")

-- table patterns
ok(match({}, {}) and match({1, 2}, {}) and match({x = 1}, {}), "{} matches any table")
ok(not match(1, {}) and not match("s", {}) and not match(nil, {}), "{} does not match non-tables")
ok(match({"ping", 1}, {"ping", W}), "{'ping', W} matches {'ping', 1}")
ok(not match({"ping"}, {"ping", W}), "{'ping', W} needs a second field")
ok(not match({"pong", 1}, {"ping", W}), "first field must be equal")
ok(match({"ping", 1, 2, 3, extra = true}, {"ping", W}), "extra keys of the value are ignored")
ok(match({a = 1, b = 2, c = 3}, {a = 1, c = 3}), "named keys: pattern keys only")
ok(not match({a = 1, b = 2}, {a = 1, c = W}), "a missing key does not match W")
ok(not match({a = 1}, {a = 2}), "a different field value does not match")
ok(match({[true] = "t", [2.5] = "f"}, {[true] = "t", [2.5] = W}), "boolean and float keys")
ok(match({[me] = "mine"}, {[me] = "mine"}), "pid as key in a pattern")
ok(match({"x", false}, {"x", false}), "false field matches false")
ok(not match({"x"}, {"x", false}), "missing field does not match false")

-- nested patterns
local msg = {"call", {from = me, tag = r}, {"get", {key = "k", opts = {1, 2}}}}
ok(match(msg, {"call", {from = W, tag = r}, {"get", {key = "k"}}}), "nested tables match")
ok(match(msg, {"call", W, {W, {opts = {1, 2}}}}), "nested with wildcards")
ok(not match(msg, {"call", W, {W, {opts = {1, 3}}}}), "nested mismatch deep down")
ok(not match(msg, {"call", W, {W, {opts = {1, 2, 3}}}}), "nested pattern longer than value")
ok(not match({"a", "b"}, {"a", {"b"}}), "table pattern against a string field does not match")

-- process.any
ok(match(1, any(1, 2)) and match(2, any(1, 2)) and not match(3, any(1, 2)), "any(1, 2)")
ok(not match(1, any()), "any() matches nothing")
ok(match({"b", 1}, any({"a"}, {"b"})), "any of table patterns")
ok(match({"x", 3}, {"x", any(1, 2, 3)}), "any nested in a table pattern")
ok(not match({"x", 4}, {"x", any(1, 2, 3)}), "any nested in a table pattern, no match")
ok(match(1, any(nil, 1)) == true, "any with a nil argument: the other alternatives still count")
ok(match("s", any(W, 1)) and not match(nil, any(W)), "any containing the wildcard")
ok(match(5, any(function(v) return v > 4 end)), "any containing a function")
ok(match({"t", {1}}, any({"t", {any(1, 2)}})), "any inside table inside any")
local anyp = any("a", "b")
collectgarbage(); collectgarbage()
ok(match("b", anyp) and not match("c", anyp), "an any pattern survives garbage collection")
-- an any pattern is a table: it is not a table pattern against tables
ok(not match({"a", "b"}, any("a", "b")), "any('a', 'b') does not match the table {'a', 'b'}")

-- function patterns
ok(match(5, function(v) return v > 3 end) == true, "function pattern true")
ok(match(2, function(v) return v > 3 end) == false, "function pattern false")
ok(match(1, function() return 0 end) == true, "a truthy non-boolean result counts as a match (and match returns true)")
ok(match(1, function() return nil end) == false, "nil result is no match")
ok(match(1, function() end) == false, "no result is no match")
ok(match({"n", 10}, {"n", function(v) return v % 2 == 0 end}), "function inside a table pattern")
ok(not match({"n", 11}, {"n", function(v) return v % 2 == 0 end}), "function inside a table pattern, no match")
local seen
match({"k", "payload"}, {"k", function(v) seen = v return true end})
ok(seen == "payload", "the function gets the field value")
seen = "unset"
match({"k"}, {"k", function(v) seen = v return true end})
ok(seen == nil, "a missing field is passed to the function as nil")
-- an erroring function pattern: the error propagates from match
local okc, err = pcall(match, 1, function() error("pattern-error", 0) end)
ok(not okc and err == "pattern-error", "an error in a function pattern propagates from match")
okc, err = pcall(match, {1}, {function() error({code = 1}) end})
ok(not okc and type(err) == "table" and err.code == 1, "error values keep their type")
-- match itself is not confused by it afterwards
ok(match({"ok"}, {"ok"}), "match works after an erroring pattern")

-- receive with each kind of pattern
P.send(me, {"t", 1}); P.send(me, 7); P.send(me, {"u", {v = 2}}); P.send(me, "s")
ok(P.receive("s") == "s", "receive scalar pattern")
ok(P.receive({"u", {v = W}})[2].v == 2, "receive nested table pattern")
ok(P.receive(any(7, 8)) == 7, "receive any pattern")
ok(P.receive(W)[1] == "t", "receive wildcard")
P.send(me, 10); P.send(me, 21)
ok(P.receive(function(v) return v > 20 end) == 21, "receive function pattern")
ok(P.receive() == 10, "the other stays")

-- an any pattern sent in a message still works as a pattern in the receiver
local checker = P.spawn(function(parent)
  local pat = P.receive()
  P.send(parent, {P.match("b", pat), P.match("z", pat), P.match({"a"}, {pat})})
end, me)
P.send(checker, any("a", "b"))
local res = P.receive()
ok(res[1] == true and res[2] == false and res[3] == true, "an any pattern keeps its meaning after a copy")

-- a pattern holding a cyclic value in the message: matching the shallow
-- pattern is fine
local cyc = {"cyc"}
cyc[2] = cyc
ok(match(cyc, {"cyc", {"cyc", {"cyc"}}}), "matching a cyclic value")

-- match arguments
okc = pcall(match, 1)
ok(not okc, "match with one argument raises")

print("patterns: all done")
