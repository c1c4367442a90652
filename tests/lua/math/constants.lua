print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(math.type(math.pi), math.type(math.huge), math.type(math.maxinteger), math.type(math.mininteger))
assert(math.maxinteger == 9223372036854775807 and math.mininteger == -9223372036854775808)
assert(math.maxinteger + 1 == math.mininteger)
assert(math.huge > 1e308 and -math.huge < -1e308 and math.huge == 1 / 0)
assert(math.abs(math.pi - 3.141592653589793) == 0)
print(string.format("%.15f", math.pi), math.pi * 2, math.pi / 2)
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil), math.type({}))
print(pcall(math.type))
-- all §6.7 functions exist
local names = { "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "log", "max", "min", "modf",
  "rad", "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult", "asin", "acos", "atan" }
for _, n in ipairs(names) do assert(type(math[n]) == "function", n) end
print(#names, "functions present")
