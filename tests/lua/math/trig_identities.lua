local eps = 1e-12
local function close(a, b) return math.abs(a - b) <= eps * math.max(1, math.abs(a), math.abs(b)) end
local n = 0
for i = -20, 20 do
  local x = i * 0.37
  assert(close(math.sin(x) ^ 2 + math.cos(x) ^ 2, 1))
  assert(close(math.sin(2 * x), 2 * math.sin(x) * math.cos(x)))
  assert(close(math.tan(x), math.sin(x) / math.cos(x)))
  assert(close(math.atan(math.sin(x), math.cos(x)), math.atan(math.tan(x), 1) + (math.cos(x) < 0 and (math.sin(x) >= 0 and math.pi or -math.pi) or 0)))
  assert(close(math.exp(math.log(math.abs(x) + 1)), math.abs(x) + 1))
  assert(close(math.deg(math.rad(x)), x))
  n = n + 1
end
print("identities checked", n)
for _, x in ipairs({ -1, -0.5, 0, 0.5, 1 }) do
  assert(close(math.sin(math.asin(x)), x) and close(math.cos(math.acos(x)), x))
end
print(string.format("%.10f %.10f %.10f", math.asin(1) * 2, math.acos(-1), math.atan(1) * 4))
-- special values
print(math.sin(0.0), math.cos(0.0), math.tan(0.0), math.atan(0.0, -0.0) == math.pi, math.atan(-0.0, -1.0) == -math.pi)
print(string.format("%.6f %.6f", math.atan(1e300), math.atan(-1e300)))
