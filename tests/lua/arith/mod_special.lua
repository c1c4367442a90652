-- modulo and floor division with inf, nan, -0.0
local inf = math.huge
local function show(x)
  if x ~= x then return "nan" end
  if x == 0 and 1 / x < 0 then return "-0.0" end
  return tostring(x)
end
local pairs_ = {
  {5, inf}, {-5, inf}, {5, -inf}, {-5, -inf}, {5.5, inf}, {0.0, inf}, {-0.0, inf},
  {inf, 2}, {-inf, 2}, {5, 0.0}, {0.0, 5}, {-0.0, 5}, {0, -5.0}, {6, -3.0}, {-6, 3.0},
  {1e308, 3}, {3, 1e308}, {-3, 1e308},
}
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(show(a), show(b), "%", show(a % b), "//", show(a // b))
end
assert(5 % inf == 5 and -5 % inf == inf and 5 % -inf == -inf and -5 % -inf == -5)
assert(inf // 2 == inf and -inf // 2 == -inf)
local nan = 0 / 0
assert(nan ~= nan)
local r = nan % 2
assert(r ~= r)
r = 2 % nan
assert(r ~= r)
r = inf % 2
assert(r ~= r)
r = 1 % 0.0
assert(r ~= r)
assert(1 // 0.0 == inf and -1 // 0.0 == -inf)
r = 0 / 0.0
assert(r ~= r)
-- signed zero
assert(1 / (0.0 * -1) == -inf)
assert(1 / -0.0 == -inf and 1 / 0.0 == inf)
assert(-0.0 == 0.0)
print(show(-0.0 // 1), show(0.0 // -1), show(-0.0 % 1), show(0.0 % -1))
print(show(-(0.0)), show(0.0 * -1), show(-0.0 + 0.0), show(-0.0 - 0.0))
