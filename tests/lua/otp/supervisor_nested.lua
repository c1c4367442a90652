-- lurel-only
-- Supervision trees: a supervisor as a child (type = "supervisor"),
-- restarts inside the subtree, a sub-supervisor that gives up is restarted
-- by its parent, shutdown of the whole tree depth-first in reverse order.
local P = process
local me = P.self()
P.flag("trap_exit", true)

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local W = {}
function W.init(id)
  P.flag("trap_exit", true)
  P.send(me, {"started", id, P.self()})
  return "ok", id
end
function W.handle_call(req, from, id) return "reply", id, id end
function W.terminate(reason, id) P.send(me, {"terminated", id, reason}) end
local function spec(id) return {id = id, start = {gen_server.start_link, W, id}} end

local EV = P.any({"started"}, {"terminated"})
local function events(n)
  local ev = {}
  for i = 1, n do
    local m = P.receive(EV, 5000)
    assert(m, "expected " .. n .. " events, got: " .. table.concat(ev, " "))
    ev[i] = m[1] .. ":" .. m[2]
  end
  return table.concat(ev, " ")
end
local function kill(pid)
  local m = P.monitor(pid)
  P.exit(pid, "kill")
  P.receive({"DOWN", m})
end
local function child(sup, id)
  for _, c in ipairs(supervisor.which_children(sup)) do if c.id == id then return c end end
end

--   top (one_for_one)
--   ├── w0
--   ├── mid (supervisor, rest_for_one, intensity 1)
--   │   ├── m1
--   │   └── m2
--   └── w3
local mid_spec = {strategy = "rest_for_one", intensity = 1, period = 60, children = {spec("m1"), spec("m2")}}
local top = supervisor.start_link({strategy = "one_for_one", intensity = 5, period = 60, children = {
  spec("w0"),
  {id = "mid", type = "supervisor", start = {supervisor.start_link, mid_spec, {name = "mid"}}},
  spec("w3"),
}}, {name = "top"})
check("the tree starts depth-first in order", events(4) == "started:w0 started:m1 started:m2 started:w3")
local mid = child(top, "mid")
check("which_children: mid is a supervisor child", mid.type == "supervisor" and mid.pid == P.whereis("mid"))
local cc = supervisor.count_children(top)
check("count_children: 3 specs, 1 supervisor, 2 workers", cc.specs == 3 and cc.supervisors == 1 and cc.workers == 2 and cc.active == 3)

-- a worker in the subtree dies: mid restarts it (rest_for_one), top does nothing
kill(child("mid", "m1").pid)
check("m1 dies: mid restarts m1 and m2 (rest_for_one)", events(3) == "terminated:m2 started:m1 started:m2")
supervisor.count_children(top)
check("... top did nothing", P.receive(EV, 0) == nil and child(top, "mid").pid == mid.pid)

-- again within mid's period: mid gives up, exits "shutdown"; top restarts it
kill(child("mid", "m2").pid)
check("m2 dies again: mid exceeds its intensity, terminates m1, exits; top restarts mid",
  events(3) == "terminated:m1 started:m1 started:m2")
local mid2 = child(top, "mid").pid
check("... mid has a new pid (and its name)", mid2 ~= mid.pid and P.whereis("mid") == mid2)
check("... w0 and w3 untouched", P.receive(EV, 0) == nil)

-- kill the sub-supervisor itself: its children die with it (linked), top restarts it
local m1 = child("mid", "m1").pid
local mm = P.monitor(m1)
kill(mid2)
check("killing mid takes its children down", P.receive({"DOWN", mm}, 5000)[5] == "killed")
-- (the workers trap exits, but "killed" from the parent makes them terminate)
local ev = events(4)
check("... top restarts mid, which starts m1 and m2: " .. ev,
  ev == "terminated:m2 terminated:m1 started:m1 started:m2" or ev == "terminated:m1 terminated:m2 started:m1 started:m2")

-- terminate_child / restart_child of a supervisor child
check("terminate_child of the sub-supervisor", supervisor.terminate_child(top, "mid") == true)
check("... shuts its subtree down in reverse order", events(2) == "terminated:m2 terminated:m1")
check("... and its name is free", P.whereis("mid") == nil)
supervisor.restart_child(top, "mid")
check("restart_child brings the subtree back", events(2) == "started:m1 started:m2")

-- shutdown of the whole tree: reverse order, depth first
gen_server.stop(top, "shutdown")
check("stopping top: w3, then mid's m2, m1, then w0", events(4) == "terminated:w3 terminated:m2 terminated:m1 terminated:w0")
check("no process of the tree is left", P.whereis("top") == nil and P.whereis("mid") == nil)
P.receive({"EXIT", top})

-- three levels, simple_one_for_one at the bottom
local leaf = {strategy = "simple_one_for_one", children = {{start = {gen_server.start_link, W}}}}
local l2 = {children = {{id = "leafsup", type = "supervisor", start = {supervisor.start_link, leaf, {name = "leaf"}}}}}
top = supervisor.start_link({children = {{id = "l2", type = "supervisor", start = {supervisor.start_link, l2}}}})
for i = 1, 3 do supervisor.start_child("leaf", {"leaf" .. i}) end
check("three levels: dynamic children at the bottom", events(3) == "started:leaf1 started:leaf2 started:leaf3")
gen_server.stop(top, "shutdown")
local n = 0
while P.receive({"terminated"}, 0) do n = n + 1 end
check("stopping the top stops the leaves (" .. n .. ")", n == 3)
P.receive({"EXIT", top})
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all nested cases passed")
