-- lurel-only
-- GMP memory counts for the process: process.info().memory sees it, the GC
-- gives it back, and max_heap_size kills a process whose bigints grow past it.
local P = process
local function mem() collectgarbage() return P.info(P.self()).memory end

local before = mem()
local x = bigint(3) ^ 2000000            -- about 3.2 Mbit = 400 KB of limbs
local during = mem()
assert(during - before > 350000, during - before)
x = nil
local after = mem()
assert(after - before < 100000, after - before)

-- a process computing ever larger numbers is killed at its limit
local pid, ref = P.spawn_monitor(function()
  P.flag("max_heap_size", 1 << 20)
  local v = bigint(7)
  while true do v = v * v end
end)
local down = P.receive({"DOWN", ref})
assert(down[5] == "max_heap_size", tostring(down[5]))

-- and one asking for a huge result at once, before any allocation
pid, ref = P.spawn_monitor(function()
  P.flag("max_heap_size", 1 << 20)
  return bigint(3) ^ 50000000
end)
down = P.receive({"DOWN", ref})
assert(down[5] == "max_heap_size", tostring(down[5]))

-- many short-lived bigints: the heap stays small
local acc = bigint(0)
for i = 1, 20000 do acc = acc + bigint(2) ^ 200 end
assert(acc == bigint(2) ^ 200 * 20000)
assert(mem() - before < 200000)
print("ok")
