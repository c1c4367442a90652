-- lurel-only
-- process.alias / process.unalias: a ref that works as a destination for
-- its owner until unaliased; late replies to an inactive alias are dropped
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

local a = P.alias()
ok(P.is_ref(a) and not P.is_pid(a), "alias() returns a ref")
ok(tostring(a):match("^#Ref<") ~= nil, "an alias prints like a ref")
P.send(a, "to-alias")
ok(P.receive() == "to-alias", "send to an active alias from the owner")

-- a server that replies to whatever destination it is given, when told to
local server = P.spawn(function()
  while true do
    local m = P.receive()
    if m[1] == "stop" then return end
    if m[1] == "reply" then P.send(m[2], {"reply", m[3]}) end
    if m[1] == "reply_then_done" then
      P.send(m[2], {"reply", m[3]})
      P.send(m[4], {"done", m[3]})
    end
  end
end)

P.send(server, {"reply", a, 1})
ok(P.receive({"reply"})[2] == 1, "another process sends to the alias: the owner gets it")

-- several aliases at once, and the pid still works
local b = P.alias()
ok(a ~= b, "two aliases differ")
P.send(server, {"reply", b, 2})
P.send(server, {"reply", me, 3})
P.send(server, {"reply", a, 4})
local got = {}
for i = 1, 3 do got[i] = P.receive({"reply"})[2] end
ok(got[1] == 2 and got[2] == 3 and got[3] == 4, "replies via two aliases and the pid, in order")

-- aliases as table keys
local t = {[a] = "a", [b] = "b"}
ok(t[a] == "a" and t[b] == "b", "aliases as table keys")

-- unalias: true, then late replies are dropped
ok(P.unalias(b) == true, "unalias returns true")
P.send(server, {"reply_then_done", b, "late", me})
local done = P.receive({"done"})
ok(done[2] == "late", "the server has sent its reply (and then done)")
ok(P.receive({"reply"}, 0) == nil, "the late reply to an inactive alias was dropped")
ok(P.send(b, "direct") == "direct", "send to an inactive alias does not raise")
ok(P.receive(0) == nil, "... and delivers nothing")

-- the gen_server.call shape: alias, request, timeout, unalias, late reply
local slow = P.spawn(function()
  local req = P.receive()
  P.receive("release")           -- answer only after the caller gave up
  P.send(req.alias, {"answer", req.alias})
  P.send(req.owner, "slow-done")
end)
local ca = P.alias()
P.send(slow, {alias = ca, owner = me})
local ans = P.receive({"answer", ca}, 20)
ok(ans == nil, "the call timed out")
P.unalias(ca)
P.send(slow, "release")
ok(P.receive("slow-done") == "slow-done", "the slow server answered after the timeout")
ok(P.receive(0) == nil, "the late answer never reached the mailbox")

-- only the owner can deactivate an alias
local c = P.alias()
local other = P.spawn(function(parent, al)
  P.unalias(al)                  -- not ours: no effect
  P.send(al, "still-works")
end, me, c)
ok(P.receive("still-works") == "still-works", "another process cannot unalias our alias")
P.unalias(c)

-- an alias of a dead process: sends are dropped silently
local dead_alias
local dp, dref = P.spawn_monitor(function(parent)
  P.send(parent, {"my-alias", P.alias()})
end, me)
dead_alias = P.receive({"my-alias"})[2]
P.receive({"DOWN", dref})
ok(P.send(dead_alias, "x") == "x", "send to the alias of a dead process does not raise")
ok(P.receive(0) == nil, "... and delivers nothing to us")

-- an alias created in another process delivers to that process, not to us
local owner = P.spawn(function(parent)
  local al = P.alias()
  P.send(parent, {"alias", al})
  local m = P.receive()
  P.send(parent, {"owner-got", m})
end, me)
local oa = P.receive({"alias"})[2]
P.send(oa, "hello-owner")
ok(P.receive({"owner-got"})[2] == "hello-owner", "an alias routes to its owner")

-- unalias needs a ref
local okc = pcall(P.unalias, "nope")
ok(not okc, "unalias of a non-ref raises")

P.unalias(a)
P.send(server, {"stop"})
print("alias: all done")
