-- integers and "short" floats survive tostring -> tonumber
local ints = { 0, 1, -1, 42, 1000000, math.maxinteger, math.mininteger, math.tointeger(2^53), -(1 << 40) }
for _, v in ipairs(ints) do
  local s = tostring(v)
  local back = tonumber(s)
  assert(back == v and math.type(back) == "integer", s)
  io.write(s, " ")
end
print()
local floats = { 0.5, -0.25, 1.0, 100.0, 1e100, 1e-100, 123.456, -7.0, 2^40, 1e15, 0.1 }
for _, v in ipairs(floats) do
  local s = tostring(v)
  local back = tonumber(s)
  assert(back == v and math.type(back) == "float", s)
  io.write(s, " ")
end
print()
-- %.17g round trips every float exactly
for _, v in ipairs({ 1 / 3, 0.1 + 0.2, math.pi, 2^-1074, 1.7976931348623157e308, -1e-310 }) do
  local s = string.format("%.17g", v)
  assert(tonumber(s) == v, s)
  io.write(s, " ")
end
print()
-- tostring(1/3) loses precision (14 digits), so it does not round trip
print(tostring(1 / 3), tonumber(tostring(1 / 3)) == 1 / 3)
-- strings are returned unchanged, other types by name
print(tostring("abc"), tostring(""), tostring(nil), tostring(false))
print(pcall(tostring))
