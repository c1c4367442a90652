local cases = {
  { "10", 2 }, { "11111111", 2 }, { "777", 8 }, { "ff", 16 }, { "FF", 16 }, { "zz", 36 }, { "ZZ", 36 },
  { "z", 35 }, { "10", 36 }, { "  101  ", 2 }, { "-ff", 16 }, { "+7", 8 }, { "2", 2 }, { "1.5", 10 },
  { "", 10 }, { " ", 16 }, { "0x10", 16 }, { "7fffffffffffffff", 16 }, { "8000000000000000", 16 },
  { "ffffffffffffffff", 16 }, { "10000000000000000", 16 }, { "1e2", 10 }, { "123", 10 }, { "-0", 10 },
  { "1 0", 10 }, { "--1", 10 }, { "9", 9 }, { "abc", 13 }, { "\t42\n", 10 }, { "-", 10 },
}
for i, c in ipairs(cases) do
  local v = tonumber(c[1], c[2])
  print(i, string.format("%q", c[1]), c[2], math.type(v) or "nil", v)
end
assert(tonumber("ff", 16) == 255 and tonumber("-ff", 16) == -255)
assert(tonumber("zz", 36) == 1295 and tonumber("11111111", 2) == 255)
assert(tonumber("8", 8) == nil and tonumber("1.5", 10) == nil)
-- every base
local out = {}
for b = 2, 36 do out[#out + 1] = tonumber("10", b) end
print(table.concat(out, " "))
-- digits of each value
local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
for b = 2, 36 do
  assert(tonumber(digits:sub(b, b), b) == b - 1)
  assert(tonumber(digits:sub(b, b):upper(), b) == b - 1)
  if b < 36 then assert(tonumber(digits:sub(b + 1, b + 1), b) == nil) end
end
-- errors
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, "10", 0))
print(pcall(tonumber, 10, 10))
print(pcall(tonumber, "10", "x"))
print(pcall(tonumber, "10", 2.5))
print(tonumber("10", 16.0))
