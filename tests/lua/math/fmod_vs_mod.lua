-- math.fmod truncates (C fmod); % floors
local vals = { 7, -7, 7.5, -7.5, 0, 3 }
local divs = { 3, -3, 2.5, -2.5 }
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs(divs) do
    local f, m = math.fmod(a, b), a % b
    assert(f == 0 or (f > 0) == (a > 0))
    assert(m == 0 or (m > 0) == (b > 0))
    assert(math.abs(f) < math.abs(b) and math.abs(m) < math.abs(b))
    row[#row + 1] = string.format("%s/%s", tostring(f), tostring(m))
  end
  print(a, table.concat(row, " "))
end
-- integer fmod stays integer, mixed becomes float
print(math.type(math.fmod(7, 3)), math.type(math.fmod(7, 3.0)), math.type(math.fmod(7.0, 3)))
-- large integers: fmod is exact for integers
print(math.fmod(math.maxinteger, 10), math.maxinteger % 10, math.fmod(math.mininteger, 10), math.mininteger % 10)
print(math.fmod(math.mininteger, math.mininteger), math.fmod(5, math.mininteger), math.fmod(-5, math.maxinteger))
