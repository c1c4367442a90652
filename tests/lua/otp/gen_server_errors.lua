-- lurel-only
-- gen_server calls that fail: noproc (at once, thanks to the monitor),
-- timeouts, late replies discarded by the alias, a server that dies during
-- the call, missing callbacks, bad return values, calling oneself, errors in
-- init.  (Crash reports on stderr are expected here.)
local P = process
local me = P.self()

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local function qlen() return P.info(me).message_queue_len end

local Slow = {}
function Slow.init(owner) return "ok", owner end
function Slow.handle_call(req, from, owner)
  if req == "ping" then return "reply", "pong", owner end
  if type(req) == "table" and req[1] == "sleep" then
    -- answers after req[2] ms: too late for a caller with a shorter timeout
    P.sleep(req[2])
    return "reply", "late", owner
  end
  if req == "die" then P.exit("died in call") end
  if req == "error" then error({"my", "error"}) end
  if req == "bad" then return "what?", owner end
  if req == "hold" then return "noreply", owner end
end
function Slow.handle_cast(req, owner)
  if req == "bad" then return 42 end
  return "noreply", owner
end
function Slow.terminate(reason, owner) P.send(owner, {"terminated", reason}) end

-- noproc: a dead pid
local dead = P.spawn(function() end)
local m = P.monitor(dead)
P.receive({"DOWN", m})
local t0 = P.monotonic()
local ok, err = pcall(gen_server.call, dead, "ping")
check("call to a dead pid raises {\"noproc\", ...}", not ok and type(err) == "table" and err[1] == "noproc")
check("... at once, not after the 5 s default timeout", P.monotonic() - t0 < 1000)
check("... the error says where: {\"gen_server\", \"call\", {server, request, timeout}}",
  err[2][1] == "gen_server" and err[2][2] == "call" and err[2][3][1] == dead and err[2][3][2] == "ping")
ok, err = pcall(gen_server.call, "nobody_by_this_name", "ping")
check("call to an unknown name raises {\"noproc\", ...}", not ok and err[1] == "noproc")
ok, err = pcall(gen_server.stop, dead)
check("stop of a dead server raises {\"noproc\", ...}", not ok and err[1] == "noproc")
check("cast to a dead pid or an unknown name is silently lost",
  gen_server.cast(dead, 1) == true and gen_server.cast("nobody_by_this_name", 1) == true)
check("no DOWN left behind", qlen() == 0)

-- timeout
local pid = gen_server.start(Slow, me)
t0 = P.monotonic()
ok, err = pcall(gen_server.call, pid, {"sleep", 600}, 30)
local took = P.monotonic() - t0
check("a call that takes too long raises {\"timeout\", ...}", not ok and type(err) == "table" and err[1] == "timeout")
check("... after about the timeout (30 ms)", took >= 29 and took < 500)
check("... the error holds the call", err[2][2] == "call" and err[2][3][3] == 30)
-- the server is still busy; the next call waits behind the late reply
check("the server lives on and answers the next call", gen_server.call(pid, "ping", "infinity") == "pong")
-- by now the late reply was sent: the VM dropped it (the alias is inactive)
check("the late reply was discarded: the caller's mailbox is empty", qlen() == 0)

-- many timeouts in a row, each answered late
for i = 1, 5 do
  ok, err = pcall(gen_server.call, pid, {"sleep", 20}, 1)
  assert(not ok and err[1] == "timeout")
end
gen_server.call(pid, "ping", "infinity")
check("5 late replies, none left in the mailbox", qlen() == 0)

-- a call with timeout 0 (the reply cannot be there yet)
ok, err = pcall(gen_server.call, pid, "ping", 0)
check("timeout 0 raises a timeout", not ok and err[1] == "timeout")
gen_server.call(pid, "ping")
check("... and its late reply is dropped", qlen() == 0)

-- a call that never gets an answer ("noreply", and no reply later)
ok, err = pcall(gen_server.call, pid, "hold", 20)
check("noreply without a reply: timeout", not ok and err[1] == "timeout")

-- the server dies during the call: the caller gets its reason
ok, err = pcall(gen_server.call, pid, "die")
check("the server exits during the call: error {reason, {\"gen_server\", \"call\", ...}}",
  not ok and err[1] == "died in call" and err[2][2] == "call")
check("no DOWN left behind", qlen() == 0)

-- an error in handle_call: terminate, report, the caller gets the error
pid = gen_server.start(Slow, me)
ok, err = pcall(gen_server.call, pid, "error")
check("an error in handle_call reaches the caller as the reason",
  not ok and err[1][1] == "my" and err[1][2] == "error")
local t = P.receive({"terminated"}, 1000)
check("terminate ran with the error as reason", t and t[2][1] == "my")

-- a bad return value
pid = gen_server.start(Slow, me)
ok, err = pcall(gen_server.call, pid, "bad")
check("a bad return value from handle_call: {\"bad_return_value\", ...}",
  not ok and err[1][1] == "bad_return_value")
check("terminate ran", P.receive({"terminated"}, 1000)[2][1] == "bad_return_value")
pid = gen_server.start(Slow, me)
m = P.monitor(pid)
gen_server.cast(pid, "bad")
check("a bad return value from handle_cast ends the server",
  P.receive({"DOWN", m})[5][1] == "bad_return_value" and P.receive({"terminated"})[2][2] == 42)

-- missing callbacks: handle_call / handle_cast crash the server (OTP's undef)
local NoCall = {init = function() return "ok", 0 end}
pid = gen_server.start(NoCall)
ok, err = pcall(gen_server.call, pid, "x")
check("no handle_call: the server crashes with {\"undef\", \"handle_call\"}",
  not ok and err[1][1] == "undef" and err[1][2] == "handle_call")
pid = gen_server.start(NoCall)
m = P.monitor(pid)
gen_server.cast(pid, "x")
local d = P.receive({"DOWN", m})
check("no handle_cast: the server crashes with {\"undef\", \"handle_cast\"}", d[5][1] == "undef" and d[5][2] == "handle_cast")

-- calling oneself
local Self = {init = function() return "ok", 0 end}
function Self.handle_call(req, from, s)
  local ok2, e = pcall(gen_server.call, P.self(), "again")
  return "reply", e, s
end
pid = gen_server.start(Self)
err = gen_server.call(pid, "x")
check("a server that calls itself gets {\"calling_self\", ...}", type(err) == "table" and err[1] == "calling_self")
gen_server.stop(pid)

-- errors in init: start gives nil, reason; a linked caller survives
local Boom = {init = function(x) error("init failed: " .. x) end}
local np, why = gen_server.start_link(Boom, "oops")
check("an error in init: start_link gives nil, the error", np == nil and why:find("init failed: oops", 1, true))
np, why = gen_server.start(Boom, "again")
check("an error in init: start gives nil, the error", np == nil and why:find("init failed: again", 1, true))
np, why = gen_server.start({init = function() return "okay", 1 end})
check("a bad return value from init", np == nil and why[1] == "bad_return_value")
ok, err = pcall(gen_server.start, {})
check("a module without init is a usage error", not ok and err:find("no init function", 1, true))

-- a slow init and the start timeout option
np, why = gen_server.start({init = function() P.sleep(2000) return "ok" end}, nil, {timeout = 20})
check("start with {timeout = ms}: a slow init gives nil, \"timeout\"", np == nil and why == "timeout")

check("the caller's mailbox is empty at the end", qlen() == 0)
print("all gen_server error cases passed")
