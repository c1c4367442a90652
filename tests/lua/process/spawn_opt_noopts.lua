-- lurel-only
-- spawn_opt without an options table (and with nil for it) is spawn: it
-- crashed the VM when the opts argument was absent.
local me = process.self()
local p = process.spawn_opt(function(...) process.send(me, {"a", select("#", ...)}) end)
assert(process.is_pid(p))
assert(process.receive({"a", 0}, 5000))
p = process.spawn_opt(function(x, y) process.send(me, {"b", x, y}) end, nil, 1, 2)
assert(process.receive({"b", 1, 2}, 5000))
local q, ref = process.spawn_opt(function() end, {monitor = true})
assert(process.receive({"DOWN", ref, "process", q, "normal"}, 5000))
print("ok")
