local s = "hello"
local lines = {}
for i = -7, 7 do
  local row = {}
  for j = -7, 7 do row[#row + 1] = string.format("%-5s", "'" .. s:sub(i, j) .. "'") end
  lines[#lines + 1] = string.format("%3d ", i) .. table.concat(row, "")
end
print(table.concat(lines, "\n"))
assert(s:sub(2) == "ello" and s:sub(-3) == "llo" and s:sub(2, -2) == "ell")
assert(s:sub(0) == "hello" and s:sub(10) == "" and s:sub(-100, 2) == "he")
assert(s:sub(3, 2) == "" and s:sub(math.mininteger, math.maxinteger) == "hello")
assert(s:sub(math.maxinteger) == "" and s:sub(1, math.mininteger) == "")
print(s:sub(math.mininteger), s:sub(-1, -1), s:sub(5, 5), s:sub(6, 6), ("").sub("", 1, 1))
print(("abc"):sub(2.0, 3.0), ("abc"):sub("2"))
print(pcall(string.sub))
print(pcall(string.sub, "x", {}))
print(pcall(string.sub, "x", 1, 1.5))
