-- lurel-only
-- The process library against api.md, row by row: exact results, argument
-- orders, return counts and errors, with Erlang's semantics where api.md is
-- silent.  Every wait is on a message or a monitor.
local P = process
local me = P.self()
local W = P._

local failed = 0
local function check(cond, what)
  if cond then print("ok: " .. what)
  else failed = failed + 1; print("FAIL: " .. what) end
end
local function errs(pattern, f, ...)
  local ok, e = pcall(f, ...)
  return not ok and type(e) == "string" and e:find(pattern, 1, true) ~= nil, e
end
-- the reason a process ended with, by a monitor
local function down(pid, ref)
  ref = ref or P.monitor(pid)
  local d = P.receive({"DOWN", ref, "process", pid, W})
  return d[5]
end
-- a finished process
local function deadpid()
  local pid, ref = P.spawn_monitor(function() end)
  P.receive({"DOWN", ref})
  return pid
end

-- ---------------------------------------------------------------- spawn
do
  local t = {n = 1}
  local pid = P.spawn(function(a, b, tt)
    local seen = tt.n
    tt.n = 99                       -- its own copy
    P.send(me, {"args", a, b, seen})
  end, "x", 2, t)
  check(P.is_pid(pid), "spawn returns a pid")
  local m = P.receive({"args", W, W, W})
  check(m[2] == "x" and m[3] == 2 and m[4] == 1 and t.n == 1, "spawn: fn(...) runs with copies of the arguments")
  check(select("#", P.spawn(function() end)) == 1, "spawn returns one value")
  check(errs("bad argument #1", P.spawn, 42), "spawn(non-function) raises an argument error")
end

-- spawn_link: linked atomically, even to a child that fails at once
do
  local mid, ref = P.spawn_monitor(function()
    P.spawn_link(function() error({"early"}) end)
    P.receive("never")
  end)
  local r = down(mid, ref)
  check(type(r) == "table" and r[1] == "early", "spawn_link: a child that fails at once takes the parent with it")
  P.flag("trap_exit", true)
  local c = P.spawn_link(function() P.exit("bye") end)
  check(select("#", c) == 1 and P.is_pid(c), "spawn_link returns the pid")
  local m = P.receive({"EXIT", c, W})
  check(m[3] == "bye" and #m == 3, "spawn_link: a trapping parent gets {\"EXIT\", pid, reason}")
  P.flag("trap_exit", false)
end

-- spawn_monitor
do
  local pid, ref = P.spawn_monitor(function() P.exit({"r", 1}) end)
  check(P.is_pid(pid) and P.is_ref(ref), "spawn_monitor returns pid, ref")
  local d = P.receive({"DOWN", ref, W, W, W})
  check(d[1] == "DOWN" and d[2] == ref and d[3] == "process" and d[4] == pid and d[5][1] == "r" and d[5][2] == 1 and #d == 5,
        "DOWN is {\"DOWN\", ref, \"process\", pid, reason}")
end

-- spawn_opt: options in force from the first instruction
do
  local pid = P.spawn_opt(function() end, {})
  check(P.is_pid(pid), "spawn_opt with no options returns a pid")
  local n = select("#", P.spawn_opt(function() end, {link = false}))
  check(n == 1, "spawn_opt without monitor returns one value")
  local pid2, ref2 = P.spawn_opt(function(a) P.exit(a) end, {monitor = true}, "arg")
  check(P.is_ref(ref2) and down(pid2, ref2) == "arg", "spawn_opt {monitor = true}: pid, ref; extra arguments go to fn")
  -- trap_exit from the first instruction: the parent ends before the
  -- child runs at all, and the child still gets the EXIT message
  local mid = P.spawn(function()
    P.spawn_opt(function()
      local m = P.receive({"EXIT", W, W})
      P.send(me, {"child saw", m[3], P.flag("trap_exit", true)})
    end, {link = true, trap_exit = true})
    P.exit("parent gone")
  end)
  local m = P.receive({"child saw", W, W})
  check(m[2] == "parent gone" and m[3] == true, "spawn_opt {link, trap_exit}: trapping from the first instruction")
  local hp, href = P.spawn_opt(function()
    local t = {}
    for i = 1, 1e6 do t[i] = {i} end
  end, {max_heap_size = 200000, monitor = true})
  check(down(hp, href) == "max_heap_size", "spawn_opt {max_heap_size}: growing past it ends the process with \"max_heap_size\"")
  local up, uref = P.spawn_opt(function() P.exit("ran") end, {monitor = true, priority = "high"})
  check(down(up, uref) == "ran", "spawn_opt: other option keys (Erlang's priority, ...) are ignored")
  check(errs("bad argument #1", P.spawn_opt, 1, {}), "spawn_opt(non-function) is an error")
  check(P.is_pid(P.spawn_opt(function() end)), "spawn_opt(fn) without options")
end

-- ------------------------------------------------------------ self, send
do
  check(P.is_pid(me) and P.self() == me, "self() is the caller's pid, the same each time")
  local msg = {1}
  local r = P.send(me, msg)
  check(r == msg, "send returns msg")
  local got = P.receive()
  check(got ~= msg and got[1] == 1, "the message is a copy")
  check(errs("", P.send, "no such name here", 1), "send to an unregistered name raises an error")
  local d = deadpid()
  check(P.send(d, "lost") == "lost" and P.receive(0) == nil, "send to a dead pid drops the message silently")
  check(errs("", P.send, me, nil), "sending nil is an error")
  check(errs("", P.send, me, coroutine.create(print)), "sending a coroutine is an error")
  check(errs("", P.send, me, {io.stdout}), "sending an open file is an error")
  check(P.receive(0) == nil, "failed sends leave nothing in the mailbox")
  P.register("api_self", me)
  P.send("api_self", "by name")
  check(P.receive(0) == "by name", "send to a registered name")
  P.unregister("api_self")
end

-- --------------------------------------------------------------- receive
do
  check(P.receive(0) == nil, "receive(0) on an empty mailbox: nil at once")
  check(P.receive(W, 0) == nil and P.receive(nil, 0) == nil, "receive(pattern, 0) and receive(nil, 0)")
  P.send(me, 1); P.send(me, "two"); P.send(me, {3}); P.send(me, "four")
  check(P.receive("four") == "four", "receive(pattern) takes the first matching message")
  check(P.receive({W}, 0)[1] == 3, "a table pattern")
  check(P.receive() == 1 and P.receive() == "two", "messages that did not match stay, in order")
  P.send(me, 7)
  check(P.receive(5) == 7, "a number alone is a timeout (any message)")
  P.send(me, 8); P.send(me, 7)
  check(P.receive(P.any(7), 0) == 7 and P.receive(0) == 8, "process.any(n) waits for the number n")
  P.send(me, "inf")
  check(P.receive(W, "infinity") == "inf", "receive(pattern, \"infinity\") waits for ever")
  check(P.receive("x", 1) == nil, "receive returns nil when the timeout passes")
  check(errs("", P.receive, W, -1), "a negative timeout is an error")
  check(errs("", P.receive, W, "soon"), "a timeout that is not a number or \"infinity\" is an error")
  -- a message arriving while waiting is tested when it arrives
  P.spawn(function() P.send(me, "a"); P.send(me, {"b"}) end)
  check(P.receive({"b"})[1] == "b" and P.receive(0) == "a", "a wait takes the matching message that arrives later")
  P.send(me, false)
  check(P.receive(0) == false, "false is a message")
end

-- --------------------------------------------------------------- patterns
do
  check(P.match(1, W) and P.match(false, W) and P.match({}, W) and not P.match(nil, W), "_ matches any non-nil value")
  check(P.match(5, function(v) return v > 3 end) and not P.match(2, function(v) return v > 3 end), "a function pattern: p(v) is true")
  check(P.match({"ping", 1, extra = 2}, {"ping", W}) and not P.match({"ping"}, {"ping", W}), "a table pattern: every key of p matches; others ignored")
  check(not P.match("ping", {"ping"}) and P.match({}, {}), "a table pattern needs a table")
  check(P.match({a = {b = {1}}}, {a = {b = {1}}}) and not P.match({a = {b = 2}}, {a = {b = {W}}}), "nested table patterns")
  check(P.match("s", "s") and P.match(1, 1.0) and not P.match("1", 1) and not P.match(0/0, 0/0), "other values: raw equality")
  local t = {}
  check(P.match({t}, {t}) and P.match({me}, {me}), "tables inside patterns are patterns; pids compare by value")
  check(P.match(2, P.any(1, 2, 3)) and not P.match(4, P.any(1, 2, 3)) and P.match({"x", 5}, {"x", P.any(4, 5)}), "process.any")
  check(P.match({"ok", 1}, P.any({"error", W}, {"ok", W})), "process.any of table patterns")
end

-- ------------------------------------------------------------ refs, aliases
do
  local a, b = P.make_ref(), P.make_ref()
  check(P.is_ref(a) and a ~= b and a == a, "make_ref: unique refs")
  check(type(a) == "userdata" and type(me) == "userdata", "type() of a pid and a ref is \"userdata\"")
  check(tostring(me):match("^<0%.%d+%.0>$") and tostring(a):match("^#Ref<0%.%d+%.%d+%.%d+>$"), "pids print as <0.N.0>, refs as #Ref<0.a.b.c>")
  local k = {}
  k[me] = "pid"; k[a] = "ref"
  check(k[P.self()] == "pid" and k[a] == "ref", "pids and refs work as table keys")
  P.send(me, {me, a})
  local m = P.receive()
  check(m[1] == me and m[2] == a, "pids and refs copy in messages")
  local al = P.alias()
  check(P.is_ref(al), "alias() returns a ref")
  P.send(al, "via alias")
  check(P.receive(0) == "via alias", "a message sent to an alias reaches its owner")
  local other = P.spawn(function() local x = P.receive(); P.send(x[1], "from other") end)
  P.send(other, {al})
  check(P.receive() == "from other", "other processes can send to the alias")
  check(P.unalias(al) == true and P.unalias(al) == false, "unalias: true, then false when no longer active")
  P.send(al, "dropped")
  check(P.receive(0) == nil, "messages to an inactive alias are dropped")
end

-- --------------------------------------------------------------- links
do
  local pid = P.spawn(function() P.receive("never") end)
  check(P.link(pid) == true and P.unlink(pid) == true, "link and unlink return true")
  check(P.link(me) == true, "linking to oneself does nothing")
  check(P.unlink(pid) == true, "unlink without a link returns true")
  P.exit(pid, "kill")
  local d = deadpid()
  local c = P.spawn(function() P.link(d); P.receive("never") end)
  check(down(c) == "noproc", "link to a dead process: a non-trapping caller ends with \"noproc\"")
  P.flag("trap_exit", true)
  check(P.link(d) == true, "link to a dead process returns true")
  local m = P.receive({"EXIT", W, W}, 0)
  check(m and m[2] == d and m[3] == "noproc", "a trapping caller gets {\"EXIT\", pid, \"noproc\"}")
  P.flag("trap_exit", false)
  -- unlink: no exit signal any more
  local v = P.spawn_link(function() P.receive("go"); error("after unlink") end)
  P.unlink(v)
  local ref = P.monitor(v)
  P.send(v, "go")
  check(down(v, ref):find("after unlink", 1, true), "after unlink the process ends without taking the caller")
  -- links are two-way
  local watcher = P.spawn(function()
    local x = P.receive()
    P.link(x)
    P.send(me, "linked")
    P.receive("never")
  end)
  local mid = P.spawn(function() P.send(watcher, P.self()); P.receive("die"); P.exit("mid died") end)
  P.receive("linked")
  local wref = P.monitor(watcher)
  P.send(mid, "die")
  check(down(watcher, wref) == "mid died", "the process linked to gets the exit signal too (links are two-way)")
end

-- ------------------------------------------------------------- monitors
do
  local d = deadpid()
  local ref = P.monitor(d)
  local m = P.receive({"DOWN", ref, W, W, W}, 0)
  check(P.is_ref(ref) and m and m[4] == d and m[5] == "noproc", "monitor of a dead pid: an immediate DOWN with \"noproc\"")
  local pid = P.spawn(function() P.receive("go") end)
  local r1, r2 = P.monitor(pid), P.monitor(pid)
  check(r1 ~= r2, "each monitor has its own ref")
  check(P.demonitor(r1) == true, "demonitor returns true")
  P.send(pid, "go")
  check(down(pid, r2) == "normal", "the other monitor still fires")
  check(P.receive({"DOWN", r1}, 0) == nil, "no DOWN after demonitor")
  local q = P.spawn(function() end)
  local r3, r4 = P.monitor(q), P.monitor(q)
  down(q, r4)                       -- so the DOWN for r3 is queued too
  check(P.demonitor(r3, true) == true and P.receive({"DOWN", r3}, 0) == nil, "demonitor(ref, true) removes a queued DOWN")
  local q2 = P.spawn(function() end)
  local r5, r6 = P.monitor(q2), P.monitor(q2)
  down(q2, r6)
  P.demonitor(r5)
  check(P.receive({"DOWN", r5}, 0) ~= nil, "demonitor(ref) leaves a DOWN already queued")
  check(P.demonitor(P.make_ref()) == true, "demonitor of an unknown ref returns true")
  check(errs("", P.monitor, "name"), "monitor(non-pid) is an error")
end

-- ----------------------------------------------------------------- exit
do
  local pid, ref = P.spawn_monitor(function()
    local x <close> = setmetatable({}, {__close = function() P.send(me, "closed") end})
    pcall(function() P.exit("at once") end)
    P.send(me, "not reached")
  end)
  check(down(pid, ref) == "at once", "exit(reason): no pcall stops it")
  check(errs("bad argument #1", P.exit, nil), "exit(nil) is an error")
  check(P.receive(0) == "closed" and P.receive(0) == nil, "exit(reason) closes to-be-closed variables")
  -- exit(pid, reason)
  local t = P.spawn(function() P.receive("never") end)
  local tr = P.monitor(t)
  check(P.exit(t, "stop it") == true, "exit(pid, reason) returns true")
  check(down(t, tr) == "stop it", "a non-trapping target ends with the reason")
  check(P.exit(deadpid(), "x") == true, "exit to a dead pid returns true")
  -- "normal" is ignored unless trapping
  local n = P.spawn(function() P.receive("go"); P.exit("went on") end)
  local nr = P.monitor(n)
  P.exit(n, "normal")
  P.send(n, "go")
  check(down(n, nr) == "went on", "exit(pid, \"normal\") is ignored by a non-trapping process")
  local tp = P.spawn(function()
    P.flag("trap_exit", true)
    P.send(me, "trapping")
    local m = P.receive({"EXIT", W, W})
    P.exit({m[2] == me, m[3]})
  end)
  local tpr = P.monitor(tp)
  P.receive("trapping")
  P.exit(tp, "normal")
  local r = down(tp, tpr)
  check(r[1] == true and r[2] == "normal", "a trapping process gets {\"EXIT\", from, \"normal\"}")
  local tq = P.spawn(function()
    P.flag("trap_exit", true)
    P.send(me, "trapping")
    local m = P.receive({"EXIT", W, W})
    P.exit(m[3])
  end)
  local tqr = P.monitor(tq)
  P.receive("trapping")
  P.exit(tq, {"custom", 1})
  r = down(tq, tqr)
  check(type(r) == "table" and r[1] == "custom", "a trapping process gets other reasons as messages")
  -- kill
  local k = P.spawn(function() P.flag("trap_exit", true); P.send(me, "trapping"); P.receive("never") end)
  local kr = P.monitor(k)
  P.receive("trapping")
  P.exit(k, "kill")
  check(down(k, kr) == "killed", "exit(pid, \"kill\") cannot be trapped: the target ends with \"killed\"")
  -- exit(self, "normal")
  local s = P.spawn(function() P.exit(P.self(), "normal"); P.exit("went on") end)
  check(down(s) == "normal", "exit(self(), \"normal\") ends the caller")
  local st = P.spawn(function()
    P.flag("trap_exit", true)
    P.exit(P.self(), "normal")
    local m = P.receive({"EXIT", W, W}, 0)
    P.exit(m and m[2] == P.self() and m[3] or "no message")
  end)
  check(down(st) == "normal", "... but a trapping caller gets {\"EXIT\", self, \"normal\"}")
  check(down(P.spawn(function() P.flag("trap_exit", true); P.exit(P.self(), "kill") end)) == "killed", "exit(self(), \"kill\") ends the caller with \"killed\"")
  -- reasons
  check(down(P.spawn(function() return 1, 2 end)) == "normal", "a returning function ends with \"normal\"")
  local er = down(P.spawn(function() error({code = 7}) end))
  check(type(er) == "table" and er.code == 7, "an error ends the process with the error value")
  check(down(P.spawn(function() error("plain") end)):find("plain", 1, true), "a string error keeps its position prefix")
  -- linked processes get the reason; "killed" and "kill"
  P.flag("trap_exit", true)
  local kl = P.spawn_link(function() P.receive("never") end)
  P.exit(kl, "kill")
  local m = P.receive({"EXIT", kl, W})
  check(m[3] == "killed", "links of a killed process get \"killed\"")
  local ek = P.spawn_link(function() P.exit("kill") end)
  m = P.receive({"EXIT", ek, W})
  check(m[3] == "kill", "links of a process that called exit(\"kill\") get \"kill\" (trappable, as in Erlang)")
  P.flag("trap_exit", false)
  -- an exit signal reaches a process busy in a loop
  local busy = P.spawn(function() P.send(me, "spinning"); while true do end end)
  local br = P.monitor(busy)
  P.receive("spinning")
  P.exit(busy, "stop spinning")
  check(down(busy, br) == "stop spinning", "an exit signal reaches a process that never receives")
end

-- ----------------------------------------------------------------- flags
do
  check(P.flag("trap_exit", true) == false and P.flag("trap_exit", false) == true, "flag(\"trap_exit\", b) returns the old value")
  local old = P.flag("max_heap_size", 0)
  check(old == 0 and P.flag("max_heap_size", 0) == 0, "flag(\"max_heap_size\", n) returns the old value (0 = unlimited)")
  local pid, ref = P.spawn_monitor(function()
    P.flag("max_heap_size", 300000)
    local t = {}
    for i = 1, 1e6 do t[i] = tostring(i) .. "xxxxxxxx" end
  end)
  check(down(pid, ref) == "max_heap_size", "a process that grows past max_heap_size ends with \"max_heap_size\"")
  check(errs("", P.flag, "no_such_flag", true), "an unknown flag is an error")
end

-- ----------------------------------------------------------------- names
do
  local pid = P.spawn(function() P.receive("quit") end)
  check(P.register("api_srv", pid) == true, "register returns true")
  check(P.whereis("api_srv") == pid, "whereis returns the pid")
  local found = false
  for _, n in ipairs(P.registered()) do if n == "api_srv" then found = true end end
  check(found, "registered() lists the name")
  check(errs("", P.register, "api_srv", me), "register: a taken name is an error")
  check(errs("", P.register, "api_other", pid), "register: a pid that has a name is an error")
  check(errs("", P.register, "api_dead", deadpid()), "register: a dead pid is an error")
  check(P.unregister("api_srv") == true and P.whereis("api_srv") == nil, "unregister returns true; whereis then gives nil")
  check(errs("", P.unregister, "api_srv"), "unregister of an unknown name is an error")
  check(P.whereis("never registered") == nil, "whereis of an unknown name: nil")
  P.register("api_srv", pid)
  local ref = P.monitor(pid)
  P.send(pid, "quit")
  P.receive({"DOWN", ref})
  check(P.whereis("api_srv") == nil, "a name is freed before the DOWN goes out")
  check(errs("", P.send, "api_srv", 1), "sending to the freed name is an error")
end

-- ---------------------------------------------------------------- timers
do
  local t0 = P.monotonic()
  check(math.type(t0) == "float", "monotonic() is a float")
  local other = P.spawn(function() P.send(me, "ran meanwhile") end)
  P.sleep(20)
  check(P.monotonic() - t0 >= 20, "sleep(ms) returns after ms")
  check(P.receive(0) == "ran meanwhile", "other processes run during sleep")
  local sl = P.spawn(function() P.send(me, "sleeping"); P.sleep("infinity"); P.exit("woke up") end)
  local slr = P.monitor(sl)
  P.receive("sleeping")
  P.send(sl, "a message does not wake it")
  for _ = 1, 10000 do
    local i = P.info(sl)
    if not i or (i.status == "waiting" and i.message_queue_len == 1) then break end
    P.yield()
  end
  check(P.alive(sl), "a message does not end sleep(\"infinity\")")
  P.exit(sl, "stopped")
  check(down(sl, slr) == "stopped", "sleep(\"infinity\") sleeps until an exit signal ends it")
  local tr = P.send_after(10, me, {"tick"})
  check(P.is_ref(tr), "send_after returns a timer ref")
  check(P.receive({"tick"})[1] == "tick", "the message is sent when the timer fires")
  check(P.cancel_timer(tr) == false, "cancel_timer of a fired timer: false")
  local far = P.send_after(100000, me, "never")
  local left = P.cancel_timer(far)
  check(math.type(left) == "integer" and left > 99000 and left <= 100000, "cancel_timer returns the ms that were left")
  check(P.cancel_timer(far) == false, "a second cancel_timer: false")
  check(P.receive(0) == nil, "a cancelled timer sends nothing")
  P.register("api_timer", me)
  P.send_after(0, "api_timer", "named")
  check(P.receive("named") == "named", "send_after to a registered name")
  check(errs("bad argument #1 to 'process.send_after' (time must not be negative)", P.send_after, -1, me, "x"),
        "send_after with a negative time is a bad argument (as erlang:send_after)")
  check(errs("time must not be negative", P.send_after, 0/0, me, "x"), "send_after with NaN is a bad argument")
  check(P.receive(0) == nil, "no timer was made by the refused calls")
  P.unregister("api_timer")
  for i = 1, 5 do P.send_after(1, me, i) end
  local got = {}
  for i = 1, 5 do got[i] = P.receive() end
  check(table.concat(got, ",") == "1,2,3,4,5", "timers with the same time fire in order")
  check(select("#", P.yield()) == 0, "yield")
end

-- ---------------------------------------------------------- alive, info, list
do
  check(P.alive(me) == true and P.alive(deadpid()) == false, "alive: boolean")
  local w = P.spawn(function() P.register("api_info", P.self()); P.send(me, "ready"); P.receive("never") end)
  P.receive("ready")
  P.send(w, "m1"); P.send(w, "m2")
  -- it looks at them and waits again (a few slices under the stress build)
  for _ = 1, 10000 do
    if P.info(w).status == "waiting" then break end
    P.yield()
  end
  local mref = P.monitor(w)
  P.link(w)
  local i = P.info(w)
  check(type(i) == "table" and i.status == "waiting", "info: status \"waiting\" for a process blocked in receive")
  check(i.message_queue_len == 2, "info: message_queue_len")
  check(i.registered_name == "api_info", "info: registered_name")
  check(i.trap_exit == false and math.type(i.reductions) == "integer" and math.type(i.memory) == "integer" and i.memory > 0,
        "info: trap_exit, reductions, memory")
  check(#i.links == 1 and i.links[1] == me, "info: links")
  local mine = P.info(me)
  check(mine.status == "running" and #mine.monitors >= 1 and mine.monitors[#mine.monitors] == w, "info: running (the caller) and monitors")
  local busy = P.spawn(function() P.send(me, "busy"); while true do P.yield() end end)
  P.receive("busy")
  check(P.info(busy).status == "runnable", "info: status \"runnable\"")
  local inlist = {}
  for _, p in ipairs(P.list()) do inlist[p] = true end
  check(inlist[me] and inlist[w] and inlist[busy], "list() has the live processes")
  P.unlink(w)
  P.exit(w, "kill"); down(w, mref)
  P.exit(busy, "kill")
  check(P.info(w) == nil, "info of a dead pid: nil")
  local still = false
  for _, p in ipairs(P.list()) do if p == w then still = true end end
  check(not still, "list() has no dead processes")
  check(P.is_pid(me) and not P.is_pid(P.make_ref()) and not P.is_pid("<0.1.0>") and not P.is_pid(nil), "is_pid")
  check(P.is_ref(P.make_ref()) and not P.is_ref(me) and not P.is_ref({}), "is_ref")
  check(P.pid(tostring(me)) == me, "process.pid(text) makes the pid back")
end

-- ---------------------------------------------------------- signal ordering
do
  P.flag("trap_exit", true)
  local s = P.spawn_link(function()
    for i = 1, 50 do P.send(me, i) end
    P.exit("last")
  end)
  local ok = true
  for i = 1, 50 do if P.receive() ~= i then ok = false end end
  local m = P.receive()
  check(ok and type(m) == "table" and m[1] == "EXIT" and m[3] == "last", "messages and the exit signal arrive in the order sent")
  P.flag("trap_exit", false)
end

if failed > 0 then error(failed .. " checks failed") end
print("all passed")
