-- links_monitors.lua — monitors, links, trap_exit, and "let it crash".
--
--   build/lurel docs/examples/links_monitors.lua
--
-- (The crashes below print crash reports on stderr: that is expected.)

local _ = process._
local me = process.self()

-- A process that waits for a message telling it how to end.
local function worker()
  local how = process.receive()
  if how == "crash" then error("something went wrong", 0)   -- level 0: no "file:line:" prefix
  elseif how == "exit" then process.exit("gave up")
  end                                                         -- else return: reason "normal"
end

local function wait_down(ref)
  return process.receive({"DOWN", ref, "process", _, _})
end

-- 1. Monitors: one-way.  monitor(pid) returns a ref; when the process ends,
--    we get {"DOWN", ref, "process", pid, reason}.  We do not die with it.
for _, how in ipairs({"return", "crash", "exit"}) do
  local pid = process.spawn(worker)
  local ref = process.monitor(pid)
  process.send(pid, how)
  local down = wait_down(ref)
  print(("1. worker told to %-6s ended with reason: %s"):format(how, down[5]))
  assert(down[4] == pid)
end
-- Monitoring a process that is already dead gives a DOWN at once, "noproc".
local dead = process.spawn(worker)
process.send(dead, "return")
wait_down(process.monitor(dead))
local down = wait_down(process.monitor(dead))
print("   monitoring a dead process: " .. down[5])
assert(down[5] == "noproc")

-- 2. Links: two-way.  When a linked process ends with a reason other than
--    "normal", the exit signal kills the processes linked to it, and so on
--    along the links: related processes live and die together.
local function middle()
  local w = process.spawn_link(worker)   -- spawn and link in one step
  process.send(me, {"worker is", w})
  while true do                          -- answer pings until something ends us
    local from = process.receive({"ping", _})[2]
    process.send(from, "pong")
  end
end
local mid, mref = process.spawn_monitor(middle)   -- we watch `middle` with a monitor
local w = process.receive({"worker is", _})[2]
process.send(w, "crash")
down = process.receive({"DOWN", mref, _, _, _})
print("2. the worker crashed, so the linked middle process died with: " .. down[5])
assert(down[5] == "something went wrong" and not process.alive(mid))

--    A "normal" exit signal does not kill: a process that returns leaves its
--    linked partners alone.
mid, mref = process.spawn_monitor(middle)
w = process.receive({"worker is", _})[2]
process.send(w, "return")
local wref = process.monitor(w)
wait_down(wref)
process.send(mid, {"ping", me})
print("   the worker returned normally; middle still answers: " .. process.receive("pong"))
assert(process.alive(mid))
process.exit(mid, "kill")                -- "kill" cannot be ignored
down = process.receive({"DOWN", mref, _, _, _})
print("   exit(pid, \"kill\") ended it with: " .. down[5])
assert(down[5] == "killed")

-- 3. trap_exit: a process that traps exits is not killed by exit signals;
--    they arrive as messages {"EXIT", pid, reason} instead.  This is how a
--    supervisor watches its children.
process.flag("trap_exit", true)
local w1 = process.spawn_link(worker)
process.send(w1, "crash")
local exit = process.receive({"EXIT", w1, _})
print("3. trapping exits, we got a message instead of dying: EXIT " .. exit[3])
local w2 = process.spawn_link(worker)
process.send(w2, "return")
exit = process.receive({"EXIT", w2, _})
print("   and a normal end is a message too: EXIT " .. exit[3])
assert(exit[3] == "normal")
process.flag("trap_exit", false)

-- 4. "Let it crash": instead of guarding every line against every error,
--    let a process that hits an unexpected state die, and let another
--    process restart it in a known good state.  Here is the smallest keeper:
--    it traps exits, starts a worker, and starts a new one when it crashes.
local function keeper(report_to, restarts_left)
  process.flag("trap_exit", true)
  local function start()
    local pid = process.spawn_link(worker)
    process.send(report_to, {"started", pid})
    return pid
  end
  local current = start()
  while true do
    local msg = process.receive({"EXIT", _, _})
    if msg[2] == current and msg[3] ~= "normal" and restarts_left > 0 then
      restarts_left = restarts_left - 1
      current = start()                         -- a fresh worker, fresh state
    else
      return
    end
  end
end
process.spawn(keeper, me, 2)
local first = process.receive({"started", _})[2]
process.send(first, "crash")
local second = process.receive({"started", _})[2]
print("4. the keeper replaced the crashed worker: " .. tostring(second ~= first))
assert(second ~= first and process.alive(second) and not process.alive(first))
process.send(second, "crash")
local third = process.receive({"started", _})[2]
assert(third ~= second)
print("   ... and again.  Supervisors (supervision_tree.lua) do this properly.")
