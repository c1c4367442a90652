local s = "The year 2024 had 366 days; 2023 had 365."
print(s:find("%d+"))
print(s:find("(%d+) had (%d+)"))
print(s:find("(%d+) had (%d+)", 15))
print(s:find("%a+", 5))
print(s:find("^The"), s:find("^year"), s:find("%.$"), s:find("days;"))
print(s:find("()had()"))
print(s:find("h(a)(d)"))
print(("key = value"):find("^(%w+)%s*=%s*(%w+)$"))
print(("  trim  "):find("^%s*(.-)%s*$"))
print(("aaa"):find("a-"), ("aaa"):find("a*"), ("aaa"):find("a+"), ("aaa"):find("a?"))
print(("[test]"):find("%[(.-)%]"))
print(("f(a(b)c)d"):find("%b()"))
print(("THE (quick) fox"):find("%f[%a]%a+", 5))
-- match
print(s:match("%d+"), s:match("(%d+).-(%d+)"), s:match("(%a+);"), s:match("nothing"))
print(("hello"):match(".-"), ("hello"):match(".-$"), ("hello"):match("()ll()"))
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("x = 10, y = 20"):match("y = (%d+)"), ("abc"):match("^(a)"), ("abc"):match("^(b)"))
print(("hello"):match("l+", -3), ("hello"):match("l+", 10), ("hello"):match("h", -100))
-- match returning the whole match when there are no captures
print(("abc123def"):match("%a+%d+"), ("abc"):match(""), ("abc"):match("", 4), ("abc"):match("", 5))
-- numbers are converted to strings for the subject
print(string.find(12345, 34), string.match(3.5, "%d"), string.match(-10, "%-"))
