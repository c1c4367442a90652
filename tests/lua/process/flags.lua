-- lurel-only
-- process.flag("trap_exit", b) and process.flag("max_heap_size", bytes):
-- old values, effects, and a process that outgrows its heap limit
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- trap_exit: returns the old value
ok(P.flag("trap_exit", true) == false, "trap_exit starts false; flag returns the old value false")
ok(P.info(me).trap_exit == true, "info shows trap_exit true")
ok(P.flag("trap_exit", true) == true, "setting it again returns true")
ok(P.flag("trap_exit", false) == true, "turning it off returns true")
ok(P.flag("trap_exit", false) == false, "and then false")
ok(P.info(me).trap_exit == false, "info shows trap_exit false")

-- the flag takes effect at once: a crash of a linked process after the
-- flag was set arrives as a message
P.flag("trap_exit", true)
local l = P.spawn_link(function() P.receive() error("linked crash", 0) end)
P.send(l, "go")
local e = P.receive({"EXIT", l})
ok(e[3] == "linked crash", "trap_exit on: EXIT message")
P.flag("trap_exit", false)

-- a child that turns trapping off dies from the next signal
local c, cr = P.spawn_monitor(function(parent)
  P.flag("trap_exit", true)
  P.send(parent, "trapping")
  local m = P.receive()
  P.send(parent, {"first", m[1], m[3]})
  P.flag("trap_exit", false)
  P.send(parent, "not trapping")
  P.receive()
end, me)
P.receive("trapping")
P.exit(c, "one")
local f = P.receive({"first"})
ok(f[2] == "EXIT" and f[3] == "one", "while trapping the signal is a message")
P.receive("not trapping")
P.exit(c, "two")
ok(P.receive({"DOWN", cr})[5] == "two", "after trapping is turned off the signal kills")

-- max_heap_size: returns the old value; 0 means unlimited
ok(P.flag("max_heap_size", 0) == 0, "max_heap_size starts 0 (unlimited)")
ok(P.flag("max_heap_size", 64 * 1024 * 1024) == 0, "set 64 MB: old value 0")
ok(P.flag("max_heap_size", 0) == 64 * 1024 * 1024, "set 0: old value 64 MB")
ok(not pcall(P.flag, "max_heap_size", "lots"), "max_heap_size needs a number")
ok(not pcall(P.flag, "no_such_flag", true), "an unknown flag raises")
ok(not pcall(P.flag, "trap_exit"), "trap_exit needs a value")

-- a process that grows past its limit ends with reason max_heap_size
local function greedy(limit, grow)
  local pid, ref = P.spawn_monitor(function(parent, limit, grow)
    P.flag("max_heap_size", limit)
    P.send(parent, "limited")
    if grow == "tables" then
      local t = {}
      for i = 1, 1e8 do t[i] = {i, tostring(i)} end
    elseif grow == "string" then
      local s = string.rep("x", 32 * 1024 * 1024)     -- one big string
      P.send(parent, #s)
    elseif grow == "concat" then
      local parts = {}
      for i = 1, 1e8 do parts[i] = string.rep("y", 1000) .. i end
    elseif grow == "small" then
      local t = {}
      for i = 1, 1000 do t[i] = {i} end
      P.send(parent, "survived")
    end
  end, me, limit, grow)
  return pid, ref
end

local g, gr = greedy(2 * 1024 * 1024, "tables")
P.receive("limited")
local d = P.receive({"DOWN", gr})
ok(d[5] == "max_heap_size", "a process filling tables past 2 MB ends with max_heap_size")
ok(not P.alive(g), "it is dead")

g, gr = greedy(4 * 1024 * 1024, "string")
P.receive("limited")
d = P.receive(P.any({"DOWN", gr}, P.any(function(v) return math.type(v) == "integer" end)))
ok(d[1] == "DOWN" and d[5] == "max_heap_size", "a 32 MB string counts against a 4 MB limit")
while P.receive(0) do end

g, gr = greedy(4 * 1024 * 1024, "concat")
P.receive("limited")
ok(P.receive({"DOWN", gr})[5] == "max_heap_size", "many long strings count against the limit")

g, gr = greedy(16 * 1024 * 1024, "small")
P.receive("limited")
ok(P.receive("survived") == "survived", "a process within its limit is not disturbed")
ok(P.receive({"DOWN", gr})[5] == "normal", "and ends normally")

-- a linked trapping process gets EXIT max_heap_size; the VM lives on
P.flag("trap_exit", true)
local lk = P.spawn_opt(function()
  local t = {}
  for i = 1, 1e8 do t[i] = {i} end
end, {link = true, max_heap_size = 1024 * 1024})
e = P.receive({"EXIT", lk})
ok(e[3] == "max_heap_size", "a linked process gets EXIT max_heap_size")
P.flag("trap_exit", false)

-- raising the limit (or removing it) lets a process grow
local r, rr = P.spawn_monitor(function(parent)
  P.flag("max_heap_size", 1024 * 1024)
  local old = P.flag("max_heap_size", 0)
  local t = {}
  for i = 1, 200000 do t[i] = {i} end          -- several MB
  P.send(parent, {"grew", old, #t})
end, me)
local gm = P.receive({"grew"})
ok(gm[2] == 1024 * 1024 and gm[3] == 200000, "after max_heap_size 0 the process can grow")
P.receive({"DOWN", rr})

-- the main process sets a generous limit and keeps working
P.flag("max_heap_size", 256 * 1024 * 1024)
local t = {}
for i = 1, 10000 do t[i] = {i} end
ok(#t == 10000, "the main process works under a generous limit")
P.flag("max_heap_size", 0)

-- the VM lives on: spawn and talk after all those deaths
local echo = P.spawn(function() local m = P.receive() P.send(m, "alive") end)
P.send(echo, me)
ok(P.receive("alive") == "alive", "the VM lives on after max_heap_size kills")

print("flags: all done")
