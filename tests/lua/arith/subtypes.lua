-- integer and float subtypes of arithmetic results
local function T(x) return math.type(x) end
local cases = {
  {"1+2", 1 + 2}, {"1+2.0", 1 + 2.0}, {"1.5+1.5", 1.5 + 1.5},
  {"3-1", 3 - 1}, {"3-1.0", 3 - 1.0}, {"2*3", 2 * 3}, {"2*3.0", 2 * 3.0},
  {"6/3", 6 / 3}, {"7/2", 7 / 2}, {"7//2", 7 // 2}, {"7.0//2", 7.0 // 2},
  {"7%3", 7 % 3}, {"7%3.0", 7 % 3.0}, {"2^2", 2 ^ 2}, {"-2", -2}, {"-2.0", -2.0},
  {"1<<2", 1 << 2}, {"3.0|0", 3.0 | 0}, {"~0", ~0}, {"#'ab'", #"ab"},
  {"'2'+1", "2" + 1}, {"'2.0'+1", "2.0" + 1}, {"'0x10'*1", "0x10" * 1},
  {"10//0.0", 10 // 0.0}, {"0.0", 0.0}, {"-0.0", -0.0}, {"1e2", 1e2},
  {"maxint+0.0", math.maxinteger + 0.0}, {"2^63", 2^63}, {"3|0", 3 | 0},
}
for _, c in ipairs(cases) do
  print(c[1], T(c[2]), c[2])
end
assert(T(1 + 2) == "integer" and T(1 + 2.0) == "float")
assert(T(6 / 3) == "float" and 6 / 3 == 2)
assert(T(7 // 2) == "integer" and T(7.0 // 2) == "float")
assert(T(2 ^ 2) == "float")
assert(T("2" + 1) == "integer" and T("2.0" + 1) == "float")
assert(T(3.0 | 0) == "integer")
assert(1 == 1.0 and math.type(1) ~= math.type(1.0))
assert(T("x") == nil and T({}) == nil)
-- int and float keys are the same when equal
local t = {}
t[1] = "int"; t[1.0] = "float"
assert(t[1] == "float")
t[2^53] = "big"
assert(t[9007199254740992] == "big")
print(t[1], t[9007199254740992])
print(pcall(math.type))
