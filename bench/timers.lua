-- lurel-only
-- timers.lua — a million pending timers: N processes, each in a receive with
-- its own timeout; the same as bench/timers.erl.
--   build/lurel bench/timers.lua [N=1000000] [BASE_MS=30000]
-- Process i waits for no message until its deadline T0 + BASE_MS + (i mod 1000)
-- ms (T0: the start; it computes its timeout from the deadline when it starts
-- waiting), then sends "fired" to the parent. So all deadlines fall in one
-- 999 ms window that opens BASE_MS after the start: BASE_MS must be longer
-- than the setup for the N timers to be pending at the same time
-- ("fired during setup" says how many were not).
-- Prints:
--   timers: N pending, setup X us each (S ms), fired during setup K,
--   last fired F ms after the first deadline (window 999 ms), late L ms
-- setup: from T0 until all N are waiting (a process spawned after them sends
-- "ready"; the run queue is FIFO); F: from the first deadline until the
-- parent has the N-th "fired"; L: F - 999, how far the last one is behind
-- its deadline.
local P = process
local N = tonumber(arg and arg[1]) or 1000000
local BASE = tonumber(arg and arg[2]) or 30000
local self = P.self()
-- upvalues, not globals: a process that touches `math` gets its own instance
-- of the library (several KB), which is not what this measures
local now, ceil = P.monotonic, math.ceil

local t0 = now()
local first = t0 + BASE
for i = 1, N do
  P.spawn(function(parent, deadline)
    local ms = deadline - now()
    P.receive(ms > 0 and ceil(ms) or 0)   -- a number alone: a timeout (whole ms, as on BEAM)
    P.send(parent, "fired")
  end, self, first + i % 1000)
end
P.spawn(function(s) P.send(s, "ready") end, self)
P.receive("ready")
local t1 = now()
local early = 0
while P.receive(0) ~= nil do early = early + 1 end   -- "fired" during setup
for _ = early + 1, N do P.receive("fired") end
local t2 = now()
local last = N >= 1000 and 999 or N % 1000
print(string.format("timers: %d pending, setup %.3f us each (%.1f ms), fired during setup %d, "
                    .. "last fired %.1f ms after the first deadline (window %d ms), late %.1f ms",
                    N, (t1 - t0) * 1000 / N, t1 - t0, early, t2 - first, last, t2 - first - last))
io.stdout:flush()
os.exit(0)
