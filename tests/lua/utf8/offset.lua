-- utf8.offset: n-th character from a position, backwards, and n = 0.
local s = "aä€😀"               -- characters at 1 2 4 7, #s = 10
for n = -5, 6 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
for i = 1, 11 do io.write(tostring(utf8.offset(s, 0, i)), " ") end
print()
print(utf8.offset(s, 1, 4), utf8.offset(s, 2, 4), utf8.offset(s, -1, 4), utf8.offset(s, -2, 7))
print(utf8.offset(s, 3, -4), utf8.offset(s, -1, -4))
print(utf8.offset("abc", 5), utf8.offset("abc", 4), utf8.offset("abc", -4), utf8.offset("abc", 0, 4))
print(utf8.offset("abc", -3), utf8.offset("abc", 1, -1), utf8.offset("", 1), utf8.offset("", -1))
print(utf8.offset("\u{100}\u{200}", -1), utf8.offset("\u{100}\u{200}", 0, 2))
print(utf8.offset("\u{100}\u{200}", 2), utf8.offset("\u{100}\u{200}", 3), utf8.offset("\u{100}\u{200}", 4))
-- errors
print(pcall(utf8.offset, "a\u{100}", 1, 3))
print(pcall(utf8.offset, "abc", 1, 5))
print(pcall(utf8.offset, "abc", 1, 0))
print(pcall(utf8.offset, "abc", 1, -10))
print(pcall(utf8.offset, "abc", 1.5))
print(pcall(utf8.offset, "abc"))
print(pcall(utf8.offset))
print(pcall(function() return utf8.offset(s, 1, 3) end))
