local values = { nil, true, false, 0, 1.5, "", "s", {}, print, function() end, math.huge, -0.0 }
local n = 12
for i = 1, n do io.write(type(values[i]), i < n and " " or "\n") end
assert(type(nil) == "nil" and type(1) == "number" and type("") == "string")
assert(type(type) == "function" and type({}) == "table" and type(true) == "boolean")
assert(type(string.format) == "function" and type(_G) == "table")
print(pcall(type))
print(type(type(1)), type(nil == nil))
-- type is not affected by metatables
local t = setmetatable({}, { __name = "MyType", __tostring = function() return "x" end })
print(type(t))
-- math.type vs type
print(type(1), math.type(1), type(1.0), math.type(1.0), type("1"), math.type("1"))
