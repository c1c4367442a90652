-- lurel-only
-- Shutting children down: reverse start order (recorded by messages), and
-- the shutdown option: a number of ms (exit(pid, "shutdown"), then "kill"
-- when the time is up), "brutal_kill" (kill at once, no terminate),
-- "infinity" (wait as long as it takes).  Uses short real timeouts.
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
function W.terminate(reason, id) P.send(me, {"terminated", id, reason}) end
local function spec(id, extra)
  local s = {id = id, start = {gen_server.start_link, W, id}}
  for k, v in pairs(extra or {}) do s[k] = v end
  return s
end

-- a child that traps exits and, on the supervisor's "shutdown", waits
-- `delay` ms before it exits (nil: never exits by itself)
local function stubborn(id, delay)
  return P.spawn_link(function()
    P.flag("trap_exit", true)
    P.send(me, {"started", id, P.self()})
    while true do
      local m = P.receive()
      if type(m) == "table" and m[1] == "EXIT" and m[3] == "shutdown" then
        P.send(me, {"asked", id})
        if delay then
          P.sleep(delay)
          P.exit("shutdown")
        end
      end
    end
  end)
end

-- reverse order, several children, whole-supervisor shutdown
local ids = {"c1", "c2", "c3", "c4", "c5"}
local children = {}
for i, id in ipairs(ids) do children[i] = spec(id) end
local sup = supervisor.start_link({children = children})
local order = {}
for i = 1, #ids do order[i] = P.receive({"started"})[2] end
check("children start in order: " .. table.concat(order, " "), table.concat(order, " ") == "c1 c2 c3 c4 c5")
gen_server.stop(sup, "shutdown")
order = {}
for i = 1, #ids do
  local t = P.receive({"terminated"}, 0)     -- all sent before the supervisor exited
  order[i] = t[2] .. "(" .. t[3] .. ")"
end
check("terminated in reverse order: " .. table.concat(order, " "),
  table.concat(order, " ") == "c5(shutdown) c4(shutdown) c3(shutdown) c2(shutdown) c1(shutdown)")
P.receive({"EXIT", sup})

-- the same when the supervisor's parent exits with "shutdown"
local parent = P.spawn(function()
  local s = supervisor.start_link({children = {spec("x1"), spec("x2"), spec("x3")}})
  P.send(me, {"sup", s})
  P.receive("go")
  P.exit("shutdown")
end)
sup = P.receive({"sup"})[2]
for i = 1, 3 do P.receive({"started"}) end
local sm = P.monitor(sup)
P.send(parent, "go")
check("the parent's exit shuts the supervisor down with its reason", P.receive({"DOWN", sm})[5] == "shutdown")
order = {}
for i = 1, 3 do order[i] = P.receive({"terminated"}, 0)[2] end
check("... its children in reverse order: " .. table.concat(order, " "), table.concat(order, " ") == "x3 x2 x1")

-- shutdown = ms: a child that ignores "shutdown" is killed after the time
sup = supervisor.start_link({children = {{id = "s", start = {stubborn, "s"}, shutdown = 100}}})
local pid = P.receive({"started", "s"})[3]
local m = P.monitor(pid)
local t0 = P.monotonic()
check("terminate_child returns true", supervisor.terminate_child(sup, "s") == true)
local took = P.monotonic() - t0
check("shutdown = 100: the child was asked first", P.receive({"asked", "s"}, 0) ~= nil)
check("... and killed after ~100 ms (took " .. math.floor(took) .. " ms)", took >= 99 and took < 5000)
check("... with reason \"killed\"", P.receive({"DOWN", m}, 0)[5] == "killed")
check("... which_children shows it not running", supervisor.which_children(sup)[1].pid == nil)

-- shutdown = ms: a cooperative child ends at once, no waiting for the time
supervisor.delete_child(sup, "s")
pid = supervisor.start_child(sup, spec("coop", {shutdown = 3000}))
P.receive({"started", "coop"})
t0 = P.monotonic()
supervisor.terminate_child(sup, "coop")
took = P.monotonic() - t0
check("shutdown = 3000 and a cooperative child: its terminate ran", P.receive({"terminated", "coop"}, 0)[3] == "shutdown")
check("... without waiting for the time (took " .. math.floor(took) .. " ms)", took < 2500)

-- brutal_kill: no terminate, reason "killed", at once
pid = supervisor.start_child(sup, spec("bk", {shutdown = "brutal_kill"}))
P.receive({"started", "bk"})
m = P.monitor(pid)
supervisor.terminate_child(sup, "bk")
check("brutal_kill: killed (\"killed\")", P.receive({"DOWN", m}, 0)[5] == "killed")
check("... its terminate did not run", P.receive({"terminated", "bk"}, 0) == nil)
-- even a child that traps exits and ignores "shutdown"
pid = supervisor.start_child(sup, {id = "bk2", start = {stubborn, "bk2"}, shutdown = "brutal_kill"})
P.receive({"started", "bk2"})
m = P.monitor(pid)
supervisor.terminate_child(sup, "bk2")
check("brutal_kill of a stubborn child: killed, never asked",
  P.receive({"DOWN", m}, 0)[5] == "killed" and P.receive({"asked", "bk2"}, 0) == nil)

-- infinity: the supervisor waits as long as the child takes (200 ms here)
pid = supervisor.start_child(sup, {id = "inf", start = {stubborn, "inf", 200}, shutdown = "infinity"})
P.receive({"started", "inf"})
m = P.monitor(pid)
t0 = P.monotonic()
supervisor.terminate_child(sup, "inf")
took = P.monotonic() - t0
check("infinity: waited for the child (took " .. math.floor(took) .. " ms)", took >= 199)
check("... which exited with its own reason \"shutdown\", not killed", P.receive({"DOWN", m}, 0)[5] == "shutdown")
check("... after it was asked", P.receive({"asked", "inf"}, 0) ~= nil)

-- a supervisor child defaults to infinity; a worker to 5000
local sub = supervisor.start_child(sup, {id = "sub", type = "supervisor",
  start = {supervisor.start_link, {children = {}}}})
check("type supervisor: default shutdown \"infinity\"", supervisor.get_childspec(sup, "sub").shutdown == "infinity")
supervisor.start_child(sup, spec("dflt"))
P.receive({"started", "dflt"})
check("type worker: default shutdown 5000", supervisor.get_childspec(sup, "dflt").shutdown == 5000)
supervisor.terminate_child(sup, "dflt")
P.receive({"terminated", "dflt"})
check("delete_child of a stopped child", supervisor.delete_child(sup, "dflt") == true)

-- whole-supervisor shutdown with a mix: reverse order, each by its option
supervisor.delete_child(sup, "bk"); supervisor.delete_child(sup, "bk2"); supervisor.delete_child(sup, "inf")
supervisor.restart_child(sup, "coop"); P.receive({"started", "coop"})
supervisor.start_child(sup, {id = "late", start = {stubborn, "late", 50}, shutdown = 1000})
P.receive({"started", "late"})
supervisor.start_child(sup, spec("last", {shutdown = "brutal_kill"}))
P.receive({"started", "last"})
local names = {}
for _, c in ipairs(supervisor.which_children(sup)) do names[#names + 1] = c.id end
check("which_children in start order: " .. table.concat(names, " "), table.concat(names, " ") == "coop sub late last")
sm = P.monitor(sup)
t0 = P.monotonic()
gen_server.stop(sup, "shutdown")
check("stopped", P.receive({"DOWN", sm}, 0)[5] == "shutdown")
check("'last' (brutal_kill) got no terminate", P.receive({"terminated", "last"}, 0) == nil)
check("'late' was asked and took its 50 ms", P.receive({"asked", "late"}, 0) ~= nil and P.monotonic() - t0 >= 49)
check("'coop' terminated last, with \"shutdown\"", P.receive({"terminated", "coop"}, 0)[3] == "shutdown")
check("the sub-supervisor is gone", not P.alive(sub))
P.receive({"EXIT", sup})
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all shutdown cases passed")
