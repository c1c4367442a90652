-- patterns over binary data
local bin = "\0\1\2\255\254abc\0\128"
print(#bin, bin:find("\255"), bin:find("[\254\255]+"), bin:find("%z", 2))
print(bin:gsub("[\128-\255]", "H"):byte(1, -1))
print(select(2, bin:gsub("%c", "")), select(2, bin:gsub("%a", "")), select(2, bin:gsub("%W", "")))
print(("\xFF\xFE\xFD"):match("^[\xFD-\xFF]+$") ~= nil, ("\x7F"):match("%c") ~= nil)
local utf = "na\xC3\xAFve caf\xC3\xA9"
local chars = {}
for ch in utf:gmatch("[\0-\x7F\xC2-\xF4][\x80-\xBF]*") do chars[#chars + 1] = ch end
print(#utf, #chars)
print(utf:gsub("[\x80-\xFF]+", "?"))
