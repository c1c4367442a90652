print(("hello world"):match("(h)(e)(l)(l)(o)"))
print(("hello world"):match("((h)(e))"))
print(("2024-01-15"):match("((%d+)-((%d+)-(%d+)))"))
print(("abc"):match("()a()b()c()"))
print(("abc"):find("(b)"), ("abc"):find("()b"), ("abc"):find("b()"))
print(("key=val"):match("(%w+)=()"))
print(string.gsub("hello world", "(o)", "[%1]"))
print(string.gsub("abc", "(%w)", "%1%1"))
print(string.gsub("hello", "()", "%1"))
print(string.gsub("abc", "(b)()", "%2"))
-- empty captures
print(("abc"):match("()"), ("abc"):match("(a*)b"), ("abc"):match("x*()"), #("abc"):match("(x*)"))
-- maximum number of captures is 32
local p32 = string.rep("(.)", 32)
local s32 = string.rep("x", 32)
print(select("#", s32:match(p32)))
print(pcall(string.match, s32 .. "x", string.rep("(.)", 33)))
-- captures in gmatch
local out = {}
for a, b in ("a1b2c3"):gmatch("(%a)(%d)") do out[#out + 1] = b .. a end
print(table.concat(out, ","))
out = {}
for pos in ("a,b,,c"):gmatch("(),") do out[#out + 1] = pos end
print(table.concat(out, " "))
-- nested captures with quantified content
print(("[[a][b]]"):match("%[(%[(.-)%])"))
print(("x = 1, y = 22"):match("(%a) = (%d+), (%a) = (%d+)"))
