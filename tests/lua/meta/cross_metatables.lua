-- binary operations between objects with different metatables
local A = { __add = function(a, b) return "A.add" end, __eq = function() return true end, __lt = function() return true end,
  __concat = function() return "A.concat" end, __name = "A" }
local B = { __add = function(a, b) return "B.add" end, __eq = function() return false end, __le = function() return false end,
  __concat = function() return "B.concat" end }
local a, b = setmetatable({}, A), setmetatable({}, B)
print(a + b, b + a, a + 1, 1 + b)
print(a == b, b == a, a ~= b, b ~= a)
print(a < b, pcall(function() return b < a end))
print(pcall(function() return a <= b end), b <= a)
print(a .. b, b .. a, a .. "s", "s" .. b)
-- an object without metatable on one side
local plain = {}
print(a + plain, plain + a, pcall(function() return b * plain end))
print(a == plain, plain == a)
