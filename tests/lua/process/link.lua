-- lurel-only
-- process.link / process.unlink and exit propagation through links
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()
local function has(list, x)
  for _, v in ipairs(list) do if v == x then return true end end
  return false
end
local function count(list, x)
  local n = 0
  for _, v in ipairs(list) do if v == x then n = n + 1 end end
  return n
end

-- a process that waits for orders
local function waiter()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    if type(m) == "table" and m[1] == "crash" then error(m[2], 0) end
    if type(m) == "table" and m[1] == "exit" then P.exit(m[2]) end
    if type(m) == "table" and m[1] == "link" then P.link(m[2]); P.send(m[3], "linked") end
  end
end

-- link returns true and is visible on both sides
local w = P.spawn(waiter)
ok(P.link(w) == true, "link returns true")
ok(has(P.info(me).links, w) and has(P.info(w).links, me), "the link shows on both sides")
ok(P.link(w) == true and count(P.info(me).links, w) == 1, "linking twice keeps one link")
ok(P.link(me) == true, "linking to oneself returns true")
ok(not has(P.info(me).links, me), "... and makes no link")

-- unlink returns true and removes both sides
ok(P.unlink(w) == true, "unlink returns true")
ok(not has(P.info(me).links, w) and not has(P.info(w).links, me), "unlink removes both sides")
ok(P.unlink(w) == true, "unlink of an unlinked process returns true")
local stranger = P.pid("<0.777777.0>")
ok(P.unlink(stranger) == true, "unlink of a pid that never existed returns true")

-- after unlink, a crash does not propagate (we do not trap)
local wm = P.monitor(w)
P.link(w)
P.unlink(w)
P.send(w, {"crash", "after-unlink"})
ok(P.receive({"DOWN", wm})[5] == "after-unlink", "the unlinked process crashed")
P.send(me, "still-alive")
ok(P.receive("still-alive") == "still-alive", "we were not killed by it")

-- a normal exit through a link does not kill a non-trapping process
local w2 = P.spawn(waiter)
local m2 = P.monitor(w2)
P.link(w2)
P.send(w2, "stop")
ok(P.receive({"DOWN", m2})[5] == "normal", "the linked process ended normally")
P.send(me, "still-alive")
ok(P.receive("still-alive") == "still-alive", "a normal exit does not propagate")

-- a crash through a link kills a non-trapping process with the same reason
-- (observed from outside with a monitor)
local a, aref = P.spawn_monitor(function(parent)
  local b = P.spawn(waiter)
  P.link(b)
  P.send(parent, {"b", b})
  P.receive()                      -- wait for ever
end, me)
local b = P.receive({"b"})[2]
local bref = P.monitor(b)
P.send(b, {"crash", {tag = "err-table"}})
local db = P.receive({"DOWN", bref})
local da = P.receive({"DOWN", aref})
ok(type(db[5]) == "table" and db[5].tag == "err-table", "b crashed with a table")
ok(type(da[5]) == "table" and da[5].tag == "err-table", "a died through the link with the same reason")

-- propagation in both directions: the one who called link can be the one
-- that dies
local c = P.spawn(waiter)
local cref = P.monitor(c)
local d, dref = P.spawn_monitor(function(other)
  P.link(other)
  P.exit("d-quits")
end, c)
ok(P.receive({"DOWN", dref})[5] == "d-quits", "d exited")
ok(P.receive({"DOWN", cref})[5] == "d-quits", "c died through the link d made")

-- a chain of links: x - y - z, z crashes, all die
local chain = {}
local z, zref
do
  local x, xref = P.spawn_monitor(function(parent)
    local y = P.spawn_link(function(parent)
      local z = P.spawn_link(function(parent)
        P.send(parent, {"z", P.self()})
        local m = P.receive()
        error(m[2], 0)
      end, parent)
      P.receive()
    end, parent)
    P.receive()
  end, me)
  z = P.receive({"z"})[2]
  zref = P.monitor(z)
  P.send(z, {"crash", "chain-reaction"})
  ok(P.receive({"DOWN", zref})[5] == "chain-reaction", "z crashed")
  ok(P.receive({"DOWN", xref})[5] == "chain-reaction", "x died through y")
end

-- trapping exits: link exits become messages
P.flag("trap_exit", true)
local t1 = P.spawn(waiter)
P.link(t1)
P.send(t1, {"crash", "trapped-crash"})
local e = P.receive({"EXIT"})
ok(e[2] == t1 and e[3] == "trapped-crash", "trapping: {EXIT, pid, reason} for a crash")
local t2 = P.spawn(waiter)
P.link(t2)
P.send(t2, "stop")
e = P.receive({"EXIT"})
ok(e[2] == t2 and e[3] == "normal", "trapping: {EXIT, pid, 'normal'} for a normal end")
local t3 = P.spawn(waiter)
P.link(t3)
P.exit(t3, "kill")
e = P.receive({"EXIT"})
ok(e[2] == t3 and e[3] == "killed", "trapping: a killed linked process gives reason 'killed'")
ok(not has(P.info(me).links, t1) and not has(P.info(me).links, t2), "links to dead processes are gone")

-- linking to a dead process: trapping gives {EXIT, pid, noproc}
local dead, dr = P.spawn_monitor(function() end)
P.receive({"DOWN", dr})
ok(P.link(dead) == true, "link to a dead process returns true")
e = P.receive({"EXIT", dead}, 5000)
ok(e and e[3] == "noproc", "link to a dead process: {EXIT, pid, 'noproc'} when trapping")
ok(not has(P.info(me).links, dead), "no link was made")
P.link(stranger)
e = P.receive({"EXIT", stranger}, 5000)
ok(e and e[3] == "noproc", "link to a pid that never existed: noproc")
P.flag("trap_exit", false)

-- linking to a dead process without trapping: the caller dies with noproc
local l, lref = P.spawn_monitor(function(target)
  P.link(target)
  P.receive()
end, dead)
ok(P.receive({"DOWN", lref})[5] == "noproc", "link to a dead process kills a non-trapping caller with noproc")

-- ... even when the next thing it does is demonitor(ref, true) (which looks
-- at the inbox) rather than a receive
local l2, lref2 = P.spawn_monitor(function(target)
  local r = P.make_ref()
  P.link(target)
  P.demonitor(r, true)
  P.receive()
end, dead)
ok(P.receive({"DOWN", lref2})[5] == "noproc", "the noproc signal is not lost in a demonitor flush")

-- a process that links to another and then is linked again from the other
-- side still has one link
local p1 = P.spawn(waiter)
P.link(p1)
P.send(p1, {"link", me, me})
P.receive("linked")
ok(count(P.info(me).links, p1) == 1 and count(P.info(p1).links, me) == 1, "links from both sides make one link")
P.unlink(p1)
P.send(p1, "stop")

-- link needs a pid
ok(not pcall(P.link, "name"), "link('name') raises")
ok(not pcall(P.link), "link() raises")
ok(not pcall(P.unlink, 42), "unlink(42) raises")

print("link: all done")
