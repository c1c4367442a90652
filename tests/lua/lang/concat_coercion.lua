-- concatenation converts numbers to strings
assert(1 .. "" == "1")
assert(1.0 .. "" == "1.0")
assert(-0.0 .. "" == "-0.0")
assert(1e15 .. "" == "1e+15")
assert(2^63 .. "" == "9.2233720368548e+18")
assert(math.mininteger .. "" == "-9223372036854775808")
assert(10 // 3 .. "" == "3")
assert(10 / 2 .. "" == "5.0")
assert(0.1 .. "" == "0.1")
print(1 .. 2, 1.5 .. "|", 1e100 .. "", -1e-7 .. "", 123456789012345 .. "", 1/3 .. "")
print(2^24 .. "", 2^53 .. "", 100000000000000 .. "", 1e14 .. "", 123456.789e3 .. "")
print(3 .. 4 .. 5, "a" .. 1 + 2 .. "b")
local t = {}
for i = 1, 5 do t[#t + 1] = i / 2 end
print(table.concat(t, " "))
-- errors for non-string/number
local function e(f) local ok, m = pcall(f); assert(not ok); print((m:gsub("^.-:%d+: ", ""))) end
e(function() return "a" .. {} end)
e(function() return {} .. "a" end)
e(function() return "a" .. nil end)
e(function() return true .. "" end)
local x
e(function() return "x" .. x end)
local tab = {}
e(function() return tab.field .. "x" end)
e(function() return 1 .. tab end)
-- long concatenation chains
local parts = {}
local s = ""
for i = 1, 100 do s = s .. i .. "," end
assert(#s == 292)
print(#s, s:sub(1, 20))
local big = "a" .. "b" .. "c" .. "d" .. "e" .. "f" .. "g" .. "h" .. 1 .. 2.5 .. "z"
assert(big == "abcdefgh12.5z")
print(big)
