-- ring.lua — N processes in a ring pass a token around M times.
--
--   build/lurel docs/examples/ring.lua [N [M]]     (default 1000 processes, 10 rounds)
--
-- Processes are cheap: each starts with a small stack and heap of its own,
-- and a process waiting in receive costs nothing but memory.  Here every node
-- knows only the next one; the main process closes the ring, sends a token
-- once round, and counts the hops.

local N = tonumber(arg and arg[1]) or 1000
local M = tonumber(arg and arg[2]) or 10
assert(N >= 1 and M >= 1, "usage: ring.lua [N [M]]")

-- A node forwards every token to `next`, adding one hop, until it gets "stop",
-- which it passes on before ending (so the whole ring stops, in order).
local function node(next)
  while true do                      -- a while loop works as well as a tail call
    local msg = process.receive()
    if msg == "stop" then
      process.send(next, "stop")
      return
    end
    msg.hops = msg.hops + 1
    process.send(next, msg)
  end
end

local me = process.self()

-- Build the ring backwards: the last node sends to us, each new node sends
-- to the one built before it.  `first` ends up as the head of the ring.
local first = me
for _ = 1, N do first = process.spawn(node, first) end
print(("spawned %d processes (%d live, counting main)"):format(N, #process.list()))
assert(#process.list() == N + 1)

local t0 = process.monotonic()
for round = 1, M do
  process.send(first, {round = round, hops = 0})
  local token = process.receive({round = round})     -- back from the last node
  assert(token.hops == N, "lost a hop")
end
local ms = process.monotonic() - t0
print(("the token went round %d times: %d messages"):format(M, N * M))
io.stderr:write(("(%.1f ms, %.2f us per message)\n"):format(ms, ms * 1000 / (N * M)))

-- Stop the ring: "stop" travels round, each node passes it on and returns,
-- and it comes back to us.  (Had we not waited, the nodes would have ended
-- anyway: when the main process returns, the program ends.)
process.send(first, "stop")
assert(process.receive("stop", 10000) == "stop")
print("the ring is stopped")
