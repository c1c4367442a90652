-- lurel-only
-- process.exit(pid, reason) needs a pid: exit("name", "kill") is an error
-- (it used to end the caller with reason "name"); exit(reason) still ends
-- the caller.
local me = process.self()
local p, r = process.spawn_monitor(function()
  process.register("srv", process.self())
  local ok, err = pcall(process.exit, "srv", "kill")
  process.send(me, {"pcall", ok, err})
  process.exit("bye")
end)
local m = process.receive({"pcall"}, 5000)
assert(m[2] == false and tostring(m[3]):find("pid expected"), tostring(m[3]))
assert(process.receive({"DOWN", r, "process", p, "bye"}, 5000))
-- exit(pid, reason) to another process still works
local q, r2 = process.spawn_monitor(function() process.receive() end)
assert(process.exit(q, "stop") == true)
assert(process.receive({"DOWN", r2, "process", q, "stop"}, 5000))
print("ok")
