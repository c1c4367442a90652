-- lurel-only
-- Restart intensity: more than `intensity` restarts within `period` seconds
-- make the supervisor terminate its children (reverse order) and exit with
-- "shutdown"; restarts older than the period do not count; failed restarts
-- are retried and count too.  (Reports on stderr are expected here.)
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
local function spec(id) return {id = id, start = {gen_server.start_link, W, id}} end

local function started(id) return P.receive({"started", id}, 5000)[3] end

local function kill(pid)
  local m = P.monitor(pid)
  P.exit(pid, "kill")
  P.receive({"DOWN", m})
end

-- intensity 2: two restarts are fine, the third exceeds
local sup = supervisor.start_link({intensity = 2, period = 60, children = {spec("a"), spec("b"), spec("c")}})
local a = started("a"); started("b"); started("c")
local sm = P.monitor(sup)
local b = supervisor.which_children(sup)[2].pid
kill(b); b = started("b")
check("intensity 2: first restart", P.alive(b))
kill(b); b = started("b")
check("intensity 2: second restart", P.alive(b))
kill(b)
-- the third: the supervisor gives up: c then a terminate with "shutdown"
local t1 = P.receive({"terminated"}, 5000)
local t2 = P.receive({"terminated"}, 5000)
check("intensity exceeded: the other children are terminated in reverse order (c, then a)",
  t1[2] == "c" and t2[2] == "a" and t1[3] == "shutdown" and t2[3] == "shutdown")
local d = P.receive({"DOWN", sm}, 5000)
check("intensity exceeded: the supervisor exits with \"shutdown\"", d and d[5] == "shutdown")
check("... and its parent gets the exit signal", P.receive({"EXIT", sup}, 0)[3] == "shutdown")
check("... and no child is left", not P.alive(a))
check("... and b was not restarted", P.receive({"started"}, 0) == nil)

-- intensity 0: the first exit is one too many
sup = supervisor.start_link({intensity = 0, children = {spec("z")}})
local z = started("z")
sm = P.monitor(sup)
kill(z)
check("intensity 0: no restart at all", P.receive({"DOWN", sm}, 5000)[5] == "shutdown")
P.receive({"EXIT", sup})

-- the defaults (intensity 1, period 5): one restart, then shutdown
sup = supervisor.start_link({children = {spec("d")}})
local dp = started("d")
sm = P.monitor(sup)
kill(dp); dp = started("d")
check("default intensity 1: the first exit is restarted", P.alive(dp))
kill(dp)
check("default intensity 1: the second within 5 s shuts the supervisor down",
  P.receive({"DOWN", sm}, 5000)[5] == "shutdown")
P.receive({"EXIT", sup})

-- the period: restarts older than it do not count (a short real period)
sup = supervisor.start_link({intensity = 1, period = 0.1, children = {spec("p")}})
local pp = started("p")
sm = P.monitor(sup)
kill(pp); pp = started("p")
P.sleep(150)       -- the first restart leaves the 0.1 s window
kill(pp); pp = started("p")
check("period 0.1 s: a restart after the window is allowed again", P.alive(pp) and P.alive(sup))
kill(pp)
check("... but two within the window are not", P.receive({"DOWN", sm}, 5000)[5] == "shutdown")
P.receive({"EXIT", sup})

-- a child whose restart keeps failing: the retries count as restarts
local starts = 0
local function flaky()
  starts = starts + 1     -- (the supervisor's own copy of this upvalue)
  if starts == 1 then return gen_server.start_link(W, "f") end
  P.send(me, {"attempt", starts})
  return nil, "refused"
end
sup = supervisor.start_link({intensity = 3, period = 60, children = {{id = "f", start = {flaky}}, spec("g")}})
local f = started("f"); started("g")
sm = P.monitor(sup)
kill(f)
local dd = P.receive({"DOWN", sm}, 5000)
check("a restart that keeps failing is retried until the intensity is exceeded", dd and dd[5] == "shutdown")
local n = 0
while P.receive({"attempt"}, 0) do n = n + 1 end
check("... " .. n .. " failed attempts: as many as the intensity (3)", n == 3)
check("... the other child was terminated", P.receive({"terminated", "g"}, 0)[3] == "shutdown")
P.receive({"EXIT", sup})
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all intensity cases passed")
