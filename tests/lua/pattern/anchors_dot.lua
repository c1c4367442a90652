print(("hello"):find("^h"), ("hello"):find("^e"), ("hello"):find("o$"), ("hello"):find("l$"))
print(("hello"):find("^hello$"), ("hello!"):find("^hello$"), (""):find("^$"), ("a"):find("^$"))
-- ^ and $ are literal when not at the pattern start/end
print(("a^b"):find("a^b"), ("a$b"):find("a$b"), ("$"):find("$"), ("^"):find("^^"))
print(("x$"):find("$$"), ("$x"):find("^%$"))
-- . matches any byte including newline and zero
print(("a\nb"):find("a.b"), ("a\0b"):find("a.b"), ("ab"):find("a.b"), (""):find("."))
print(("abc"):match("..."), ("abc"):match("...."), ("abc"):match(".-"), ("abc"):match(".*"))
-- init with anchors: ^ anchors at init
print(("abcabc"):find("^abc", 4), ("abcabc"):find("^abc", 2), ("abcabc"):match("^(.)", 3), ("abc"):match("^", 10))
-- gsub with anchors replaces at most once
print(("aaa"):gsub("^a", "X"), ("aaa"):gsub("a$", "X"), ("aaa"):gsub("^a*$", "X"))
print(("line1\nline2"):gsub("^", "> "), ("line1\nline2"):gsub("\n", "\n> "))
-- $ only at the very end (not before newline)
print(("abc\n"):find("c$"), ("abc\n"):find("\n$"))
