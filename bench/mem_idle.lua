-- lurel-only
-- mem_idle.lua — N idle processes, then exit; the same as bench/mem_idle.erl.
-- Memory per idle process is measured from outside, the same way on both
-- sides: peak RSS (/usr/bin/time -f %M) of a run with N = 1000000 minus that
-- of a run with N = 0, divided by N (bench/run_procbench.py does this).
--   build/lurel bench/mem_idle.lua [N=1000000]
-- Prints:
--   mem_idle: N procs, spawn loop T1 ms, all idle after T2 ms (X us each)
-- "all idle": a process spawned after the N sends "ready"; the run queue is
-- FIFO, so when it runs every one of the N has reached its receive.
local P = process
local N = tonumber(arg and arg[1]) or 1000000
local self = P.self()

local t0 = P.monotonic()
for _ = 1, N do P.spawn(function() P.receive("die") end) end      -- pids not kept
local t1 = P.monotonic()
P.spawn(function(s) P.send(s, "ready") end, self)
P.receive("ready")
local t2 = P.monotonic()
print(string.format("mem_idle: %d procs, spawn loop %.1f ms, all idle after %.1f ms (%.3f us each)",
                    N, t1 - t0, t2 - t0, N > 0 and (t2 - t0) * 1000 / N or 0))
io.stdout:flush()
os.exit(0)          -- at once, like erlang:halt/1: the N processes are still waiting
