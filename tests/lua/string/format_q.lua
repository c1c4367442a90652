local f = string.format
print(f("%q", "simple"))
print(f("%q", 'with "quotes" and \\ backslash'))
print(f("%q", "new\nline"))
print(f("%q", "tab\there, cr\rand zero\0end"))
print(f("%q", "\1\2\31\127\128\255"))
print(f("%q", "digit after zero \0001"))
print(f("%q", ""))
print(f("%q", 1), f("%q", -1), f("%q", 0), f("%q", math.maxinteger))
print(f("%q", math.mininteger))
print(f("%q", 1.5), f("%q", 0.1), f("%q", -2.0), f("%q", 1e100))
print(f("%q", math.huge), f("%q", -math.huge))
print(f("%q", true), f("%q", false), f("%q", nil))
-- %q output reads back as the same value
local vals = { "a\nb\0c\"d\\e", 42, -7.25, 1 / 3, math.mininteger, 2^63, "\r\n\t", true }
for i, v in ipairs(vals) do
  local back = load("return " .. f("%q", v))()
  assert(back == v and math.type(back) == math.type(v), i)
end
print("round trip ok")
print(pcall(f, "%q", {}))
print(pcall(f, "%q", print))
print(pcall(f, "%10q", "x"))
