-- lurel-only: the ffi has no lua5.4 counterpart; make bench runs it on its own (docs/benchmarks-ffi.md)
-- ffi_calls.lua — the cost of a C call through the ffi, against a call of a
-- built-in function and of a Lua function doing the same:
--   build/lurel bench/ffi_calls.lua [N]
local N = tonumber(arg and arg[1]) or 2000000
local now = process.monotonic
local fmt = string.format
local libc = assert(ffi.open("libc.so.6"))
local libm = assert(ffi.open("libm.so.6"))
local abs = libc:func("abs", "int", {"int"})
local strlen = libc:func("strlen", "size_t", {"string"})
local cos = libm:func("cos", "double", {"double"})
local snprintf = libc:func("snprintf", "int", {"pointer", "size_t", "string", "..."})
local buf = ffi.alloc(64)

local function bench(name, f, n)
  n = n or N
  local t0 = now()
  local acc = f()
  local ms = now() - t0
  print(fmt("%-22s %9d calls %8.1f ns/call  (check %s)", name, n, ms * 1e6 / n, tostring(acc)))
end

bench("lua function", function()
  local function labs(x) if x < 0 then return -x end return x end
  local s = 0
  for i = 1, N do s = s + labs(-i) end
  return s
end)
bench("math.abs (built-in)", function()
  local mabs, s = math.abs, 0
  for i = 1, N do s = s + mabs(-i) end
  return s
end)
bench("ffi abs(int)", function()
  local s = 0
  for i = 1, N do s = s + abs(-i) end
  return s
end)
bench("ffi strlen(string)", function()
  local s = 0
  for _ = 1, N do s = s + strlen("hello, world") end
  return s
end)
bench("ffi cos(double)", function()
  local s = 0.0
  for i = 1, N do s = s + cos(i * 1e-6) end
  return fmt("%.3f", s)
end)
local NV = N // 10
bench("ffi snprintf(...)", function()
  local s = 0
  for i = 1, NV do s = s + snprintf(buf, 64, "%d %s", i, "x") end
  return s
end, NV)
