-- character classes over all 256 byte values (C locale)
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bytes = table.concat(all)
local classes = { "a", "c", "d", "g", "l", "p", "s", "u", "w", "x" }
for _, c in ipairs(classes) do
  local lower = select(2, bytes:gsub("%" .. c, ""))
  local upper = select(2, bytes:gsub("%" .. c:upper(), ""))
  assert(lower + upper == 256)
  local printable = bytes:sub(33, 127):gsub("[^%" .. c .. "]", "")
  print("%" .. c, lower, upper, printable)
end
assert(select(2, bytes:gsub("%a", "")) == 52)
assert(select(2, bytes:gsub("%d", "")) == 10)
assert(select(2, bytes:gsub("%x", "")) == 22)
assert(select(2, bytes:gsub("%s", "")) == 6)
assert(select(2, bytes:gsub("%c", "")) == 33)
assert(select(2, bytes:gsub("%p", "")) == 32)
assert(select(2, bytes:gsub("%g", "")) == 94)
-- which whitespace characters are %s
local ws = {}
for i = 0, 255 do if string.char(i):match("%s") then ws[#ws + 1] = i end end
print("space bytes", table.concat(ws, " "))
-- classes inside sets and their complements
print(("abc123_-!"):gsub("[%w_]", "."))
print(("abc123_-!"):gsub("[^%w_]", "."))
print(("Hello World"):gsub("%u", "U"), ("Hello World"):gsub("%L", "#"))
print(("tab\tnew\nline"):gsub("%s", "_"), ("a1b2"):gsub("%D", ""))
-- %x is hexadecimal digits
print(("0x1F zz 9a"):gsub("%x", "h"))
-- a non-alphanumeric escaped char matches itself
print(("a.b*c"):gsub("%.", "!"), ("a.b*c"):gsub("%*", "!"), ("50%"):gsub("%%", " percent"))
