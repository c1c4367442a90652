-- named_processes.lua — registered names.
--
--   build/lurel docs/examples/named_processes.lua
--
-- A pid changes every time a process is restarted; a name does not.  Register
-- a process under a name and anyone can send to the name without being told
-- the pid.

local _ = process._
local me = process.self()

-- An echo server: answers {"echo", from, text} with {"echoed", text}.
local function echo()
  while true do
    local msg = process.receive()
    if msg == "stop" then return end
    process.send(msg[2], {"echoed", msg[3]})
  end
end

local pid = process.spawn(echo)
process.register("echo", pid)
print("whereis('echo') is the pid we registered: " .. tostring(process.whereis("echo") == pid))
assert(process.whereis("echo") == pid)

process.send("echo", {"echo", me, "hello by name"})   -- send to the name
print(process.receive({"echoed", _})[2])

-- A name belongs to one process, and a process has at most one name.
local ok, err = pcall(process.register, "echo", process.spawn(echo))
print("registering a taken name fails: " .. tostring(not ok))
assert(not ok and err:find("taken"))

-- The names in use (the list may hold names registered by libraries too).
local found = false
for _, name in ipairs(process.registered()) do found = found or name == "echo" end
assert(found)
print("process.info(pid).registered_name = " .. process.info(pid).registered_name)

-- When the process ends its name is freed, before its DOWN messages go out:
-- whoever sees the DOWN can register a successor at once.
local ref = process.monitor(pid)
process.send("echo", "stop")
process.receive({"DOWN", ref, _, _, _})
print("after it ended, whereis('echo') = " .. tostring(process.whereis("echo")))
assert(process.whereis("echo") == nil)

-- Sending to a name nobody has is an error (sending to a dead pid is not:
-- that message is just dropped).
ok, err = pcall(process.send, "echo", "anyone there?")
print("sending to an unregistered name raises an error: " .. tostring(not ok))
assert(not ok)
process.send(pid, "to a dead pid: dropped silently")

-- The successor takes the name, and senders do not need to know.
process.register("echo", process.spawn(echo))
process.send("echo", {"echo", me, "hello from the new echo"})
print(process.receive({"echoed", _})[2])
process.unregister("echo")
assert(process.whereis("echo") == nil)
