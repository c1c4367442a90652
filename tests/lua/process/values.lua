-- lurel-only
-- pids and refs as values: is_pid/is_ref, ==, table keys, tostring, type,
-- process.pid(text), make_ref uniqueness, travel in messages
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()
ok(type(me) == "userdata", "type(pid) is userdata")
ok(tostring(me):match("^<0%.%d+%.0>$") ~= nil, "tostring(pid) looks like <0.N.0>: " .. tostring(me))
ok(P.is_pid(me) and not P.is_ref(me), "is_pid(pid) true, is_ref(pid) false")

for _, v in ipairs({1, "x", {}, true, print, 1.5}) do
  assert(not P.is_pid(v) and not P.is_ref(v))
end
ok(not P.is_pid(nil) and not P.is_ref(nil), "is_pid/is_ref of nil are false")
ok(not P.is_pid(io.stdout) and not P.is_ref(io.stdout), "a file is neither pid nor ref")
ok(not P.is_pid(P._) and not P.is_ref(P._), "the wildcard is neither pid nor ref")

-- process.pid(text)
local txt = tostring(me)
ok(P.pid(txt) == me, "process.pid(tostring(self())) == self()")
ok(P.pid("<0.42.0>") == P.pid("<0.42.0>"), "process.pid of the same text gives equal pids")
ok(tostring(P.pid("<0.42.0>")) == "<0.42.0>", "tostring(process.pid('<0.42.0>'))")
ok(P.is_pid(P.pid("<0.42.0>")), "process.pid makes a pid")
ok(P.pid("<0.42.0>") ~= P.pid("<0.43.0>"), "different pids differ")
for _, bad in ipairs({"0.42.0", "<0.42>", "<a.b.c>", "", "<0.42.0>x"}) do
  local okc, err = pcall(P.pid, bad)
  assert(not okc, "process.pid(" .. bad .. ") should fail")
end
ok(true, "process.pid rejects malformed text")

-- a pid of a process that never existed: not alive, info nil, sends dropped
local ghost = P.pid("<0.999999.0>")
ok(P.alive(ghost) == false and P.info(ghost) == nil, "a never-used pid is not alive")
P.send(ghost, "hello")
ok(true, "sending to a never-used pid is silently dropped")

-- pids as table keys and ==
local child = P.spawn(function(parent)
  P.send(parent, {P.self(), P.self()})
  P.receive()
end, me)
local m = P.receive()
ok(m[1] == child and m[2] == child and m[1] == m[2], "pids from a message compare equal")
local t = {}
t[child] = "c"
t[me] = "m"
ok(t[m[1]] == "c" and t[P.self()] == "m", "pids work as table keys")
ok(t[P.pid(tostring(child))] == "c", "a pid made from text finds the same key")
local n = 0
for k, v in pairs(t) do n = n + 1 end
ok(n == 2, "two distinct pid keys")
ok(rawequal(m[1], child), "rawequal on equal pids")
P.send(child, "quit")

-- refs
local r1, r2 = P.make_ref(), P.make_ref()
ok(type(r1) == "userdata", "type(ref) is userdata")
ok(P.is_ref(r1) and not P.is_pid(r1), "is_ref(make_ref())")
ok(r1 ~= r2 and r1 == r1, "two refs differ, a ref equals itself")
ok(tostring(r1):match("^#Ref<[%d.]+>$") ~= nil, "tostring(ref) looks like #Ref<...>: " .. tostring(r1))
ok(tostring(r1) ~= tostring(r2), "different refs print differently")

local seen, count = {}, 0
for i = 1, 10000 do
  local r = P.make_ref()
  assert(seen[r] == nil, "duplicate ref")
  seen[r] = i
  count = count + 1
end
ok(count == 10000, "10000 refs are unique and usable as table keys")

-- refs made in other processes are unique too
local others = {}
for i = 1, 5 do
  P.spawn(function(parent)
    local rs = {}
    for j = 1, 100 do rs[j] = P.make_ref() end
    P.send(parent, rs)
  end, me)
end
for i = 1, 5 do
  local rs = P.receive()
  for _, r in ipairs(rs) do
    assert(seen[r] == nil, "duplicate ref across processes")
    seen[r] = true
  end
end
ok(true, "refs are unique across processes")

-- a ref sent and sent back is equal to the original and finds its key
local keyed = {[r1] = "one", [r2] = "two"}
local echo = P.spawn(function()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    P.send(m.from, {back = m.v})
  end
end)
P.send(echo, {from = me, v = r1})
local back = P.receive().back
ok(back == r1 and back ~= r2, "a ref survives a round trip")
ok(keyed[back] == "one", "a round-tripped ref finds its table key")
P.send(echo, {from = me, v = {me, child}})
back = P.receive().back
ok(back[1] == me and back[2] == child, "pids survive a round trip")
P.send(echo, "stop")

-- pids and refs are never equal to each other or to other types
ok(me ~= r1 and r1 ~= me, "a pid is not equal to a ref")
ok(me ~= 1 and me ~= "<0.1.0>", "a pid is not equal to a number or its text")

-- string.format %s and .. with tostring
ok(string.format("%s", me) == tostring(me), "string.format %s of a pid")

print("values: all done")
