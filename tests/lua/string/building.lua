-- building strings incrementally and via table.concat give the same result
local parts, s = {}, ""
for i = 1, 500 do
  local piece = string.format("%03d;", i)
  parts[#parts + 1] = piece
  s = s .. piece
end
local joined = table.concat(parts)
assert(s == joined and #s == 2000)
print(#s, s:sub(1, 12), s:sub(-8))
-- strings are values: modifying a copy is impossible, operations return new strings
local orig = "immutable"
local up = orig:upper()
assert(orig == "immutable" and up == "IMMUTABLE")
-- all byte values survive concatenation, sub and rep
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bin = table.concat(all)
local twice = bin .. bin
assert(#twice == 512 and twice:sub(257, 512) == bin and bin:rep(2) == twice)
local sum = 0
for i = 1, #twice do sum = sum + twice:byte(i) end
print(#twice, sum)
-- very long string operations
local big = string.rep("abcdefghij", 10000)
assert(#big == 100000)
local count = select(2, big:gsub("j", "j"))
assert(count == 10000)
print(#big, count, big:find("jab", 1, true), big:sub(99995))
-- string keys built at runtime are interned equal
local t = {}
for i = 1, 100 do t["k" .. i] = i end
local total = 0
for i = 1, 100 do total = total + t[string.format("k%d", i)] end
assert(total == 5050)
print(total)
-- numbers to strings in concatenation, including integer-valued floats
print(1 .. "", 1.0 .. "", 2^63 .. "", -0.0 .. "", 100 // 1 .. "", 7 / 7 .. "")
