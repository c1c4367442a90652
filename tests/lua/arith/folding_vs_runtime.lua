-- expressions with literal operands (folded by the compiler) must give the
-- same values and subtypes as the same operations done at run time
local function same(a, b) return math.type(a) == math.type(b) and (a == b or (a ~= a and b ~= b)) and (a ~= 0 or 1 / a == 1 / b) end
local x3, x2, x7, xm7, x2_5, x0f = 3, 2, 7, -7, 2.5, 0.0
local checks = {
  { 7 // 2, x7 // x2 }, { -7 // 2, xm7 // x2 }, { 7 % -2, x7 % -x2 }, { -7 % 2, xm7 % x2 },
  { 7 / 2, x7 / x2 }, { 2 ^ 3, x2 ^ x3 }, { 7 // 2.5, x7 // x2_5 }, { 7 % 2.5, x7 % x2_5 },
  { -0.0 * 1, -x0f * 1 }, { 0.0 * -1, x0f * -1 }, { 3 | 2, x3 | x2 }, { 7 ~ 2, x7 ~ x2 },
  { 1 << 63, 1 << (x7 * 9) }, { -1 >> 1, -1 >> (x2 - 1) }, { ~7, ~x7 }, { -(-7), -xm7 },
  { 9223372036854775807 + 1, math.maxinteger + (x2 - 1) }, { 2^53 + 1, 2^53 + (x2 - 1) },
  { 7 // 0.0, x7 // x0f }, { -7 % 0.0, xm7 % x0f }, { 1e308 * 10, 1e308 * (x7 + 3) },
  { 3.0 == 3, x3 + 0.0 == x3 }, { 1 < 1.5, x2 - 1 < x2_5 - 1 }, { "10" + 1, "10" + (x2 - 1) },
  { 10 // 3.0, (x7 + 3) // (x3 + 0.0) }, { 2^-1074, x2 ^ -1074 }, { 5 % math.huge, 5 % (1 / x0f) },
}
for i, c in ipairs(checks) do
  local ok = same(c[1], c[2])
  if not ok then print("MISMATCH", i, c[1], c[2]) end
  assert(ok, i)
end
print("folding agrees on", #checks, "expressions")
-- operations that cannot be folded still raise their errors at run time
print(pcall(load("return 1 // 0")))
print(pcall(load("return 1 % 0")))
print(pcall(load("return 1 | 1.5")))
print(pcall(load("return 'a' + 1")))
print(pcall(load("return 2^63 | 0")))
