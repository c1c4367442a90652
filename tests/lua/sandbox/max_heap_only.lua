-- lurel-only
-- lurel-args: --max-heap 2M
-- --max-heap without --sandbox: the default for every process; a process
-- may raise its own, and everything else is there.
local P = process
assert(P.flag("max_heap_size", 0) == 2 << 20)
assert(P.flag("max_heap_size", 8 << 20) == 2 << 20)      -- 0 meant the default
assert(P.flag("max_heap_size", 8 << 20) == 8 << 20)       -- raising is allowed
assert(io and ffi and os.getenv and loadfile)
local _, ref = P.spawn_monitor(function()
  local t = {}
  while true do t[#t + 1] = string.rep("z", 4096) .. #t end
end)
assert(P.receive({"DOWN", ref})[5] == "max_heap_size")
print("ok")
