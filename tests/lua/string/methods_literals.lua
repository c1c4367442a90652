-- method calls on string literals and values through the string metatable
print(("abc"):upper(), ("%d-%d"):format(1, 2), ("x"):rep(3), ("hello"):sub(2, 3))
print(("a,b"):find(","), ("key=val"):match("(%w+)=(%w+)"))
print(#("abc"):rep(2), ("abc"):len(), ("ABC"):lower():upper():lower())
local s = "chained"
print(s:upper():reverse():sub(1, 3):lower())
print(("%s=%s"):rep(2, "&"):format("a", 1, "b", 2))
-- the functions are the ones in the string table
assert(("x").upper == string.upper and s.format == string.format)
-- long string literal methods
print(([[multi
line]]):gsub("\n", "\\n"))
-- method on a concatenation result
print(("a" .. "b"):upper(), (1 .. 2):rep(2))
-- string functions accept numbers where strings are expected
print(string.upper(12), string.rep(1, 3), string.len(1.5), string.reverse(123), string.format("%s", 0x10))
-- numbers do not have methods
print(pcall(function() local n = 12; return n:rep(2) end))
print(pcall(function() return ("x"):nosuchmethod() end))
-- string indexing with non-method keys
local str = "abc"
print(str.len == string.len, str[1], str.x)
