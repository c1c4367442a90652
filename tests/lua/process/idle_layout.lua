-- lurel-only
-- What a small process is made of must not show: receive is one closure
-- shared by all processes (no upvalues, nothing to change), globals appear
-- on first use, spawn's argument carrier is gone at once.
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local r = P.receive
ok(type(r) == "function", "process.receive is a function")
ok(debug.getupvalue(r, 1) == nil, "it has no upvalue")
ok(debug.setupvalue(r, 1, 42) == nil, "so none can be set")
ok(debug.getinfo(r, "u").nups == 0, "getinfo says 0 upvalues")
ok(debug.upvalueid(r, 1) == nil, "and has no upvalue id")

local self = P.self()
-- a process that gets receive as an argument (copied: the same shared one)
local pid = P.spawn(function(recv, parent)
  local m = recv()
  P.send(parent, {m, recv == P.receive, rawequal(recv, process.receive)})
end, r, self)
P.send(pid, "hello")
local got = P.receive()
ok(got[1] == "hello", "a received receive works in another process")
ok(got[2] and got[3], "and it is that process's process.receive")

-- a process that never touches a global, then one that does
local p2 = P.spawn(function(parent)
  P.send(parent, P.receive())
end, self)
P.send(p2, "x")
ok(P.receive() == "x", "a process without globals receives")
local p3 = P.spawn(function(parent)
  local g = _G
  P.send(parent, {type(g), g.print == print, type(string.format), rawget(g, "nosuch")})
end, self)
local t = P.receive()
ok(t[1] == "table" and t[2] == true and t[3] == "function" and t[4] == nil,
   "globals appear when first used")

-- spawn arguments arrive intact (the carrier table is freed after unpacking)
local p4 = P.spawn(function(parent, a, b, c)
  collectgarbage()
  P.send(parent, {a, b.x, c})
end, self, 1, {x = "two"}, "three")
local u = P.receive()
ok(u[1] == 1 and u[2] == "two" and u[3] == "three", "spawn arguments intact")

-- many small processes, each waiting, all answer
local N = 2000
local pids = {}
for i = 1, N do pids[i] = P.spawn(function(parent, i) P.send(parent, P.receive() + i) end, self, i) end
for i = 1, N do P.send(pids[i], i) end
local sum = 0
for _ = 1, N do sum = sum + P.receive() end
ok(sum == N * (N + 1), "2000 idle processes woke and answered")
