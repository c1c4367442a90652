-- lurel-only
-- gen_server: start/start_link, names, call/cast/reply/stop, the callback
-- return forms, timeouts and continue from callbacks, OTP's defaults.
local P = process
local me = P.self()

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

-- a counter as in api.md
local Counter = {}
function Counter.init(n) return "ok", n end
function Counter.handle_call(req, from, n)
  if req == "get" then return "reply", n, n end
  if req == "nil" then return "reply", nil, n end
  if req == "later" then
    -- answer after the next cast, from handle_cast
    return "noreply", {n = n, waiting = from}
  end
  if req == "stop_with_reply" then return "stop", "normal", "bye", n end
  if req == "stop_no_reply" then return "stop", "normal", n end
  if type(req) == "table" and req[1] == "add" then return "reply", n + req[2], n + req[2] end
end
function Counter.handle_cast(req, n)
  if type(n) == "table" then
    gen_server.reply(n.waiting, "late " .. n.n)
    return "noreply", n.n
  end
  if req == "stop" then return "stop", "normal", n end
  return "noreply", n + req
end
function Counter.handle_info(msg, n)
  if type(msg) == "table" and msg[1] == "peek" then P.send(msg[2], {"state", n}) end
  return "noreply", n
end
function Counter.terminate(reason, n)
  P.send(me, {"terminated", reason, n})
end

-- start_link with a name, call by name and by pid, cast
local pid = gen_server.start_link(Counter, 0, {name = "counter"})
check("start_link returns a pid", P.is_pid(pid))
check("the name is registered", P.whereis("counter") == pid)
gen_server.cast(pid, 5)
gen_server.cast("counter", 2)
check("cast then call: the casts were handled first", gen_server.call("counter", "get") == 7)
check("call with a table request", gen_server.call(pid, {"add", 3}) == 10)
check("a reply of nil", gen_server.call(pid, "nil") == nil)
check("call with timeout \"infinity\"", gen_server.call(pid, "get", "infinity") == 10)
check("call with a timeout in ms", gen_server.call(pid, "get", 1000) == 10)

-- noreply from handle_call, gen_server.reply later (from handle_cast)
local waiter = P.spawn(function()
  local r = gen_server.call("counter", "later")
  P.send(me, {"waiter", r})
end)
-- the waiter's call must be in before the cast: wait until the server is
-- in the "waiting" state (handle_info peeks at it)
while true do
  P.send(pid, {"peek", me})
  local st = P.receive({"state"})[2]
  if type(st) == "table" then break end
  P.yield()
end
gen_server.cast(pid, "anything")
local w = P.receive({"waiter"})
check("gen_server.reply answers a call that returned noreply", w[2] == "late 10")

-- handle_info
P.send(pid, {"peek", me})
check("handle_info gets other messages", P.receive({"state"})[2] == 10)

-- a name that is taken
local p2, why = gen_server.start(Counter, 1, {name = "counter"})
check("start with a taken name gives nil, {already_started, pid}",
  p2 == nil and type(why) == "table" and why[1] == "already_started" and why[2] == pid)

-- synchronous stop: terminate ran before stop returned
check("stop returns true", gen_server.stop(pid) == true)
local t = P.receive({"terminated"}, 0)
check("terminate(reason, state) ran before stop returned", t and t[2] == "normal" and t[3] == 10)
check("the name is free after stop", P.whereis("counter") == nil)
check("the server is gone", not P.alive(pid))

-- stop with a reason (a server started without link)
pid = gen_server.start(Counter, 1)
local mref = P.monitor(pid)
check("stop with a reason", gen_server.stop(pid, "shutdown") == true)
check("terminate got the reason", P.receive({"terminated"})[2] == "shutdown")
check("the server exited with that reason", P.receive({"DOWN", mref})[5] == "shutdown")

-- "stop", reason, reply, state: the caller gets the reply, terminate runs
pid = gen_server.start(Counter, 4)
mref = P.monitor(pid)
check("\"stop\", reason, reply, state replies", gen_server.call(pid, "stop_with_reply") == "bye")
check("... and terminates", P.receive({"terminated"})[2] == "normal")
check("... and exits with the reason", P.receive({"DOWN", mref})[5] == "normal")

-- "stop", reason, state from handle_call: the caller gets an error
pid = gen_server.start(Counter, 4)
local ok, err = pcall(gen_server.call, pid, "stop_no_reply")
check("\"stop\", reason, state from handle_call: the call raises {reason, ...}",
  not ok and type(err) == "table" and err[1] == "normal" and err[2][1] == "gen_server")
check("... after terminate", P.receive({"terminated"})[2] == "normal")

-- "stop" from handle_cast
pid = gen_server.start(Counter, 4)
mref = P.monitor(pid)
gen_server.cast(pid, "stop")
check("\"stop\" from handle_cast terminates", P.receive({"terminated"})[2] == "normal")
check("... and exits", P.receive({"DOWN", mref})[5] == "normal")

-- init returns "stop": nil, reason; the caller (linked) lives on
local Stopper = {init = function(r) return "stop", r end}
local np, r = gen_server.start_link(Stopper, "no thanks")
check("init \"stop\": start_link gives nil, reason", np == nil and r == "no thanks")
np, r = gen_server.start(Stopper, {"custom", 1})
check("init \"stop\" with a table reason", np == nil and r[1] == "custom" and r[2] == 1)
check("init \"stop\": no EXIT or DOWN left in the mailbox", P.info(me).message_queue_len == 0)

-- init "ignore"
np, r = gen_server.start_link({init = function() return "ignore" end}, nil)
check("init \"ignore\": nil, \"ignore\"", np == nil and r == "ignore")

-- a name taken while init "stop"s: the name is free again afterwards
np = gen_server.start(Stopper, "x", {name = "stopper"})
check("a failed start frees its name", np == nil and P.whereis("stopper") == nil)

-- timeout from init / callbacks: handle_info("timeout")
local Timer = {}
function Timer.init(owner) return "ok", owner, 10 end
function Timer.handle_info(msg, owner)
  P.send(owner, {"info", msg})
  return "noreply", owner        -- no timeout: wait forever now
end
function Timer.handle_call(req, from, owner) return "reply", "pong", owner, 10 end
pid = gen_server.start(Timer, me)
check("a timeout from init: handle_info(\"timeout\")", P.receive({"info"})[2] == "timeout")
check("call after it", gen_server.call(pid, "ping") == "pong")
check("a timeout after a reply: handle_info(\"timeout\")", P.receive({"info"})[2] == "timeout")
check("nothing more: the timeout is not repeated", P.receive({"info"}, 50) == nil)
gen_server.stop(pid)

-- {"continue", x}: handle_continue runs before the next message
local Cont = {}
function Cont.init(owner) return "ok", {owner = owner, log = {}}, {"continue", "from init"} end
function Cont.handle_continue(x, s)
  s.log[#s.log + 1] = x
  return "noreply", s
end
function Cont.handle_call(req, from, s)
  if req == "more" then return "reply", "ok", s, {"continue", "from call"} end
  return "reply", table.concat(s.log, ","), s
end
pid = gen_server.start(Cont, me)
check("continue from init ran before the first call", gen_server.call(pid, "log") == "from init")
gen_server.call(pid, "more")
check("continue from handle_call", gen_server.call(pid, "log") == "from init,from call")
gen_server.stop(pid)

-- OTP's defaults: no handle_info (ignored), no terminate, no handle_cast
local Min = {}
function Min.init() return "ok", 0 end
function Min.handle_call(req, from, s) return "reply", s + 1, s + 1 end
pid = gen_server.start(Min)
P.send(pid, "stray message")
check("without handle_info a message is ignored", gen_server.call(pid, "x") == 1)
check("... and dropped", P.info(pid).message_queue_len == 0)
check("without terminate stop still works", gen_server.stop(pid) == true)

-- state survives many calls; the caller's mailbox stays clean
pid = gen_server.start(Counter, 0)
for i = 1, 200 do gen_server.cast(pid, 1) end
check("200 casts", gen_server.call(pid, "get") == 200)
for i = 1, 200 do gen_server.call(pid, {"add", 1}) end
check("200 calls", gen_server.call(pid, "get") == 400)
gen_server.stop(pid)
P.receive({"terminated"})
check("the caller's mailbox is empty after calls", P.info(me).message_queue_len == 0)
print("all gen_server basics passed")
