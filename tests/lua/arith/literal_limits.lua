-- integer literals near the 64-bit limits: in source, via tonumber and via load
local src_vals = {
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
  "18446744073709551615", "18446744073709551616", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000",
  "0xFFFFFFFFFFFFFFFF", "0x1FFFFFFFFFFFFFFFF", "1e19", "9223372036854775807.0",
}
for _, s in ipairs(src_vals) do
  local from_load = load("return " .. s)()
  local from_ton = tonumber(s)
  print(string.format("%-24s %-8s %-22s %-8s %s", s, math.type(from_load), tostring(from_load), math.type(from_ton), tostring(from_ton)))
  assert(from_load == from_ton)   -- subtypes may differ: "-N" in source is unary minus applied to N
end
-- arithmetic on string forms of these values
print("9223372036854775807" + 1, "9223372036854775808" + 0, "0xFFFFFFFFFFFFFFFF" * 1)
