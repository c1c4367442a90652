-- numeric values at the edges of the integer and float ranges
print(math.maxinteger, math.maxinteger + 0.0, math.maxinteger // 1, math.maxinteger / 1)
print(math.mininteger, -math.mininteger, math.mininteger * -1, math.mininteger // -1, math.mininteger / -1)
print(2^63 == math.maxinteger + 1.0, 2^63 > math.maxinteger, -(2^63) == math.mininteger)
print(9007199254740993, 9007199254740993.0, 9007199254740993 == 9007199254740993.0)
print(0x7fffffffffffffff == math.maxinteger, 0xffffffffffffffff, 0x1p63, 0x1p-1074, 0x1.fffffffffffffp1023)
print(1.7976931348623157e308, 1.7976931348623159e308, 2.2250738585072014e-308, 4.9e-324, 2.4e-324)
print(math.type(1e308), math.type(0x10), math.type(0x10p0), math.type(1e2), math.type(100))
print(-9223372036854775807 - 1 == math.mininteger, math.type(-9223372036854775807 - 1))
