-- lurel-only
-- otp_bench.lua — OTP workloads, the same as bench/otp_bench.erl on BEAM:
--   gen_server_call:    N synchronous calls to a counter gen_server
--                       (request in, reply out: one round trip each)
--   supervisor_restart: a one_for_one supervisor with one gen_server child;
--                       M times: kill the child, wait until the supervisor
--                       has restarted it (the new child's init tells us)
-- Usage: lurel bench/otp_bench.lua [N=200000] [M=5000]
-- Prints:
--   gen_server_call: N calls, X us/call
--   supervisor_restart: M restarts, X us/restart
-- The supervisor writes one report line per restart on stderr (redirect it).
local P = process
local N = tonumber(arg and arg[1]) or 200000
local M = tonumber(arg and arg[2]) or 5000

-- gen_server call round trip
local Counter = {}
function Counter.init(n) return "ok", n end
function Counter.handle_call(req, from, n) return "reply", n + 1, n + 1 end

local pid = gen_server.start_link(Counter, 0)
for _ = 1, 1000 do gen_server.call(pid, "inc") end          -- warm up
local t0 = P.monotonic()
for _ = 1, N do gen_server.call(pid, "inc") end
local t1 = P.monotonic()
assert(gen_server.call(pid, "inc") == N + 1001)
gen_server.stop(pid)
print(string.format("gen_server_call: %d calls, %.3f us/call", N, (t1 - t0) * 1000 / N))

-- supervisor restart
local me = P.self()
local Child = {}
function Child.init(owner) P.send(owner, {"up", P.self()}) return "ok", owner end
P.flag("trap_exit", true)
local sup = supervisor.start_link({strategy = "one_for_one", intensity = M + 10, period = 3600,
  children = {{id = "child", start = {gen_server.start_link, Child, me}, shutdown = "brutal_kill"}}})
local child = P.receive({"up"})[2]
t0 = P.monotonic()
for _ = 1, M do
  P.exit(child, "kill")
  child = P.receive({"up"})[2]
end
t1 = P.monotonic()
gen_server.stop(sup, "shutdown")
print(string.format("supervisor_restart: %d restarts, %.3f us/restart", M, (t1 - t0) * 1000 / M))
