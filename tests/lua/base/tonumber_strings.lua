local inputs = {
  "10", "  10  ", "\t\n10\r\n", "10a", "a10", "", " ", "1e2", "1E+2", "1e-2", ".5", "5.", ".",
  "0x10", "0X1F", "0x", "0x1p4", "0x1P-2", "0x.8", "0xA.8p1", "-0x10", "- 1", "--1", "+1", "+-1",
  "1e", "e1", "1.2.3", "inf", "nan", "-inf", "infinity", "0x7fffffffffffffff", "0xffffffffffffffff",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
  "1" .. string.rep("0", 30), "0.1", "00012", "1_000", "١", "1\0", "0b101", "1e400", "-1e400", "4e-400",
}
for i, s in ipairs(inputs) do
  local v = tonumber(s)
  print(i, string.format("%q", s), math.type(v) or "nil", v)
end
-- numbers pass through unchanged
assert(tonumber(5) == 5 and math.type(tonumber(5)) == "integer")
assert(tonumber(5.5) == 5.5)
print(tonumber(nil), tonumber(true), tonumber({}), tonumber(print))
print(pcall(tonumber))
-- the string-to-number conversions used by arithmetic agree with tonumber
for _, s in ipairs({ "10", "0x10", "1e2", " 3 ", "0x1p4" }) do
  assert(s + 0 == tonumber(s) and math.type(s + 0) == math.type(tonumber(s)))
end
print("arith agrees")
