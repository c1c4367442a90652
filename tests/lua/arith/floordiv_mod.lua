-- floor division and modulo for all sign combinations
local function f(x) return math.type(x) == "float" and string.format("%.17g(f)", x) or tostring(x) end
local vals = { 7, -7, 3, -3, 0 }
for _, a in ipairs(vals) do
  for _, b in ipairs({ 3, -3, 2, -2, 1, -1, 7 }) do
    local q, r = a // b, a % b
    assert(q * b + r == a)
    assert(r == 0 or (r > 0) == (b > 0))
    io.write(a, "//", b, "=", q, " ", a, "%", b, "=", r, "; ")
  end
  io.write("\n")
end
-- floats
local fv = { 7.5, -7.5, 3.0, -3.0, 0.5, -0.5 }
for _, a in ipairs(fv) do
  local line = {}
  for _, b in ipairs({ 2.0, -2.0, 0.25, -0.25, 3, -3 }) do
    local q, r = a // b, a % b
    assert(math.type(q) == "float" and math.type(r) == "float")
    assert(r == 0 or (r > 0) == (b > 0))
    line[#line + 1] = f(q) .. "," .. f(r)
  end
  print(a, table.concat(line, " "))
end
assert(7 // 2 == 3 and -7 // 2 == -4 and 7 // -2 == -4 and -7 // -2 == 3)
assert(7 % 2 == 1 and -7 % 2 == 1 and 7 % -2 == -1 and -7 % -2 == -1)
assert(7.5 % 2 == 1.5 and -7.5 % 2 == 0.5 and 7.5 % -2 == -0.5 and -7.5 % -2 == -1.5)
assert(5.3 % 1 - 0.3 < 1e-12)
assert(math.mininteger // -1 == math.mininteger)
assert(math.mininteger % -1 == 0)
assert(math.maxinteger // -1 == -math.maxinteger)
assert(math.mininteger // 1 == math.mininteger)
print(math.mininteger // -1, math.mininteger % -1, math.maxinteger // math.mininteger, math.mininteger // math.maxinteger)
print(math.maxinteger % math.mininteger, math.mininteger % math.maxinteger, 3 % math.mininteger, -3 % math.mininteger)
