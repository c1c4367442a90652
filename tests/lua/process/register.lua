-- lurel-only
-- process.register / unregister / whereis / registered, and the freeing
-- of a name when its process ends (before its exit signals and DOWNs)
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
local function errs(f, ...)
  local okc, err = pcall(f, ...)
  return not okc, err
end

local function server()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    if type(m) == "table" and m[1] == "crash" then error(m[2], 0) end
    if type(m) == "table" and m[1] == "whoami" then P.send(m[2], {"iam", P.self()}) end
  end
end

ok(P.whereis("nobody_here") == nil, "whereis of an unknown name is nil")
ok(type(P.registered()) == "table", "registered() returns a table")
local before = #P.registered()

local s = P.spawn(server)
ok(P.register("srv", s) == true, "register returns true")
ok(P.whereis("srv") == s, "whereis finds the pid")
ok(has(P.registered(), "srv"), "registered() lists the name")
ok(#P.registered() == before + 1, "registered() has one more name")
ok(P.info(s).registered_name == "srv", "info shows registered_name")
P.send("srv", {"whoami", me})
ok(P.receive({"iam"})[2] == s, "send by name reaches the process")

-- errors
local e, msg = errs(P.register, "srv", P.spawn(server))
ok(e, "register of a taken name raises: " .. tostring(msg))
e, msg = errs(P.register, "srv2", s)
ok(e, "register of a pid that already has a name raises: " .. tostring(msg))
e, msg = errs(P.register, "srv", s)
ok(e, "registering the same name to the same pid again raises: " .. tostring(msg))
local dead, dr = P.spawn_monitor(function() end)
P.receive({"DOWN", dr})
e, msg = errs(P.register, "ghost", dead)
ok(e, "register of a dead pid raises: " .. tostring(msg))
ok(P.whereis("ghost") == nil, "... and registers nothing")
e = errs(P.register, "ghost2", P.pid("<0.765432.0>"))
ok(e, "register of a pid that never existed raises")
e, msg = errs(P.unregister, "not_a_name")
ok(e, "unregister of an unknown name raises: " .. tostring(msg))
ok(errs(P.register, "x", "notapid"), "register with a non-pid raises")
ok(errs(P.register, nil, s), "register with a nil name raises")
ok(errs(P.whereis), "whereis() raises")

-- unregister
ok(P.unregister("srv") == true, "unregister returns true")
ok(P.whereis("srv") == nil, "whereis after unregister is nil")
ok(not has(P.registered(), "srv"), "registered() no longer lists it")
ok(P.info(s).registered_name == nil, "info has no registered_name")
ok(errs(P.unregister, "srv"), "unregister twice raises")
ok(errs(P.send, "srv", "x"), "send to the unregistered name raises")
ok(P.register("srv_again", s) == true, "the pid can take a new name")
ok(P.register("srv", P.spawn(server)) == true, "the old name can be taken by another process")
ok(P.whereis("srv") ~= s and P.whereis("srv_again") == s, "names point to the right pids")

-- registering oneself
ok(P.register("main", me) == true, "the main process registers itself")
ok(P.whereis("main") == me and P.info(me).registered_name == "main", "whereis('main') == self()")
P.send("main", "to-me")
ok(P.receive("to-me") == "to-me", "send to one's own name")
P.unregister("main")

-- the name is freed when the process ends: whereis is nil at DOWN time and
-- the name can be registered again at once
local v = P.spawn(server)
P.register("volatile", v)
local vr = P.monitor(v)
P.send("volatile", {"crash", "gone"})
local d = P.receive({"DOWN", vr})
ok(d[5] == "gone", "the registered process crashed")
ok(P.whereis("volatile") == nil, "its name is free when the DOWN arrives")
ok(not has(P.registered(), "volatile"), "registered() no longer lists it")
local v2 = P.spawn(server)
ok(P.register("volatile", v2) == true, "a monitor receiving DOWN re-registers the name at once")

-- the same for a linked trapping process, and for every way of ending
P.flag("trap_exit", true)
local endings = {
  {"stop", "normal"},
  {{"crash", "boom"}, "boom"},
  {"kill", "killed"},
}
for i, case in ipairs(endings) do
  local name = "ending_" .. i
  local p = P.spawn_link(server)
  P.register(name, p)
  if case[1] == "kill" then P.exit(p, "kill") else P.send(name, case[1]) end
  local ex = P.receive({"EXIT", p})
  assert(ex[3] == case[2], "reason " .. tostring(ex[3]))
  assert(P.whereis(name) == nil, "name freed before the EXIT")
  assert(P.register(name, P.spawn(server)) == true, "re-register at once")
end
ok(true, "after normal end, crash and kill, the name is free when EXIT arrives")
P.flag("trap_exit", false)

-- a watcher process (not the main one) re-registers the name in its DOWN
-- handler: the successor pattern
local first = P.spawn(server)
P.register("service", first)
local watcher = P.spawn(function(parent, first)
  local ref = P.monitor(first)
  P.send(parent, "watching")
  local d = P.receive({"DOWN", ref})
  local okc, err = pcall(P.register, "service", P.self())
  P.send(parent, {"reregistered", okc, err})
  P.receive()
end, me, first)
P.receive("watching")
P.send("service", "stop")
local rr = P.receive({"reregistered"})
ok(rr[2] == true, "a watcher takes the name over in its DOWN handler: " .. tostring(rr[3]))
ok(P.whereis("service") == watcher, "whereis gives the successor")

-- an unregistered process's end does not disturb a name given later
P.unregister("service")
P.register("service", P.spawn(server))
ok(P.whereis("service") ~= nil, "names survive other processes' ends")

-- many names
local pids = {}
for i = 1, 300 do
  pids[i] = P.spawn(server)
  P.register("many_" .. i, pids[i])
end
local okall = true
for i = 1, 300 do okall = okall and P.whereis("many_" .. i) == pids[i] end
ok(okall, "300 names registered and found")
for i = 1, 300, 2 do P.unregister("many_" .. i) end
local refs = {}
for i = 2, 300, 2 do refs[i] = P.monitor(pids[i]); P.send("many_" .. i, "stop") end
for i = 2, 300, 2 do P.receive({"DOWN", refs[i]}) end
local left = 0
for _, n in ipairs(P.registered()) do if n:match("^many_") then left = left + 1 end end
ok(left == 0, "all 300 names gone (half unregistered, half freed by death)")
for i = 1, 300, 2 do P.send(pids[i], "stop") end

-- names are strings: a string that looks like a number is a plain name
local np = P.spawn(server)
ok(P.register("42", np) == true and P.whereis("42") == np, "a numeric-looking name")
P.send(np, "stop")

print("register: all done")
