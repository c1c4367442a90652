-- lurel-only: bigint has no lua5.4 counterpart; run_procbench.py runs it against bigint_fact.erl
-- bigint_fact.lua — big-number arithmetic: the Lurel side of bigint_fact.erl.
-- The same workloads and the same lines on each side (names, results,
-- milliseconds), so the two outputs can be read side by side:
--   build/lurel bench/bigint_fact.lua [N [M [R]]]
--   (cd bench && erlc bigint_fact.erl && erl -noshell -s bigint_fact main N M R -s init stop)
-- fact:   N! by a running product (one growing operand, one small)
-- fib:    F(M) by M additions of two growing numbers
-- square: R squarings of an R*64-bit number truncated back (big x big products)
-- text:   N! to decimal
-- Results are checked by their number of digits and digit sum.
local N = tonumber(arg and arg[1]) or 20000
local M = tonumber(arg and arg[2]) or 200000
local R = tonumber(arg and arg[3]) or 500
local now = process.monotonic
local fmt = string.format

local function digitsum(s)
  local sum = 0
  for j = 1, #s do sum = sum + s:byte(j) - 48 end
  return sum
end

local function timed(f)
  local t0 = now()
  local r = f()
  return now() - t0, r
end

local ms, f = timed(function()
  local p = bigint(1)
  for i = 2, N do p = p * i end
  return p
end)
local ts, s = timed(function() return tostring(f) end)
print(fmt("fact: n=%d digits=%d digitsum=%d %.1f ms", N, #s, digitsum(s), ms))

ms, f = timed(function()
  local a, b = bigint(0), bigint(1)
  for _ = 1, M do a, b = b, a + b end
  return a
end)
s = tostring(f)
print(fmt("fib: m=%d digits=%d digitsum=%d %.1f ms", M, #s, digitsum(s), ms))

ms, f = timed(function()
  local mod = bigint(2) ^ (R * 64)
  local x = bigint(3) ^ (R * 40) + 12345
  for _ = 1, R do x = (x * x + 1) % mod end
  return x
end)
s = tostring(f)
print(fmt("square: r=%d digits=%d digitsum=%d %.1f ms", R, #s, digitsum(s), ms))
print(fmt("text: n=%d %.1f ms", N, ts))
