-- %q produces literals that load back to the same value
local vals = {0, 1, -1, math.maxinteger, math.mininteger, 0.5, -0.0, 1/3, 1e300, -1e-300,
  2^53, 2^63, 1/0, -1/0, "", "abc", "a\0b", "\r\n\t\"\\", "\0001", "\1\0029", "\127\128\255",
  true, false}
for _, v in ipairs(vals) do
  local lit = string.format("%q", v)
  local back = load("return " .. lit)()
  print(lit, back == v or (v ~= v and back ~= back), math.type(back) == math.type(v))
end
local nan = string.format("%q", 0/0)
print(nan, load("return " .. nan)() ~= load("return " .. nan)())
print(string.format("%q", nil))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(load("return " .. string.format("%q", s))() == s)
print(pcall(string.format, "%q", {}), pcall(string.format, "%q", print))
print(pcall(string.format, "%10q", "x"))
