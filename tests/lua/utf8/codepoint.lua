-- utf8.codepoint: ranges, negative positions, strict and lax decoding.
local s = "aä€😀"               -- 1, 2, 3 and 4 bytes: positions 1 2 4 7
print(#s)
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, 4), utf8.codepoint(s, 7))
print(utf8.codepoint(s, -4))
print(utf8.codepoint(s, 2, 4))
print(utf8.codepoint(s, 4, 3))   -- empty interval: nothing
print(select("#", utf8.codepoint(s, 4, 3)))
print(utf8.codepoint("abc", 3, 2))
print(select("#", utf8.codepoint("", 1, 0)))
print(utf8.codepoint("abc", -1), utf8.codepoint("abc", -3, -2))
print(utf8.codepoint("a\0b", 1, -1))
-- a sequence that starts in the range is decoded even past its end
print(utf8.codepoint(s, 7, 7))
-- bounds
print(pcall(utf8.codepoint, "abc", 0))
print(pcall(utf8.codepoint, "abc", 1, 4))
print(pcall(utf8.codepoint, "abc", 4))
print(pcall(utf8.codepoint, "abc", -10))
print(pcall(utf8.codepoint, "abc", 1, -10))
print(utf8.codepoint("abc", 4, 3))
-- invalid sequences
print(pcall(utf8.codepoint, "\xe4\xbd"))
print(pcall(utf8.codepoint, "\x80"))
print(pcall(utf8.codepoint, "a\xffb", 1, -1))
print(pcall(utf8.codepoint, "\xC0\x80"))           -- overlong
print(pcall(utf8.codepoint, "\xE0\x80\x80"))       -- overlong
print(pcall(utf8.codepoint, "\xF0\x80\x80\x80"))   -- overlong
print(pcall(utf8.codepoint, "\xED\xA0\x80"))       -- surrogate: strict only
print(utf8.codepoint("\xED\xA0\x80", 1, 1, true))
print(pcall(utf8.codepoint, "\xF4\x90\x80\x80"))   -- above 10FFFF
print(utf8.codepoint("\xF4\x90\x80\x80", 1, 1, true))
print(utf8.codepoint("\u{10FFFF}\u{7FFFFFFF}", 1, -1, true))
print(pcall(utf8.codepoint, "\u{7FFFFFFF}", 1))
print(pcall(utf8.codepoint, "\xFE\xBF\xBF\xBF\xBF\xBF\xBF", 1, 1, true))
print(pcall(utf8.codepoint, "\xFF", 1, 1, true))
print(pcall(function() return utf8.codepoint("\xFF") end))
-- argument errors
print(pcall(utf8.codepoint))
print(pcall(utf8.codepoint, {}))
print(pcall(utf8.codepoint, "abc", 1.5))
print(utf8.codepoint(123, 2))
