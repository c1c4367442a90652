print()
print(nil)
print(1, 2.5, "s", true, false, nil)
print(nil, nil)
print("a\tb", "c")
print(-0.0, 1e100, 2^63, math.mininteger, 1 / 0, -1 / 0)
print(0x10, 1e2, 10 // 3, 10 / 2, 3 % -2, 2^-1)
local obj = setmetatable({}, { __tostring = function() return "OBJECT" end })
print(obj, obj)
print(tostring(1), tostring(1.0), tostring("x"), tostring(nil), tostring(true))
-- print does not call the global tostring (5.4 uses luaL_tolstring)
local saved = tostring
tostring = function() return "OVERRIDDEN" end
print(1, "x", obj)
tostring = saved
-- __name in the default representation
local named = setmetatable({}, { __name = "Widget" })
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
-- print calls __tostring and errors propagate
local bad = setmetatable({}, { __tostring = function() return {} end })
print(pcall(print, bad))
local bad2 = setmetatable({}, { __tostring = function() error("tostring error") end })
print(pcall(print, bad2))
-- io.write writes numbers and strings without separators
io.write(1, " ", 2.5, " ", "three", "\n")
io.write()
io.write("no newline;")
io.write(" done\n")
print(pcall(io.write, {}))
