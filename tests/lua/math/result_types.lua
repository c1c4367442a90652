-- subtypes of the results of math functions for integer and float arguments
local function T(v) return math.type(v) or type(v) end
local cases = {
  { "abs", { -3 } }, { "abs", { -3.0 } }, { "ceil", { 3 } }, { "ceil", { 3.5 } }, { "floor", { -3 } },
  { "floor", { -3.5 } }, { "fmod", { 7, 2 } }, { "fmod", { 7, 2.0 } }, { "max", { 1, 2 } }, { "max", { 1, 2.0 } },
  { "min", { 1.0, 2 } }, { "modf", { 3 } }, { "modf", { 3.5 } }, { "sqrt", { 4 } }, { "exp", { 0 } },
  { "log", { 1 } }, { "sin", { 0 } }, { "cos", { 0 } }, { "tan", { 0 } }, { "asin", { 0 } }, { "acos", { 1 } },
  { "atan", { 0 } }, { "deg", { 0 } }, { "rad", { 0 } }, { "tointeger", { 3.0 } }, { "tointeger", { 3 } },
  { "ult", { 1, 2 } }, { "type", { 1 } },
}
for _, c in ipairs(cases) do
  local r = table.pack(math[c[1]](table.unpack(c[2])))
  local types = {}
  for i = 1, r.n do types[i] = T(r[i]) .. ":" .. tostring(r[i]) end
  print(c[1], table.concat(c[2], ","), table.concat(types, " "))
end
