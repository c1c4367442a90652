-- %q output for every byte reads back to the same string
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local q = string.format("%q", s)
local back = load("return " .. q)()
assert(back == s)
print(#q, back == s)
-- individual control characters
local out = {}
for i = 0, 31 do out[#out + 1] = string.format("%q", string.char(i)) end
print(table.concat(out, " "))
print(string.format("%q", "\127"), string.format("%q", "\0" .. "9"), string.format("%q", "a\r\nb"))
-- strings with digits after escapes keep their meaning
for _, t in ipairs({ "\0001", "\0012", "\r1", "\n1", "\0\0\0" }) do
  assert(load("return " .. string.format("%q", t))() == t)
end
print("digit escapes ok")
