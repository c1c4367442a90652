-- float arithmetic whose results are exactly representable
local function f(x) return string.format("%.17g", x) end
print(f(0.5 + 0.25), f(1.5 * 4), f(10 / 4), f(2^-10), f(3 * 0.125), f(1e15 + 1), f(2^52 + 0.5))
print(f(0.1 + 0.2), f(0.3), 0.1 + 0.2 == 0.3, f(1 - 0.9), f(100 * 1.1))
print(f(1 / 3 * 3), f(2 / 3 + 1 / 3), f(math.sqrt(2) ^ 2))
print(f(2^53 - 1 + 0.5), f(2^53 + 2), f(-(2^53) - 1), f(4503599627370496.5))
print(f(1e16 + 1), f(123456789 * 1000000000.0), f(0.1 * 3), f(1e-320 * 1e10))
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(f(s), s == 1.0, math.abs(s - 1) < 1e-15)
-- Kahan summation recovers precision
local sum, c = 0.0, 0.0
for i = 1, 1000 do
  local y = 0.001 - c
  local t = sum + y
  c = (t - sum) - y
  sum = t
end
print(f(sum))
