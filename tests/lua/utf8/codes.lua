-- utf8.codes: iteration, strict and lax, and invalid sequences.
local s = "aä€😀"
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("") do print("never") end
for p, c in utf8.codes("a\0b") do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes(12) do io.write(p, ":", c, " ") end
print()
-- surrogates and large values need lax
print(pcall(function() for p, c in utf8.codes("a\u{D800}b") do end end))
for p, c in utf8.codes("a\u{D800}b", true) do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("\u{7FFFFFFF}\u{110000}", true) do io.write(p, ":", c, " ") end
print()
print(pcall(function() for p, c in utf8.codes("\u{110000}") do end end))
-- invalid bytes
print(pcall(function() for p, c in utf8.codes("a\xffb") do io.write(p, " ") end end))
print(pcall(function() for p, c in utf8.codes("ab\xC0\x80") do io.write(p, " ") end end))
print(pcall(function() for p, c in utf8.codes("\xe4\xbd") do end end))
-- stray continuation bytes after a character are skipped (as in 5.4.4)
for p, c in utf8.codes("a\x80\x80b") do io.write(p, ":", c, " ") end
print()
-- the iterator itself
local f, str, ctl = utf8.codes("ab")
print(type(f), str, ctl)
print(f("ab", 0))
print(f("ab", 1))
print(f("ab", 2))
print(f("ab", -5))
print(f("ab", 10))
print(f("ab", 1.5))
print(f("ab"))
print(f("\u{100}b", 1))
print(pcall(f))
print(pcall(utf8.codes))
print(pcall(utf8.codes, {}))
local g = utf8.codes("x", true)
print(g ~= f, g("\u{D800}", 0))
print(pcall(f, "\u{D800}", 0))
