-- lurel-only
-- Bigints are copied in messages and spawn arguments; the 'bigint' library
-- captured by a spawned closure is the receiver's own (still callable).
local P = process
local B = bigint
local big = B(2) ^ 200 + 12345
local self = P.self()

local pid = P.spawn(function(parent, v)
  local msg = P.receive()
  -- arithmetic on received values, and the library through an upvalue
  local t = msg.t
  local ok = msg.v == v and t[msg.v] == "key" and B(7) * 6 == 42 and t[5] == "five"
  P.send(parent, {ok = ok, sum = msg.v + v, list = {msg.v, msg.v}, same = rawequal(msg.v, v)})
end, self, big)

local t = {}
t[big] = "key"
t[B(5)] = "five"
P.send(pid, {v = big, t = t})
local r = P.receive()
assert(r.ok, "receiver saw the values")
assert(r.sum == big * 2)
assert(r.list[1] == big and r.list[2] == big)
assert(r.same)
assert(tostring(r.sum) == tostring(big * 2))

-- many bigints in one message
local list = {}
for i = 1, 100 do list[i] = B(3) ^ i end
P.send(self, list)
local got = P.receive()
for i = 1, 100 do assert(got[i] == B(3) ^ i) end

-- receive patterns match bigints by value
P.send(self, {"n", B(2) ^ 64})
local m = P.receive({"n", B(2) ^ 64})
assert(m[2] == B("18446744073709551616"))
print("ok")
