local function m(s, p) local r = {} for x in s:gmatch(p) do r[#r + 1] = x end return table.concat(r, "|") end
print(m("abcxyz", "[abc]"), m("abcxyz", "[^abc]"), m("a-b-c", "[a-]"), m("a-b-c", "[-a]"))
print(m("Hello World 42", "[a-z]+"), m("Hello World 42", "[A-Z]"), m("Hello World 42", "[0-9]+"))
print(m("a]b]c", "[%]]"), m("a]b]c", "[]]"), m("a]b]c", "[^]]+"))
print(m("a^b^c", "[%^]"), m("a^b^c", "[b^]"), m("x[y]z", "[%[%]]"))
print(m("a.b,c;d", "[%.,;]"), m("a.b,c;d", "[^%.,;]+"))
print(m("under_score and-dash", "[%w_]+"), m("under_score and-dash", "[%w%-]+"))
print(m("abcdef", "[b-d]"), m("abcdef", "[^b-d]"), m("a1b2", "[%a%d]"), m("A-Z", "[A%-Z]"))
print(m("0123456789", "[2-5]+"), m("zzz", "[z-a]"), m("aaa", "[a-a]+"))
print(m("tab\tand space", "[\t ]"), m("x\0y\0", "[%z]"), m("x\0y\0", "[\0]"))
print(m("αβγ", "[\xCE]"), #m("αβγ", "[\x80-\xFF]+"))
-- a set followed by quantifiers
print(m("aaabbbccc", "[ab]+"), m("aaabbbccc", "[ab]-c"), m("xyz", "[xyz]?"), m("", "[a]*"))
-- errors
for _, p in ipairs({ "[a", "[", "[^", "[a-", "[%", "[]", "[^]" }) do
  print(p, pcall(string.find, "abc", p))
end
