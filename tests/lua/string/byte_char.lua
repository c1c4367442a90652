local s = "ABCDE"
print(s:byte(), s:byte(1), s:byte(-1), s:byte(2, 4))
print(s:byte(0), s:byte(10), s:byte(-10, 2), s:byte(3, 2))
print(select("#", s:byte(1, -1)), select("#", s:byte(6)), select("#", s:byte(0)), select("#", s:byte(4, 100)))
print(("").byte(""), select("#", (""):byte()), select("#", (""):byte(1, -1)))
assert(s:byte(-1) == 69 and s:byte(1) == 65)
-- char and byte round trip for all byte values
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local str = table.concat(all)
assert(#str == 256)
for i = 0, 255 do assert(str:byte(i + 1) == i) end
local bytes = { str:byte(1, -1) }
assert(#bytes == 256 and bytes[1] == 0 and bytes[256] == 255)
assert(string.char(table.unpack(bytes)) == str)
print(#str, bytes[1], bytes[128], bytes[256])
print(string.char(), #string.char(), string.char(72, 105))
assert(string.char() == "")
-- float arguments with integral values
print(string.char(72.0, 105.0), s:byte(2.0))
-- errors
local function e(...) local ok, m = pcall(...); print(ok, m) end
e(string.char, 256)
e(string.char, -1)
e(string.char, 65, nil)
e(string.char, "x")
e(string.byte, s, 1.5)
e(string.byte)
-- bytes of multi-byte UTF-8 text
local u = "h\xC3\xA9llo \xE2\x82\xAC"
print(#u, u:byte(2, 3))
print(u:byte(-3, -1))
