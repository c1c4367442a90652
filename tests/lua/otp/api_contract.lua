-- lurel-only
-- gen_server and supervisor as api.md writes them: its examples run as
-- given, and each stated rule holds.  Every wait is on a message, a monitor
-- or a call.
local P = process
local W = P._
local me = P.self()

local failed = 0
local function check(cond, what)
  if cond then print("ok: " .. what)
  else failed = failed + 1; print("FAIL: " .. what) end
end

-- ------------------------------------------------------------ gen_server
-- api.md's Counter, with a few extra requests
local Counter = {}
function Counter.init(n)                    return "ok", n end
function Counter.handle_call(req, from, n)
  if req == "later" then
    P.spawn(function() gen_server.reply(from, "answered later") end)
    return "noreply", n
  elseif req == "slow" then
    P.receive("release")
    return "reply", "slow reply", n
  elseif req == "stop" then
    return "stop", "normal", "stopping", n
  end
  return "reply", n, n
end
function Counter.handle_cast(req, n)        return "noreply", n + req end
function Counter.handle_info(msg, n)
  if type(msg) == "table" and msg[1] == "whoami" then P.send(msg[2], {"state", n}) end
  return "noreply", n
end
function Counter.terminate(reason, n)       P.send(me, {"terminate", reason, n}) end

local pid = gen_server.start_link(Counter, 0, {name = "counter"})
check(P.is_pid(pid) and P.whereis("counter") == pid, "start_link returns the pid and registers the name")
check(gen_server.call("counter", "get") == 0, "call by name")
check(gen_server.call(pid, "get", 1000) == 0 and gen_server.call(pid, "get", "infinity") == 0, "call with a timeout in ms or \"infinity\"")
gen_server.cast(pid, 5)
gen_server.cast("counter", 2)
check(gen_server.call(pid, "get") == 7, "cast updates the state")
P.send(pid, {"whoami", me})
check(P.receive({"state", W})[2] == 7, "other messages go to handle_info")
check(gen_server.call(pid, "later") == "answered later", "gen_server.reply answers a \"noreply\" call later")

-- timeout: an error {"timeout", ...}; the late reply is discarded
local ok, e = pcall(gen_server.call, pid, "slow", 20)
check(not ok and type(e) == "table" and e[1] == "timeout", "a call that times out raises {\"timeout\", ...}")
P.send(pid, "release")
check(gen_server.call(pid, "get") == 7, "the server goes on after a caller gave up")
check(P.receive(0) == nil, "the reply that came after the timeout is not in the mailbox")

-- start_link: nil, reason when the name is taken or init stops
local p2, why = gen_server.start_link(Counter, 0, {name = "counter"})
check(p2 == nil and why ~= nil, "start_link with a taken name: nil, reason")
local Stopper = {init = function(r) return "stop", r end}
local p3, why3 = gen_server.start_link(Stopper, "no thanks")
check(p3 == nil and why3 == "no thanks", "start_link when init returns \"stop\": nil, reason")
check(P.receive(0) == nil, "a failed start leaves no message behind")
local p4 = gen_server.start(Counter, 1)
check(P.is_pid(p4) and gen_server.call(p4, "get") == 1, "gen_server.start")

-- stop runs terminate
check(gen_server.stop(p4) == true or gen_server.stop ~= nil, "gen_server.stop")
local t = P.receive({"terminate", W, W})
check(t[2] == "normal" and t[3] == 1, "stop calls terminate(\"normal\", state)")
check(not P.alive(p4), "the server is gone after stop")
local p5 = gen_server.start(Counter, 2)
gen_server.stop(p5, "shutdown")
t = P.receive({"terminate", W, W})
check(t[2] == "shutdown", "stop(pid, reason) passes the reason to terminate")

-- a call to a dead or unknown server raises {"noproc", ...} without waiting
ok, e = pcall(gen_server.call, p4, "get")
check(not ok and type(e) == "table" and e[1] == "noproc", "a call to a dead server raises {\"noproc\", ...}")
ok, e = pcall(gen_server.call, "nobody_here", "get")
check(not ok and type(e) == "table" and e[1] == "noproc", "a call to an unknown name raises {\"noproc\", ...}")

-- "stop", reason, reply, state
check(gen_server.call(pid, "stop") == "stopping", "\"stop\", reason, reply, state replies")
t = P.receive({"terminate", W, W})
check(t[2] == "normal" and P.whereis("counter") == nil, "... then terminates, and the name is free")

-- missing callbacks: OTP's defaults
local Bare = {init = function() return "ok", "s" end, handle_call = function(r, f, s) return "reply", r, s end}
local b = gen_server.start(Bare)
P.send(b, "ignored info")
check(gen_server.call(b, "still here") == "still here", "no handle_info: messages are dropped, the server lives")
gen_server.stop(b)

-- ------------------------------------------------------------ supervisor
-- api.md's example, with db.start_link a gen_server
local db = {}
function db.init(arg) P.send(me, {"db started", arg, P.self()}) return "ok", arg end
function db.handle_call(req, from, s) return "reply", s, s end
function db.start_link(arg) return gen_server.start_link(db, arg) end

local sup = supervisor.start_link({
  strategy = "one_for_one",
  intensity = 1, period = 5,
  children = {
    { id = "db", start = {db.start_link, "arg"},
      restart = "permanent",
      shutdown = 5000,
      type = "worker" },
  },
}, {name = "top"})
check(P.is_pid(sup) and P.whereis("top") == sup, "supervisor.start_link with a name")
local first = P.receive({"db started", "arg", W})[3]
local kids = supervisor.which_children(sup)
check(#kids == 1 and kids[1].id == "db" and kids[1].pid == first and kids[1].type == "worker", "which_children: {id =, pid =, type =}")
local c = supervisor.count_children("top")
check(type(c) == "table" and c.active == 1 and c.workers == 1, "count_children")
P.exit(first, "crash")
local second = P.receive({"db started", "arg", W})[3]
check(second ~= first and supervisor.which_children(sup)[1].pid == second, "a permanent child is restarted")
check(supervisor.terminate_child(sup, "db") == true and not P.alive(second), "terminate_child")
local third = supervisor.restart_child(sup, "db")
check(P.is_pid(third) and P.receive({"db started", "arg", W})[3] == third, "restart_child returns the new pid")
check(supervisor.terminate_child(sup, "db") == true and supervisor.delete_child(sup, "db") == true, "delete_child")
check(#supervisor.which_children(sup) == 0, "the child is gone")
local np = supervisor.start_child(sup, {id = "db2", start = {db.start_link, "two"}})
check(P.is_pid(np) and P.receive({"db started", "two", W})[3] == np, "start_child")
-- more restarts than intensity in period: children terminated, exit
-- "shutdown" (a fresh supervisor; we are linked to it, so trap exits)
P.flag("trap_exit", true)
local sup2 = supervisor.start_link({children = {{id = "w", start = {db.start_link, "w"}}}}, {name = "top2"})
local w1 = P.receive({"db started", "w", W})[3]
local sref = P.monitor(sup2)
P.exit(w1, "crash 1")
local w2 = P.receive({"db started", "w", W})[3]
local wref = P.monitor(w2)
P.exit(w2, "crash 2")
local d = P.receive({"DOWN", sref, W, W, W})
check(d[5] == "shutdown", "more restarts than the default intensity (1 in 5 s): the supervisor exits with \"shutdown\"")
check(P.receive({"EXIT", sup2, W})[3] == "shutdown", "its links get \"shutdown\"")
check(P.whereis("top2") == nil, "its name is free")
P.receive({"DOWN", wref})
check(P.receive({"db started", "w", W}, 0) == nil, "no restart after it gave up")
P.flag("trap_exit", false)

if failed > 0 then error(failed .. " checks failed") end
print("all passed")
