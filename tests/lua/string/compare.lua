local words = { "banana", "apple", "Apple", "apple pie", "apples", "", " ", "a", "B", "b", "123", "12", "1", "~", "\0", "a\0", "a\0b" }
table.sort(words)
local shown = {}
for i, w in ipairs(words) do shown[i] = string.format("%q", w) end
print(table.concat(shown, " "))
assert("a" < "b" and "A" < "a" and "" < "a" and "abc" < "abd" and "ab" < "abc")
assert("a\0" > "a" and "a\0b" > "a\0" and "a\0a" < "a\0b")
assert(not ("abc" < "abc") and "abc" <= "abc" and "abc" >= "abc")
assert("Z" < "a" and "9" < "A" and " " < "!")
assert("\255" > "\127")
print("a" < "b", "b" < "a", "a" <= "a", "a" >= "b", "10" < "9", "abc" == "abc", "abc" ~= "abd")
-- equality of strings built differently
local a = "hel" .. "lo"
local b = string.format("%s", "hello")
local c = ("olleh"):reverse()
assert(a == b and b == c and a == "hello")
print(a == b, rawequal(a, c))
-- long strings compare by content
local l1 = string.rep("x", 1000) .. "a"
local l2 = string.rep("x", 1000) .. "b"
assert(l1 < l2 and l1 ~= l2 and l1 == string.rep("x", 1000) .. "a")
print(l1 < l2, #l1)
