-- lurel-only
-- process.send: to a pid, a registered name, an alias; dead pid dropped;
-- unregistered name raises; unsendable values raise a clear error
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- send returns the message
local v = {1, 2}
ok(P.send(me, v) == v, "send returns msg (the caller's own value)")
ok(P.send(me, 5) == 5, "send returns a number message")
local got = P.receive()
ok(got ~= v and got[1] == 1 and got[2] == 2, "send to self delivers a copy")
ok(P.receive() == 5, "second message to self")

-- all kinds of sendable values arrive intact
local vals = {true, false, 0, -1, math.maxinteger, math.mininteger, 1.5, -0.0,
              1/0, -1/0, "", "short", string.rep("x", 100), me, P.make_ref(), P._, print,
              string.len}
for i, x in ipairs(vals) do P.send(me, {i, x}) end
for i, x in ipairs(vals) do
  local m = P.receive()
  assert(m[1] == i, "order")
  assert(m[2] == x and math.type(m[2]) == math.type(x), "value " .. i .. " arrived intact")
end
ok(true, "booleans, integers, floats, inf, strings, pids, refs, the wildcard, C functions travel intact")
P.send(me, 0/0)
local nan = P.receive(P.any(function(x) return x ~= x end))
ok(nan ~= nan, "NaN arrives as NaN")
P.send(me, 3)
local three = P.receive()
ok(math.type(three) == "integer", "integer subtype kept")
P.send(me, 3.0)
three = P.receive()
ok(math.type(three) == "float", "float subtype kept")

-- to a registered name
local echo = P.spawn(function()
  while true do
    local m = P.receive()
    if m[1] == "stop" then return end
    P.send(m[1], {"echo", m[2]})
  end
end)
P.register("echo_srv", echo)
P.send("echo_srv", {me, "by-name"})
local r = P.receive({"echo"})
ok(r[2] == "by-name", "send to a registered name")

-- to an alias
local a = P.alias()
P.send("echo_srv", {a, "via-alias"})
r = P.receive({"echo"})
ok(r[2] == "via-alias", "send to an alias delivers to its owner")
P.unalias(a)

-- unregistered name raises
local okc, err = pcall(P.send, "no_such_name_xyz", "hi")
ok(not okc and tostring(err):find("no_such_name_xyz", 1, true) ~= nil,
   "send to an unregistered name raises, naming it: " .. tostring(err))

-- a dead pid: dropped silently
local dead, dref = P.spawn_monitor(function() end)
P.receive({"DOWN", dref})
ok(P.send(dead, "lost") == "lost", "send to a dead pid returns msg without error")

-- a name whose process died is no longer registered: send raises
local tmp, tref = P.spawn_monitor(function() P.receive() end)
P.register("short_lived", tmp)
P.send("short_lived", "go")
P.receive({"DOWN", tref})
okc, err = pcall(P.send, "short_lived", "x")
ok(not okc, "send to the name of a dead process raises")

-- unsendable values: clear error at the send, nothing delivered
local function fails(val, word, what)
  local okc, err = pcall(P.send, me, val)
  assert(not okc, what .. " should not be sendable")
  assert(type(err) == "string" and err:lower():find(word, 1, true),
         what .. ": error should mention '" .. word .. "': " .. tostring(err))
  print("ok: cannot send " .. what .. ": " .. err)
end
fails(nil, "nil", "nil")
fails(coroutine.create(function() end), "coroutine", "a coroutine")
fails({1, {2, coroutine.create(print)}}, "coroutine", "a table holding a coroutine")
fails(io.stdout, "file", "an open file (io.stdout)")
local f = io.tmpfile()
fails(f, "file", "an open file (tmpfile)")
fails({log = f}, "file", "a table holding an open file")
local co = coroutine.create(function() end)
fails(function() return co end, "coroutine", "a closure with a coroutine upvalue")
f:close()
ok(P.receive(0) == nil, "failed sends delivered nothing")
local okc2, err2 = pcall(P.send, me)
ok(not okc2, "send with no message raises: " .. tostring(err2))

-- bad destinations
for _, d in ipairs({42, {}, true}) do
  local okc, err = pcall(P.send, d, "x")
  assert(not okc, "bad destination " .. tostring(d))
end
ok(true, "send to a number/table/boolean raises")
okc = pcall(P.send, nil, "x")
ok(not okc, "send to nil raises")

P.send("echo_srv", {"stop"})
print("send: all done")
