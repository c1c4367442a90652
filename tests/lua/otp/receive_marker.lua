-- lurel-only
-- The receive marker (skip messages queued before a ref was made) applies
-- only when every message the pattern can match holds the ref.
local P = process
P.send(P.self(), "early")
local r = P.make_ref()
local m = P.receive(P.any({r}, "early"), 100)
assert(m == "early", "any() with one alternative without the ref must scan the whole queue")
print("any(ref-pattern, other) finds a message queued before the ref: ok")

P.send(P.self(), {"x", "early2"})
r = P.make_ref()
m = P.receive({"x", P.any(r, "early2")}, 100)
assert(m and m[2] == "early2", "a nested any() must not use the marker")
print("nested any(ref, other) finds a message queued before the ref: ok")

-- both alternatives hold the ref: a reply or a DOWN for it
local pid = P.spawn(function() end)
local mref = P.monitor(pid)
m = P.receive(P.any({mref}, {"DOWN", mref}), 1000)
assert(m and m[1] == "DOWN" and m[2] == mref)
print("any({ref}, {'DOWN', ref}) gets the DOWN: ok")
