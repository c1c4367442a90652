-- lurel-only
-- process_bench.lua — the Lurel side of bench/beam_reference.erl:
-- the same workloads, the same names and units on each line.
--   build/lurel bench/process_bench.lua                 all workloads, default sizes
--   build/lurel bench/process_bench.lua WORKLOAD [N]    one of them (N: size of many, timers)
--   build/lurel bench/process_bench.lua FN=A[,B] ...    calls, in this order, named as the
--       Erlang functions, e.g. spawn_bench=100000 ring=1000,1000 selrecv=0,100000
--       (what bench/run_procbench.py runs; it calls the same on BEAM)
local P = process
local now = P.monotonic            -- milliseconds (float)
local fmt = string.format

local function t(f)
  local t0 = now()
  local r = f()
  return (now() - t0) * 1e6, r     -- nanoseconds, like the Erlang side
end

-- spawn N processes that block in receive, then tell them to die
local function spawn_bench(n)
  local pids = {}
  local ns = t(function()
    for i = 1, n do pids[i] = P.spawn(function() P.receive("die") end) end
  end)
  for i = 1, n do P.send(pids[i], "die") end
  print(fmt("spawn: %d procs, %.3f us/spawn", n, ns / n / 1000))
end

-- spawn + run to completion
local function spawn_exit(n)
  local self = P.self()
  local ns = t(function()
    for _ = 1, n do P.spawn(function() end) end
    P.spawn(function(s) P.send(s, "done") end, self)
    P.receive("done")
  end)
  print(fmt("spawn+exit: %d procs, %.3f us each", n, ns / n / 1000))
end

-- ring of N processes, token goes round M times => N*M hops
local function ring_node(nxt)
  while true do
    local tok = P.receive()
    if tok == "stop" then P.send(nxt, "stop") return end
    P.send(nxt, tok)
  end
end

local function ring_first(parent)
  local init = P.receive({"init"})
  local nxt = init[2]
  P.send(nxt, {"tok", init[3]})
  while true do
    local tok = P.receive({"tok"})
    if tok[2] == 1 then
      P.send(nxt, "stop")
      P.send(parent, "ring_done")
      return
    end
    P.send(nxt, {"tok", tok[2] - 1})
  end
end

local function ring(n, m)
  local self = P.self()
  local first = P.spawn(ring_first, self)
  local last = first
  for _ = 2, n do last = P.spawn(ring_node, last) end
  local ns = t(function()
    P.send(first, {"init", last, m})
    P.receive("ring_done")
  end)
  print(fmt("ring: N=%d M=%d hops=%d %.3f us/hop", n, m, n * m, ns / (n * m) / 1000))
end

-- ping-pong round trips
local function pong()
  while true do
    local msg = P.receive()
    if msg == "stop" then return end
    P.send(msg[1], msg[2])
  end
end

local function pingpong(n)
  local pid = P.spawn(pong)
  local self = P.self()
  local ns = t(function()
    for i = n, 1, -1 do
      P.send(pid, {self, i})
      P.receive(P.any(i))       -- Erlang's `receive N ->` (a number alone would be a timeout)
    end
  end)
  P.send(pid, "stop")
  print(fmt("pingpong: %d round trips, %.3f us/roundtrip", n, ns / n / 1000))
end

-- selective receive with Q junk messages queued: fresh ref vs plain tag
local function srv()
  while true do
    local msg = P.receive()
    if msg == "stop" then return end
    P.send(msg[1], {msg[2], "ok"})
  end
end

local function selrecv(q, iters)
  local self = P.self()
  for i = 1, q do P.send(self, {"junk", i}) end
  local s = P.spawn(srv)
  local nsref = t(function()
    for _ = 1, iters do
      local ref = P.make_ref()
      P.send(s, {self, ref})
      P.receive({ref, "ok"})
    end
  end)
  local nstag = t(function()
    for i = 0, iters - 1 do
      P.send(s, {self, i})
      P.receive({i, "ok"})
    end
  end)
  P.send(s, "stop")
  while P.receive(0) ~= nil do end      -- flush
  print(fmt("selrecv: queue=%d ref-trick %.3f us/call, plain-tag %.3f us/call",
            q, nsref / iters / 1000, nstag / iters / 1000))
end

-- spawn N idle processes; memory per process from the VM's own accounting
local function many(n)
  collectgarbage()
  local m0 = collectgarbage("count") * 1024
  local pids = {}
  local ns = t(function()
    for i = 1, n do pids[i] = P.spawn(function() P.receive("die") end) end
  end)
  -- every process has run to its receive before we look
  P.yield()
  local total = 0
  for i = 1, n, math.max(1, n // 1000) do
    local inf = P.info(pids[i])
    if inf then total = total + inf.memory end
  end
  local sampled = #pids // math.max(1, n // 1000)
  print(fmt("many: %d procs in %.1f ms (%.3f us each), %.1f bytes/proc (process memory, sampled)",
            n, ns / 1e6, ns / n / 1000, total / math.max(1, sampled)))
  for i = 1, n do P.send(pids[i], "die") end
  local _ = m0
end

-- a million pending timers: processes each in receive with a different timeout
local function timers(n)
  local self = P.self()
  local ns_setup = t(function()
    for i = 1, n do
      P.spawn(function(parent, ms)
        P.receive(ms)
        P.send(parent, "fired")
      end, self, 1000 + (i % 1000))
    end
    P.yield()
  end)
  local t0 = now()
  for _ = 1, n do P.receive("fired") end
  local ns_fire = (now() - t0) * 1e6
  print(fmt("timers: %d pending, setup %.3f us each, all fired after %.1f ms",
            n, ns_setup / n / 1000, ns_fire / 1e6))
end

local which = arg and arg[1]
local fns = {spawn_bench = spawn_bench, spawn_exit = spawn_exit, ring = ring,
             pingpong = pingpong, selrecv = selrecv, many = many, timers = timers}
print(fmt("Lurel %s, one scheduler", _VERSION))
if which and which:find("=", 1, true) then
  for i = 1, #arg do
    local name, list = arg[i]:match("^([%w_]+)=([%d,]+)$")
    local f = name and fns[name]
    if not f then error("process_bench: bad call " .. arg[i] .. " (want FN=A[,B])") end
    local a = {}
    for x in list:gmatch("%d+") do a[#a + 1] = tonumber(x) end
    f(table.unpack(a))
  end
  return
end
local all = {
  {"spawn", function() spawn_bench(100000) end},
  {"spawn_exit", function() spawn_exit(100000) end},
  {"ring1000", function() ring(1000, 1000) end},
  {"ring100000", function() ring(100000, 10) end},
  {"pingpong", function() pingpong(1000000) end},
  {"selrecv0", function() selrecv(0, 100000) end},
  {"selrecv10000", function() selrecv(10000, 10000) end},
  {"selrecv100000", function() selrecv(100000, 1000) end},
  {"many", function() many(tonumber(arg and arg[2]) or 1000000) end},
  {"timers", function() timers(tonumber(arg and arg[2]) or 1000000) end},
}
for _, w in ipairs(all) do
  if which == nil or which == w[1] then w[2]() end
end
