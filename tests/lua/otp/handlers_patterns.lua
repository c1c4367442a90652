-- lurel-only
-- Handlers patterns: strings (msg.Action), tables (presence, "_" and
-- process._ wildcards, function values called as f(value, msg), equality
-- otherwise), and functions (break/continue/skip results), through
-- Handlers.match and through evaluate.

local function check(got, want, what)
  assert(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  print("ok - " .. what .. " = " .. tostring(got))
end
local match = Handlers.match

-- string
check(match({Action = "Ping"}, "Ping"), "break", "string matches Action")
check(match({Action = "Pong"}, "Ping"), "skip", "string: other Action")
check(match({action = "Ping"}, "Ping"), "skip", "string: Action is case-sensitive")
check(match({}, "Ping"), "skip", "string: no Action")
check(match("Ping", "Ping"), "skip", "string pattern vs string message")
check(match(7, "Ping"), "skip", "string pattern vs number message")
check(match({Action = "Ping.x"}, "Ping"), "skip", "string: equality, not a Lua pattern")
check(match({Action = "P.ng"}, "P.ng"), "break", "string with magic characters")

-- table: presence and equality
check(match({Action = "Ping", From = "me"}, {Action = "Ping"}), "break", "table: extra keys ignored")
check(match({Action = "Ping"}, {Action = "Ping", From = "me"}), "skip", "table: missing key")
check(match({Action = "Ping", From = "you"}, {Action = "Ping", From = "me"}), "skip", "table: different value")
check(match({n = 1}, {n = 1.0}), "break", "table: 1 == 1.0")
check(match({n = "1"}, {n = 1}), "skip", "table: \"1\" ~= 1")
check(match({flag = false}, {flag = false}), "break", "table: false is present and equal")
check(match({}, {flag = false}), "skip", "table: absent is not false")
check(match({[1] = "DOWN", [2] = "ref"}, {"DOWN"}), "break", "table: array keys")
check(match({"EXIT", "pid", "normal"}, {"EXIT", "_", "normal"}), "break", "table: array with wildcard")
check(match({"EXIT", "pid", "killed"}, {"EXIT", "_", "normal"}), "skip", "table: array, wrong reason")
local shared = {}
check(match({t = shared}, {t = shared}), "break", "table: same sub-table")
check(match({t = {}}, {t = {}}), "skip", "table: different sub-tables (equality, not structure)")
local eqmt = {__eq = function() return true end}
check(match({t = setmetatable({}, eqmt)}, {t = setmetatable({}, eqmt)}), "break", "table: equality honours __eq")
check(match("str", {}), "skip", "table pattern vs non-table message")

-- wildcards
check(match({Action = "X", Data = 0}, {Data = "_"}), "break", "\"_\" matches any present value")
check(match({Action = "X"}, {Data = "_"}), "skip", "\"_\" still needs the key")
check(match({Data = false}, {Data = "_"}), "break", "\"_\" matches false")
check(match({Data = "_"}, {Data = "_"}), "break", "\"_\" matches itself too")
check(match({Data = 3}, {Data = process._}), "break", "process._ works as a wildcard")
check(match({}, {Data = process._}), "skip", "process._ needs the key")

-- function values: f(value, msg)
local seen_v, seen_m
local m1 = {Quantity = 5, Action = "Buy"}
check(match(m1, {Quantity = function(v, msg) seen_v, seen_m = v, msg; return v > 3 end}), "break", "function value true")
check(seen_v, 5, "function value got the field")
check(seen_m, m1, "function value got the message")
check(match({Quantity = 2}, {Quantity = function(v) return v > 3 end}), "skip", "function value false")
local called = false
check(match({}, {Quantity = function() called = true; return true end}), "skip", "function value: absent key")
check(called, false, "function value not called for an absent key")
check(match({Q = 1}, {Q = function() return "anything" end}), "break", "function value: truthy result")
check(match({Q = 1}, {Q = function() return nil end}), "skip", "function value: nil result")
check(match({Action = "Buy", Quantity = 9, From = "a"},
            {Action = "Buy", Quantity = function(q) return q < 10 end, From = "_"}), "break", "mixed table pattern")

-- function patterns
check(match({}, function() return "break" end), "break", "fn \"break\"")
check(match({}, function() return true end), "break", "fn true")
check(match({}, function() return "continue" end), "continue", "fn \"continue\"")
check(match({}, function() return "skip" end), "skip", "fn \"skip\"")
check(match({}, function() return false end), "skip", "fn false")
check(match({}, function() return nil end), "skip", "fn nil")
check(match({}, function() end), "skip", "fn no result")
check(match(42, function(m) return m == 42 end), "break", "fn sees non-table messages")
check(select(2, pcall(match, {}, function() return "Break" end)):find("returned string \"Break\"", 1, true) ~= nil,
      true, "fn \"Break\" (wrong case) is an error")
check(select(2, pcall(match, {}, function() return 0 end)):find("returned number 0", 1, true) ~= nil,
      true, "fn 0 is an error")
check(select(2, pcall(match, {}, function() return {} end)):find("returned table", 1, true) ~= nil,
      true, "fn table is an error")
check(pcall(match, {}, 5), false, "match with a number pattern is an error")

-- the same through evaluate
local got = {}
Handlers.add("str", "Ping", function(m) got[#got + 1] = "str" end)
Handlers.add("tab", {Action = "Buy", Quantity = function(q) return q < 10 end}, function() got[#got + 1] = "tab" end)
Handlers.add("wild", {"DOWN", "_", "process", "_", "_"}, function(m) got[#got + 1] = "down:" .. m[5] end)
Handlers.add("fn", function(m) return m.n and m.n % 2 == 0 end, function(m) got[#got + 1] = "even" .. m.n end)
Handlers.evaluate({Action = "Ping"})
Handlers.evaluate({Action = "Buy", Quantity = 3})
Handlers.evaluate({Action = "Buy", Quantity = 30})          -- Inbox
Handlers.evaluate({"DOWN", "ref", "process", "pid", "normal"})
Handlers.evaluate({n = 4})
Handlers.evaluate({n = 5})                                   -- Inbox
check(table.concat(got, ","), "str,tab,down:normal,even4", "evaluate with each kind")
check(#Inbox, 2, "two not taken")
check(Inbox[1].Quantity, 30, "first in the Inbox")
check(Inbox[2].n, 5, "second in the Inbox")

-- a real DOWN message from a monitor, matched by a table pattern
Handlers.remove("wild")
local pid, ref = process.spawn_monitor(function() end)
local down
Handlers.add("realdown", {"DOWN", ref, "process", pid, "_"}, function(m) down = m end)
Handlers.evaluate(process.receive({"DOWN", ref, process._, process._, process._}))
check(down and down[5], "normal", "a monitor DOWN matched with a ref and a pid in the pattern")

print("handlers_patterns: all passed")
