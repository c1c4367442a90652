print(("f(a(b)c)d"):match("%b()"), ("x{a{b}c}y{d}"):match("%b{}"), ("[[]]"):match("%b[]"))
print(("no parens"):match("%b()"), ("(unclosed"):match("%b()"), ("closed)"):match("%b()"))
print(("\"quoted\" rest"):match("%b\"\""), ("<<a>b>"):match("%b<>"), ("aXbXc"):match("%bXX"))
print(("if (a and (b or c)) then"):gsub("%b()", "(...)"))
local out = {}
for blk in ("{a}{b{c}}{}x{d"):gmatch("%b{}") do out[#out + 1] = blk end
print(table.concat(out, " "))
print(("f(1, g(2, 3), h(4))"):match("^(%w+)(%b())$"))
print(("(a)(b)"):find("%b()", 2), ("((a)"):match("%b()"), (")("):match("%b()"))
-- same open and close characters
print(("|x|y|"):match("%b||"), ("''"):match("%b''"))
-- errors
print(pcall(string.find, "abc", "%b"))
print(pcall(string.find, "abc", "%ba"))
-- nesting depth
local deep = string.rep("(", 500) .. "x" .. string.rep(")", 500)
print(#deep:match("%b()"), deep:match("%b()") == deep)
