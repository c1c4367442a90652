-- lurel-only
-- process.exit(pid, reason): exit signals and trap_exit
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- a target that answers pings and reports what it receives
local function target(parent, trap)
  if trap then P.flag("trap_exit", true) end
  P.send(parent, {"up", P.self()})
  while true do
    local m = P.receive()
    if m == "ping" then P.send(parent, {"pong", P.self()})
    else P.send(parent, {"got", P.self(), m}) end
  end
end
local function start(trap)
  local pid, ref = P.spawn_monitor(target, me, trap)
  P.receive({"up", pid})
  return pid, ref
end
local function alive_and_well(pid)
  P.send(pid, "ping")
  local m = P.receive(P.any({"pong", pid}, {"DOWN", P._, "process", pid}))
  return m[1] == "pong"
end

-- "normal" to a non-trapping process is ignored
local t, tr = start(false)
P.exit(t, "normal")
ok(alive_and_well(t), "exit(pid, 'normal') is ignored by a non-trapping process")

-- "normal" to a trapping process becomes a message
local tt, ttr = start(true)
P.exit(tt, "normal")
local g = P.receive({"got", tt})
ok(g[3][1] == "EXIT" and g[3][2] == me and g[3][3] == "normal", "a trapping process gets {EXIT, from, 'normal'}")

-- any other reason kills a non-trapping process, with that reason
P.exit(t, "shutdown")
local d = P.receive({"DOWN", tr})
ok(d[5] == "shutdown", "exit(pid, 'shutdown') kills a non-trapping process with reason shutdown")
ok(not P.alive(t), "the target is dead")
local t2, tr2 = start(false)
P.exit(t2, {"custom", 1})
d = P.receive({"DOWN", tr2})
ok(type(d[5]) == "table" and d[5][1] == "custom" and d[5][2] == 1, "a table reason kills with that table")

-- ... and is a message for a trapping process, which lives on
P.exit(tt, {"please", "stop"})
g = P.receive({"got", tt})
ok(g[3][1] == "EXIT" and g[3][2] == me and g[3][3][1] == "please", "a trapping process gets {EXIT, from, reason}")
ok(alive_and_well(tt), "the trapping process lives on")

-- the EXIT names the sender, even a third process
local third = P.spawn(function(victim) P.exit(victim, "from-third") end, tt)
g = P.receive({"got", tt})
ok(g[3][2] == third and g[3][3] == "from-third", "EXIT names the process that sent the signal")

-- "kill" cannot be trapped: reason killed
P.exit(tt, "kill")
d = P.receive({"DOWN", ttr})
ok(d[5] == "killed", "exit(pid, 'kill') kills a trapping process with reason 'killed'")
local t3, tr3 = start(false)
P.exit(t3, "kill")
ok(P.receive({"DOWN", tr3})[5] == "killed", "exit(pid, 'kill') kills a non-trapping process: 'killed'")

-- a killed process runs no Lua code: its to-be-closed variables are not closed
local k, kr = P.spawn_monitor(function(parent)
  local x <close> = setmetatable({}, {__close = function() P.send(parent, "closed!") end})
  P.send(parent, "holding")
  P.receive()
end, me)
P.receive("holding")
P.exit(k, "kill")
P.receive({"DOWN", kr})
ok(P.receive("closed!", 0) == nil, "a killed process does not run its __close handlers")

-- kill a process blocked in a receive with a timeout, and one sleeping
local s1, sr1 = P.spawn_monitor(function() P.receive({"never"}, 1e9) end)
local s2, sr2 = P.spawn_monitor(function() P.sleep(1e9) end)
P.yield()
P.exit(s1, "stop1")
P.exit(s2, "stop2")
ok(P.receive({"DOWN", sr1})[5] == "stop1", "an exit signal ends a process waiting in receive with a timeout")
ok(P.receive({"DOWN", sr2})[5] == "stop2", "an exit signal ends a sleeping process")

-- a busy process that never receives is reached too
local b, br = P.spawn_monitor(function() local n = 0 while true do n = n + 1 end end)
P.yield()
P.exit(b, "busy-stop")
ok(P.receive({"DOWN", br})[5] == "busy-stop", "an exit signal ends a busy loop")

-- exit signal to a dead process or one that never existed: no error
ok(pcall(P.exit, t, "late"), "exit signal to a dead pid does not raise")
ok(pcall(P.exit, P.pid("<0.654321.0>"), "x"), "exit signal to a never-used pid does not raise")

-- exit(self(), reason)
local function selfexit(trap, reason)
  local pid, ref = P.spawn_monitor(function(parent)
    if trap then P.flag("trap_exit", true) end
    P.exit(P.self(), reason)
    P.send(parent, "went on")
    local m = P.receive(0)
    P.send(parent, {"after", m})
  end, me)
  local msgs = {}
  while true do
    local m = P.receive()
    if type(m) == "table" and m[1] == "DOWN" and m[2] == ref then return m[5], msgs end
    msgs[#msgs + 1] = m
  end
end
local r, msgs = selfexit(false, "normal")
ok(r == "normal" and #msgs == 0, "exit(self(), 'normal') ends a non-trapping caller")
r, msgs = selfexit(true, "normal")
ok(r == "normal" and msgs[1] == "went on", "exit(self(), 'normal') does not end a trapping caller")
ok(msgs[2][1] == "after" and msgs[2][2][1] == "EXIT" and msgs[2][2][3] == "normal",
   "... which gets {EXIT, self, 'normal'}")
r, msgs = selfexit(false, "bye")
ok(r == "bye" and #msgs == 0, "exit(self(), 'bye') ends a non-trapping caller with bye")
r, msgs = selfexit(true, "bye")
ok(r == "normal" and msgs[2][2][1] == "EXIT" and msgs[2][2][3] == "bye", "a trapping caller gets {EXIT, self, 'bye'}")
r, msgs = selfexit(true, "kill")
ok(r == "killed" and #msgs == 0, "exit(self(), 'kill') kills even a trapping caller: killed")

-- exit signals and messages from one sender arrive in order: the target
-- handles the messages sent before the signal
P.flag("trap_exit", true)
local ord, ordr = P.spawn_monitor(function(parent)
  P.flag("trap_exit", true)
  P.send(parent, "ready")
  local seen = {}
  for i = 1, 4 do
    local m = P.receive()
    seen[i] = type(m) == "table" and (m[1] .. ":" .. tostring(m[3])) or m
  end
  P.send(parent, table.concat(seen, ","))
end, me)
P.receive("ready")
P.send(ord, "m1")
P.exit(ord, "sig1")
P.send(ord, "m2")
P.exit(ord, "sig2")
ok(P.receive(P.any(function(v) return type(v) == "string" end)) == "m1,EXIT:sig1,m2,EXIT:sig2",
   "messages and exit signals from one sender arrive in the order sent")
P.flag("trap_exit", false)

-- an exit signal from a linked process does not remove the link: the
-- target's later death still reaches us
local function has(list, x)
  for _, v in ipairs(list) do if v == x then return true end end
  return false
end
P.flag("trap_exit", true)
local lb = P.spawn_link(function(parent)
  P.flag("trap_exit", true)
  P.send(parent, "ready")
  local m = P.receive({"EXIT"})
  P.send(parent, {"lb got", m[3]})
  P.receive("crash")
  error("lb crashes", 0)
end, me)
P.receive("ready")
P.exit(lb, "hello")
ok(P.receive({"lb got"})[2] == "hello", "a linked trapping process got our exit signal as a message")
ok(has(P.info(lb).links, me) and has(P.info(me).links, lb), "the link is still there on both sides")
P.send(lb, "crash")
local le = P.receive({"EXIT", lb}, 10000)
ok(le and le[3] == "lb crashes", "its later crash still reaches us through the link")
-- the same with 'normal' to a non-trapping linked process
local ln = P.spawn_link(function(parent)
  P.send(parent, "ready")
  P.receive("ping")
  P.send(parent, "pong")
  P.receive("crash")
  error("ln crashes", 0)
end, me)
P.receive("ready")
P.exit(ln, "normal")
P.send(ln, "ping")             -- handled after the exit signal (same sender)
P.receive("pong")
ok(has(P.info(ln).links, me), "an ignored 'normal' exit signal leaves the link")
P.send(ln, "crash")
le = P.receive({"EXIT", ln}, 10000)
ok(le and le[3] == "ln crashes", "... and the crash still reaches us")
P.flag("trap_exit", false)

-- exit(pid, reason) needs a reason; exit(pid) alone is exit(reason=pid)
local e1, er1 = P.spawn_monitor(function(parent)
  P.exit(parent)
end, me)
local dd = P.receive({"DOWN", er1})
ok(dd[5] == me, "exit(v) with one argument exits the caller with reason v (even a pid)")

print("exit_signal: all done")
