local s = "aaabbb"
print(s:match("a*"), s:match("a+"), s:match("a-"), s:match("a?"), s:match("b*"), s:match("a-b"))
print(s:match("a*b"), s:match("a+b+"), s:match("a-b+"), s:match("(a-)(a*)b"))
print(("<a><b>"):match("<(.*)>"), ("<a><b>"):match("<(.-)>"), ("<a><b>"):match("<(.+)>"))
print(("xyz"):match("x?y?z?w?"), ("z"):match("x?y?z"), ("abc"):match("a?b?c?d"))
print(("  lead"):match("^%s*(.-)$"), ("trail  "):match("^(.-)%s*$"), ("  both  "):match("^%s*(.-)%s*$"))
print(("aaaa"):gsub("a-", "x"), ("aaaa"):gsub("a?", "x"), ("aaaa"):gsub("a*", "x"), ("aaaa"):gsub("a+", "x"))
-- quantifiers apply to single character classes only
print(("ababab"):match("ab*"), ("abbbab"):match("ab*"), ("ab"):match("(ab)*"))
print(("123abc"):match("%d+"), ("abc"):match("%d*"), ("abc"):match("%d+"))
print(("[[x]]"):match("%[+(.-)%]+"), ("aaa"):match("a-$"), ("aXbXc"):match("(.-)X"))
-- backtracking
print(("aaab"):match("a*ab"), ("xaaay"):match("x(a*)a(y)"), ("abcabc"):match("(.*)c"), ("abcabc"):match("(.-)c"))
print(("key = value = more"):match("^(.-)%s*=%s*(.*)$"))
print(("one.two.three"):match("^(.*)%.(.*)$"))
print(("one.two.three"):match("^(.-)%.(.*)$"))
-- a quantifier after a capture or anchor is literal
print(("a*"):match("a*"), ("+"):match("+"), ("x-"):find("-"), ("?"):find("?"))
-- long repetition
local long = string.rep("a", 10000) .. "b"
print(#long:match("a*"), long:find("a*b"), #long:match(".-b"), long:find("b"))
