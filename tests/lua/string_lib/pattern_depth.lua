-- The matcher backtracks on an explicit stack bounded like lua5.4's
-- recursion: "pattern too complex" at the same depth, no crash on long
-- subjects.
local a300 = string.rep("a", 300)
print(#a300:match(string.rep("a?", 199)))
print(pcall(string.match, a300, string.rep("a?", 200)))
print(#a300:match(string.rep("a*", 250)))
print(#a300:match(string.rep("a-", 199) .. "$"))
print(pcall(string.match, a300, string.rep("a-", 200) .. "$"))
print(pcall(string.match, a300, string.rep("(a)", 32)))
print(pcall(string.match, a300, string.rep("(a)", 33)))
print(pcall(string.match, a300, string.rep("()", 33)))
print(select("#", a300:match(string.rep("(a?)", 32))))
print(#a300:match(string.rep("a?", 150) .. string.rep("(a)", 24) .. "()"))
print(pcall(string.match, a300, string.rep("a?", 150) .. string.rep("(a)", 25)))
print(pcall(string.match, a300, string.rep("a?", 148) .. string.rep("(a)", 25)))
-- the depth counts per start position, not per call
print(select(2, a300:gsub(string.rep("a?", 150), "")))

-- long subjects: linear patterns must be fine
local big = string.rep("ab", 500000)
print(#big:match(".*"), #big:match(".-$"), #big:match("^(.-)b$"))
print(big:find("ba", 999990, true), big:find("c"), big:find("abc", 1, true))
print(#big:gsub("a", ""), select(2, big:gsub("b", "%0")))
local n = 0
for _ in big:gmatch("ab") do n = n + 1 end
print(n)
print(#big:match("(%w+)"), big:match("%f[b]()", 1000))
print(#string.rep("(", 100000):match("%(+"), string.rep("(", 3000):match("%b()"))
print(#(string.rep("(", 50000) .. string.rep(")", 50000)):match("%b()"))
-- quadratic but finite: a failing lazy match on a medium subject
print(string.rep("a", 2000):match(".-b"), string.rep("a", 2000):find("a-b"))
