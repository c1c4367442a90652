-- numeric literals
local function show(x) return math.type(x) .. " " .. tostring(x) end
local vals = {
  3, 3.0, 3.1416, 314.16e-2, 0.31416E1, 34e1,
  0xff, 0XBEBADA, 0x0.1E, 0xA23p-4, 0X1.921FB54442D18P+1,
  1e0, .5, 5., 0x.8, 0x8., 0x10, 1E+2, 1e-2,
  9223372036854775807, 9223372036854775808, 0x7fffffffffffffff,
  0xffffffffffffffff, 0x10000000000000000, 1e308, 2e308,
}
for i, v in ipairs(vals) do print(i, show(v)) end
assert(math.type(0x10) == "integer" and 0x10 == 16)
assert(0xA23p-4 == 162.1875)
assert(9223372036854775808 == 2^63 and math.type(9223372036854775808) == "float")
assert(0xffffffffffffffff == -1)
assert(0x10000000000000000 == 0)
assert(-9223372036854775808 == math.mininteger * 1.0)
assert(math.type(-9223372036854775808) == "float")
assert(math.mininteger == -9223372036854775807 - 1)
assert(2e308 == math.huge)
-- malformed numbers
for _, src in ipairs({ "return 3x", "return 0x", "return 1e", "return 1..2", "return 0xg", "return 1.2.3", "return 08z" }) do
  local f, m = load(src, "=num")
  print(src, f == nil, m)
end
-- leading zeros are decimal
assert(010 == 10)
print(010, 0e12, 00.5)
