-- strings share a metatable whose __index is the string table
local s = "Hello"
assert(s:upper() == "HELLO" and s:len() == 5 and s:sub(2, 3) == "el")
assert(("x"):rep(3) == "xxx")
assert(#s == 5)
print(s:upper(), s:lower(), s:byte(1), s:rep(2, "-"))
local mt = getmetatable("")
assert(mt == getmetatable("other") and mt.__index == string)
-- adding a function to the string table makes it a method
function string.shout(str) return str:upper() .. "!" end
assert(("hey"):shout() == "HEY!")
print(s:shout())
string.shout = nil
-- indexing a string with a number gives nil (string table lookup)
print(s[1], s.len == string.len)
-- arithmetic metamethods in the string metatable convert strings
print(type(mt.__add), type(mt.__unm), type(mt.__concat), type(mt.__band))
print("10" + 5, "3" * "4", "2" ^ 2, -"3", "7" // 2, "7" % 4, "1" - "0.5", "8" / "2")
-- method call on a number literal needs parentheses; numbers have no metatable
print(getmetatable(1), pcall(function() local n = 5; return n:foo() end))
-- string methods through the metatable on results of expressions
local words = ("one two three"):gsub("%a+", string.upper)
print(words, ("%d-%s"):format(5, "x"), ("abc"):reverse():upper())
