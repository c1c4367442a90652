-- lurel-only
-- lurel-args: --sandbox --max-heap 4M
-- Every process has the sandbox's max_heap_size; no process can raise it
-- or turn it off; a runaway process is killed, the rest lives on.
local P = process
local LIMIT = 4 << 20
assert(P.flag("max_heap_size", 0) == LIMIT)           -- 0 (unlimited) is refused
assert(P.flag("max_heap_size", LIMIT * 10) == LIMIT)  -- so is raising it
assert(P.flag("max_heap_size", 1 << 20) == LIMIT)     -- lowering is allowed
assert(P.flag("max_heap_size", LIMIT) == 1 << 20)
assert(P.info(P.self()).memory < LIMIT)

local function runaway()
  local t = {}
  local i = 0
  while true do i = i + 1; t[i] = string.rep("x", 1000) .. i end
end

-- a plain spawn, and one that asks for no limit
local pid1, ref1 = P.spawn_monitor(runaway)
local pid2, ref2 = P.spawn_opt(runaway, {monitor = true, max_heap_size = 0})
local pid3, ref3 = P.spawn_opt(function()
  P.flag("max_heap_size", 0)
  runaway()
end, {monitor = true})
for _, ref in ipairs({ref1, ref2, ref3}) do
  local down = P.receive({"DOWN", ref})
  assert(down[5] == "max_heap_size", tostring(down[5]))
end
assert(not P.alive(pid1) and not P.alive(pid2) and not P.alive(pid3))
-- bigints count too
local _, ref4 = P.spawn_monitor(function()
  local v = bigint(3)
  while true do v = v * v end
end)
assert(P.receive({"DOWN", ref4})[5] == "max_heap_size")
print("ok")
