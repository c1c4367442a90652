local smt = getmetatable("")
print(type(smt), smt == getmetatable("x"), smt.__index == string)
print(getmetatable({}), getmetatable(1), getmetatable(nil), getmetatable(print), getmetatable(false))
local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt)
mt.__metatable = "hidden"
print(getmetatable(t))
mt.__metatable = nil
print(getmetatable(t) == mt)
-- metatables are plain tables
mt.custom_field = "data"
print(getmetatable(t).custom_field)
-- rawequal / rawlen / rawget with metatables
local counted = setmetatable({ 1, 2 }, { __len = function() return 100 end, __index = function() return "dflt" end })
print(#counted, rawlen(counted), counted[5], rawget(counted, 5))
