-- tostring / print of floats uses "%.14g" and adds ".0" to integral values
local vals = {
  0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e14, 1e15, 1e16,
  1e100, -1e100, 1e-5, 1e-7, 123456789012345.0, 1234567890123456.0, 2^53, 2^63, 2^64,
  -2^63, 3.14159265358979, 1 / 0, -1 / 0, 5e-324, 1.7976931348623157e308, 2.5e-10,
  12345678.9, 0.000123, 1e300 * 10, 255 / 256, 99999999999999.5, 314.16e-2,
}
for i, v in ipairs(vals) do
  print(i, v, tostring(v), string.format("%.14g", v))
end
assert(tostring(1e100) == "1e+100")
assert(tostring(-0.0) == "-0.0")
assert(tostring(1 / 0) == "inf" and tostring(-1 / 0) == "-inf")
assert(tostring(100.0) == "100.0" and tostring(1e15) == "1e+15")
assert(tostring(0.1 + 0.2) == "0.3")
assert(tostring(2^63) == "9.2233720368548e+18")
assert(tostring(3) == "3" and tostring(-3) == "-3")
assert(1e15 .. "" == "1e+15" and 10 / 2 .. "" == "5.0")
-- integers print as integers
print(0, -0, math.maxinteger, math.mininteger, 1e2 // 1, 7 // 2)
