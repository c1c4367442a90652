local s = "hello world, hello lua"
print(s:find("hello"), s:find("hello", 2), s:find("lua"), s:find("xyz"))
print(s:find("o w"), s:find("o", -3), s:find("l", -100), s:find("l", 100))
print(s:find(".", 1, true), s:find("l.", 1, true), s:find("(", 1, true))
print(("a.b.c"):find(".", 2, true), ("a+b"):find("+", 1, true), ("a%b"):find("%", 1, true))
-- empty pattern
print(s:find(""), s:find("", 5), s:find("", #s + 1), s:find("", #s + 2), s:find("", -1))
print((""):find(""), (""):find("", 1), (""):find("", 2), (""):find("", -1))
print(("abc"):find("", 10), ("abc"):find("", 4), ("abc"):find("", 0), ("abc"):find("", -10))
-- init handling
for _, init in ipairs({ -30, -5, -1, 0, 1, 5, 22, 23, 24, 30 }) do
  io.write(init, ":", tostring(s:find("l", init)), " ")
end
print()
-- plain search with special characters
local specials = "^$()%.[]*+-?"
for i = 1, #specials do
  local c = specials:sub(i, i)
  io.write(c, "=", tostring(("x" .. specials):find(c, 1, true)), " ")
end
print()
-- the 4th argument only matters when true
print(("a.c"):find(".", 1, false), ("a.c"):find(".", 1, nil), ("a.c"):find(".", 1, 1))
-- embedded zeros
local z = "ab\0cd\0"
print(z:find("\0"), z:find("\0", 4), z:find("cd\0"), z:find("\0", 1, true))
assert(s:find("world") == 7)
