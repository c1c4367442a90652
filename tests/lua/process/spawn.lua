-- lurel-only
-- process.spawn / spawn_link / spawn_monitor / spawn_opt / self
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()
ok(P.is_pid(me), "self() is a pid")
ok(tostring(me) == "<0.1.0>", "the main process is <0.1.0>")
ok(P.self() == me, "self() is stable")

-- spawn runs fn(...) with copied arguments
local t = {1, 2, {3}}
local pid = P.spawn(function(parent, a, b, tab)
  tab[3][1] = 99                      -- mutate the copy
  P.send(parent, {"args", a, b, tab[1] + tab[2] + tab[3][1], P.self()})
end, me, "x", 42, t)
ok(P.is_pid(pid) and pid ~= me, "spawn returns a new pid")
local m = P.receive()
ok(m[1] == "args" and m[2] == "x" and m[3] == 42, "spawn passes the arguments")
ok(m[4] == 1 + 2 + 99, "the spawned function got a copy of the table")
ok(t[3][1] == 3, "the caller's table is untouched")
ok(m[5] == pid, "self() inside the child is the pid spawn returned")

-- a spawned function with no arguments, results ignored
local pid2 = P.spawn(function() return 1, 2, 3 end)
local ref = P.monitor(pid2)
local down = P.receive({"DOWN", ref})
ok(down[3] == "process" and down[4] == pid2 and down[5] == "normal",
   "a returning process ends with reason normal")

-- spawn requires a function
local okc, err = pcall(P.spawn, 42)
ok(not okc and type(err) == "string", "spawn(42) raises: " .. tostring(err))

-- spawn_link: linked before the child runs; an error in the child is
-- delivered to a trapping parent as EXIT
P.flag("trap_exit", true)
local lp = P.spawn_link(function() error({code = 7}) end)
local ex = P.receive({"EXIT", lp})
ok(type(ex[3]) == "table" and ex[3].code == 7, "spawn_link: child's error value arrives in EXIT")

-- spawn_link: child that returns gives EXIT normal (when trapping)
local lp2 = P.spawn_link(function() end)
ex = P.receive({"EXIT", lp2})
ok(ex[3] == "normal", "spawn_link: normal exit is delivered to a trapping parent")
P.flag("trap_exit", false)

-- spawn_link: the link exists even if the child dies at once (atomic);
-- a non-trapping middle process dies with the child's reason
local mid, mref = P.spawn_monitor(function()
  P.spawn_link(function() P.exit("boom") end)
  P.receive()          -- never returns: the link kills us
end)
local d = P.receive({"DOWN", mref})
ok(d[4] == mid and d[5] == "boom", "spawn_link: a non-trapping parent dies with the child's reason")

-- spawn_link: info shows the link on both sides
local lp3 = P.spawn_link(function() P.receive() end)
local function has(list, x) for _, v in ipairs(list) do if v == x then return true end end return false end
ok(has(P.info(me).links, lp3) and has(P.info(lp3).links, me), "spawn_link: both sides are linked")
P.unlink(lp3)
P.exit(lp3, "kill")

-- spawn_monitor returns pid and ref
local mp, mr = P.spawn_monitor(function() error("oops", 0) end)
ok(P.is_pid(mp) and P.is_ref(mr), "spawn_monitor returns pid, ref")
d = P.receive({"DOWN", mr, "process", mp})
ok(d[5] == "oops", "spawn_monitor: DOWN carries the error value")

-- spawn_monitor on a child that ends immediately still gives one DOWN
local qp, qr = P.spawn_monitor(function() end)
d = P.receive({"DOWN", qr})
ok(d[5] == "normal", "spawn_monitor: immediate end gives DOWN normal")
ok(P.receive({"DOWN", qr}, 50) == nil, "exactly one DOWN per monitor")

-- spawn_opt with no options
local op = P.spawn_opt(function(parent, x) P.send(parent, x * 2) end, nil, me, 21)
ok(P.receive() == 42, "spawn_opt(fn, nil, args...) passes the arguments")
local op2 = P.spawn_opt(function(parent, x) P.send(parent, x + 1) end, {}, me, 1)
ok(P.receive() == 2, "spawn_opt(fn, {}, args...)")

-- spawn_opt {monitor=true} returns pid and ref
local sp, sr = P.spawn_opt(function(a) P.exit(a) end, {monitor = true}, "bye")
ok(P.is_pid(sp) and P.is_ref(sr), "spawn_opt{monitor}: pid and ref")
d = P.receive({"DOWN", sr})
ok(d[4] == sp and d[5] == "bye", "spawn_opt{monitor}: DOWN with the exit reason")

-- spawn_opt without monitor returns only the pid
local n = select("#", P.spawn_opt(function() end, {link = false}))
ok(n == 1, "spawn_opt without monitor returns one value")

-- spawn_opt {link=true}
P.flag("trap_exit", true)
local lk = P.spawn_opt(function() P.exit("linked-bye") end, {link = true})
ex = P.receive({"EXIT", lk})
ok(ex[3] == "linked-bye", "spawn_opt{link}: EXIT arrives")
-- link and monitor together
local lm, lmr = P.spawn_opt(function() P.exit("both") end, {link = true, monitor = true})
local e1 = P.receive({"EXIT", lm})
local e2 = P.receive({"DOWN", lmr})
ok(e1[3] == "both" and e2[5] == "both", "spawn_opt{link, monitor}: EXIT and DOWN")
P.flag("trap_exit", false)

-- spawn_opt {trap_exit=true}: in force from the first instruction.  We kill
-- the child with an exit signal sent right after spawn (before it ran), and
-- it still gets an EXIT message instead of dying.
local tp = P.spawn_opt(function(parent)
  local first = P.flag("trap_exit", true)   -- returns the old value
  local m = P.receive()
  P.send(parent, {"trapped", first, m[1], m[2], m[3]})
end, {trap_exit = true}, me)
P.exit(tp, "stop-it")
local r = P.receive({"trapped"})
ok(r[2] == true, "spawn_opt{trap_exit}: flag is already true at the first instruction")
ok(r[3] == "EXIT" and r[4] == me and r[5] == "stop-it",
   "spawn_opt{trap_exit}: an exit signal sent before it ran became a message")

-- without trap_exit the same signal kills the child
local np, nref = P.spawn_monitor(function() P.receive() end)
P.exit(np, "stop-it")
d = P.receive({"DOWN", nref})
ok(d[5] == "stop-it", "an exit signal sent right after spawn kills a non-trapping child")

-- spawn_opt {max_heap_size}: in force from the first instruction
local hp, hr = P.spawn_opt(function(parent)
  P.send(parent, {"limit", P.flag("max_heap_size", 0)})
end, {max_heap_size = 4 * 1024 * 1024, monitor = true}, me)
local lim = P.receive({"limit"})
ok(lim[2] == 4 * 1024 * 1024, "spawn_opt{max_heap_size}: flag readable from the child")
P.receive({"DOWN", hr})

local bp, br = P.spawn_opt(function()
  local t = {}
  for i = 1, 1e7 do t[i] = {i} end     -- far more than 1 MB
end, {max_heap_size = 1024 * 1024, monitor = true})
d = P.receive({"DOWN", br})
ok(d[5] == "max_heap_size", "spawn_opt{max_heap_size}: a greedy child ends with max_heap_size")

-- many processes
local N = 300
for i = 1, N do P.spawn(function(parent, i) P.send(parent, i) end, me, i) end
local sum = 0
for _ = 1, N do sum = sum + P.receive() end
ok(sum == N * (N + 1) / 2, "300 spawned processes all reply")

-- many arguments, nil arguments
local args = {}
for i = 1, 250 do args[i] = i end
P.spawn(function(parent, ...)
  P.send(parent, {"nargs", select("#", ...), (select(250, ...))})
end, me, table.unpack(args))
local na = P.receive({"nargs"})
ok(na[2] == 250 and na[3] == 250, "spawn with 250 arguments")
P.spawn(function(parent, a, b, c, d) P.send(parent, {"nil-args", a, b, c, d}) end, me, 1, nil, 3, nil)
local nn = P.receive({"nil-args"})
ok(nn[2] == 1 and nn[3] == nil and nn[4] == 3 and nn[5] == nil, "nil arguments keep their places")

-- C functions as the process's function
local cp, cr = P.spawn_monitor(P.exit, "exit-as-entry")
ok(P.receive({"DOWN", cr})[5] == "exit-as-entry", "spawn(process.exit, reason)")
cp, cr = P.spawn_monitor(select, 1, 2)
ok(P.receive({"DOWN", cr})[5] == "normal", "spawn of a C function that returns")
cp, cr = P.spawn_monitor(P.send, me, "sent-by-c-entry")
ok(P.receive("sent-by-c-entry") == "sent-by-c-entry", "spawn(process.send, pid, msg)")
P.receive({"DOWN", cr})

-- a function made by load, sent after its creator ended
local lp, lr = P.spawn_monitor(function(parent)
  local f = load("local n = ... return function(x) return x * n end")(3)
  P.send(parent, {"loaded", f})
end, me)
local lf = P.receive({"loaded"})[2]
P.receive({"DOWN", lr})
collectgarbage(); collectgarbage()
ok(lf(5) == 15, "a function made by load outlives the process that loaded it")

-- trap_exit is not inherited
P.flag("trap_exit", true)
P.spawn(function(parent) P.send(parent, {"trap", P.flag("trap_exit", false)}) end, me)
ok(P.receive({"trap"})[2] == false, "a child does not inherit trap_exit")
P.flag("trap_exit", false)

-- spawn from a child, grandchildren reply to the main process
P.spawn(function(top)
  for i = 1, 3 do
    P.spawn(function(top, i) P.send(top, {"grandchild", i}) end, top, i)
  end
end, me)
local gsum = 0
for i = 1, 3 do gsum = gsum + P.receive({"grandchild"})[2] end
ok(gsum == 6, "grandchildren spawned by a child reach the main process")

-- a closure holding a coroutine cannot be spawned
local co = coroutine.create(print)
local okc2, err2 = pcall(P.spawn, function() return co end)
ok(not okc2 and tostring(err2):find("coroutine"), "spawn of a closure holding a coroutine raises: " .. tostring(err2))
okc2 = pcall(P.spawn, print, io.stdout)
ok(not okc2, "spawn with an open file argument raises")

print("spawn: all done")
