-- processes.lua — processes, pids, and what a process shares (nothing).
--
--   build/lurel docs/examples/processes.lua

-- The program itself runs in a process: the main process.
local me = process.self()
print("the main process is " .. tostring(me))

-- spawn(fn, args...) starts a new process running fn(args...) and returns at
-- once with its pid (process identifier).  The new process runs side by side
-- with the others; the runtime switches between them.
local pids = {}
for i = 1, 3 do
  pids[i] = process.spawn(function(n, parent)
    -- this runs in the new process
    process.send(parent, {"hello", n, process.self()})
  end, i, me)
end
print("spawned " .. tostring(pids[1]) .. ", " .. tostring(pids[2]) .. " and " .. tostring(pids[3]))

-- Wait for the three greetings.  They are taken in spawn order here, whatever
-- order they came in, because each receive asks for a given n.
for i = 1, 3 do
  local msg = process.receive({"hello", i, process._})
  print("greeting " .. i .. " came from " .. tostring(msg[3]))
  assert(msg[3] == pids[i])
end

-- A pid is a value: compare it, use it as a table key, send it in a message.
local names = {[pids[1]] = "first"}
assert(names[pids[1]] == "first" and pids[1] ~= pids[2] and process.is_pid(pids[1]))

-- Processes share nothing.  Each one has its own globals ...
counter = 100
local child = process.spawn(function(parent)
  counter = 1                                  -- the child's own global
  process.send(parent, {"child's counter", counter})
end, me)
local msg = process.receive({"child's counter", process._})
print("child's counter = " .. msg[2] .. ", ours is still " .. counter)
assert(counter == 100 and msg[2] == 1)

-- ... and a message is a copy: changing it on one side does not change it on
-- the other.  Functions can be sent too (with copies of their upvalues).
local config = {level = 1}
local copier = process.spawn(function(parent)
  local m = process.receive()
  local r = m.fn(2)
  m.data.level = 99                            -- changes the child's copy
  process.send(parent, {"changed", m.data.level, r})
end, me)
process.send(copier, {data = config, fn = function(x) return x * config.level * 10 end})
msg = process.receive({"changed", process._, process._})
print("the child changed its copy to " .. msg[2] .. "; ours is still " .. config.level
      .. " (and the function it got returned " .. msg[3] .. ")")
assert(config.level == 1 and msg[2] == 99 and msg[3] == 20)

-- process.info tells what a process is doing; process.alive whether it is.
local waiter = process.spawn(function() process.receive("go") end)
process.send(waiter, "not this")
process.send(waiter, "nor this")
local info = process.info(waiter)
print("the waiter has " .. info.message_queue_len .. " messages it does not want in its mailbox")
assert(info.message_queue_len == 2)
assert(info.status == "runnable" or info.status == "waiting")   -- (depends on timing)
process.send(waiter, "go")                     -- it takes "go" and returns
local ref = process.monitor(waiter)            -- (monitors: see links_monitors.lua)
process.receive({"DOWN", ref, "process", waiter, process._})
print("after its function returned, alive: " .. tostring(process.alive(waiter)))
assert(not process.alive(waiter) and process.info(waiter) == nil)
-- When the main process ends, the whole program ends, and with it any
-- process still running.
