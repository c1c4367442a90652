-- lurel-only
-- ffi.alloc buffers are counted for the process and freed by the GC;
-- a process allocating without end is killed at its max_heap_size.
local P = process
local function mem() collectgarbage() return P.info(P.self()).memory end

local before = mem()
local b = ffi.alloc(1 << 20)
assert(mem() - before >= 1 << 20)
b = nil
assert(mem() - before < 64 * 1024)

-- churn: the GC keeps up
for i = 1, 2000 do local x = ffi.alloc(64 * 1024); assert(#x == 64 * 1024) end
assert(mem() - before < 1 << 20)

-- libraries and functions are collected too (dlclose when the last goes)
for i = 1, 200 do
  local l = ffi.open("libc.so.6")
  local f = l:func("abs", "int", {"int"})
  assert(f(-i) == i)
end
collectgarbage()

local pid, ref = P.spawn_monitor(function()
  P.flag("max_heap_size", 4 << 20)
  local keep = {}
  while true do keep[#keep + 1] = ffi.alloc(256 * 1024) end
end)
local down = P.receive({"DOWN", ref})
assert(down[5] == "max_heap_size", tostring(down[5]))
print("ok")
