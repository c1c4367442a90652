-- init arguments of find/match/gmatch with patterns
local s = "one two three two one"
for _, init in ipairs({ math.mininteger, -100, -21, -3, -1, 0, 1, 5, 18, 21, 22, 23, 100 }) do
  print(init, s:find("t%a+", init), s:match("(%a+)$", init), s:find("", init))
end
print(s:find("two", 6), s:find("two", 7), s:find("two", -9), s:find("^two", 5), s:find("^two", 4))
print(s:match("o", -1), s:match("^o", -3), s:match(".$", 21), s:match(".", 22))
-- find returns positions relative to the whole string, not init
local p1, p2, cap = ("xxabcxx"):find("(b)", 3)
print(p1, p2, cap)
-- match with init and position captures
print(("hello"):match("()l", 4), ("hello"):match("()", 6), ("hello"):match("()", 7))
-- float init values with integral values
print(s:find("two", 6.0), pcall(string.find, s, "two", 6.5))
