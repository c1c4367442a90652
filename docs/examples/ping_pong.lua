-- ping_pong.lua — two processes send messages back and forth.
--
--   build/lurel docs/examples/ping_pong.lua
--
-- The main program is a process too.  It spawns a "pong" process, then plays
-- "ping": it sends {"ping", n, me} and waits for {"pong", n}.  Each process
-- has its own mailbox; process.send puts a copy of the message there and
-- process.receive takes the first message that matches a pattern.

local me = process.self()

-- pong: answers every ping, stops on "stop" and tells who asked how many
-- pings it saw.  The loop is a function that calls itself in tail position,
-- carrying its state (the count) as an argument.
local function pong(count)
  local msg = process.receive()          -- wait for any message
  if msg[1] == "ping" then
    local n, from = msg[2], msg[3]
    print("  pong got ping " .. n)
    process.send(from, {"pong", n})
    return pong(count + 1)                -- a tail call: the loop never grows the stack
  elseif msg[1] == "stop" then
    process.send(msg[2], {"stopped", count})
  end
end

local pong_pid = process.spawn(pong, 0)  -- runs pong(0) in a new process
print("spawned pong as " .. tostring(pong_pid))
assert(process.is_pid(pong_pid) and pong_pid ~= me)

for n = 1, 3 do
  print("ping " .. n)
  process.send(pong_pid, {"ping", n, me})
  local reply = process.receive({"pong", n})   -- wait for the pong with this n
  print("got pong " .. reply[2])
  assert(reply[1] == "pong" and reply[2] == n)
end

process.send(pong_pid, {"stop", me})
local stopped = process.receive({"stopped", process._})
print("pong saw " .. stopped[2] .. " pings and stopped")
assert(stopped[2] == 3)
