-- Every math function over a grid of arguments (integers, floats, the
-- extremes, inf, nan, numeric strings, bad values), results shown exactly
-- (subtype, and the float's mantissa and exponent), errors included.
-- exact representation of a float: mantissa integer and binary exponent
local function exact(x)
  if math.type(x) ~= "float" then return tostring(x) .. "(" .. tostring(math.type(x)) .. ")" end
  if x ~= x then return "nan" end
  if x == math.huge or x == -math.huge or x == 0 then return tostring(x) end
  local e = 0
  while x ~= math.floor(x) do x = x * 2; e = e - 1 end
  while math.abs(x) >= 2^53 do x = x / 2; e = e + 1 end
  return tostring(math.tointeger(x)) .. "p" .. e
end
local vals = {0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2, 3, 10, 100, 0.1, 1e-300, 1e300, 2^53, -2^53, 2^63, -2^63, 2^63 - 1024,
  math.maxinteger, math.mininteger, math.pi, -math.pi, math.huge, -math.huge, 0/0, 7, -7, 2.5, -2.5, 3.7, -3.7, 1/3, "3", "-2.5", "0x10", " 7 ", "1e2"}
local unary = {"abs", "ceil", "floor", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "deg", "rad", "tointeger", "type", "modf"}
for _, name in ipairs(unary) do
  local f = math[name]
  local out = {}
  for _, v in ipairs(vals) do
    local r = table.pack(pcall(function() return f(v) end))
    local s = {}
    for i = 2, r.n do s[#s + 1] = exact(r[i]) end
    out[#out + 1] = (r[1] and "" or "E:") .. table.concat(s, "/")
  end
  print(name, table.concat(out, " "))
end
local binary = {"fmod", "log", "atan", "max", "min", "ult"}
local bvals = {0, -0.0, 1, -1, 2, 3, -3, 10, 0.5, 2.5, -2.5, math.huge, -math.huge, 0/0, math.maxinteger, math.mininteger, 2^63, 7, -7, "2", "x"}
for _, name in ipairs(binary) do
  local f = math[name]
  for _, a in ipairs(bvals) do
    local out = {}
    for _, b in ipairs(bvals) do
      local r = table.pack(pcall(function() return f(a, b) end))
      local s = {}
      for i = 2, r.n do s[#s + 1] = exact(r[i]) end
      out[#out + 1] = (r[1] and "" or "E:") .. table.concat(s, "/")
    end
    print(name, tostring(a), table.concat(out, " "))
  end
end
print(math.max(3, 1, 4, 1, 5, 9, 2, 6), math.min(3, 1, 4, 1, 5, 9, 2, 6), math.max(1, 2.0, 2), math.min(2, 1.0, 1), math.max(-1), math.min("x"))
print(pcall(math.max, 1, 2, 3, "4"))
