-- lurel-only
-- lurel-args: --sandbox
-- Without --max-heap the sandbox gives every process 64 MB.
local P = process
assert(P.flag("max_heap_size", 0) == 64 << 20)
local pid, ref = P.spawn_monitor(function()
  assert(P.flag("max_heap_size", 0) == 64 << 20)
  local t = {}
  while true do t[#t + 1] = string.rep("y", 1 << 20) .. #t end
end)
local down = P.receive({"DOWN", ref})
assert(down[5] == "max_heap_size", tostring(down[5]))
print("ok")
