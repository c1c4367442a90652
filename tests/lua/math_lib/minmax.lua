-- math.max / math.min compare with '<' like lua_compare: __lt metamethods
-- are called (in lua5.4's order), strings compare as strings, errors name
-- the operand types.
local log = {}
local mt = {__lt = function(a, b) log[#log+1] = a.v .. "<" .. b.v return a.v < b.v end, __name = "Obj"}
local function O(v) return setmetatable({v = v}, mt) end
print(math.max(O(3), O(7), O(1), O(9), O(2)).v, table.concat(log, " ")); log = {}
print(math.min(O(3), O(7), O(1), O(9), O(2)).v, table.concat(log, " ")); log = {}
print(pcall(math.max, O(1), 5))
print(table.concat(log, " ")); log = {}
print(pcall(math.max, 5, O(1)))
print(pcall(math.min, 5, {}))
print(pcall(math.min, {}, 5))
print(pcall(math.max, "a", "b", "c"), pcall(math.min, "b", "a", "c"))
print(pcall(math.max, setmetatable({}, {__lt = function() error("lt err") end}), {}))
print(pcall(math.max, setmetatable({}, {__lt = function() error("lt err2", 2) end}), {}))
print(pcall(math.max, setmetatable({}, {__name = "Thing"}), {}))
print(pcall(math.max, 1, 2, nil))
print(pcall(math.max, nil))
print(pcall(math.max, nil, 1))
print(math.max(1, 1.0), math.max(1.0, 1), math.min(1, 1.0), math.min(1.0, 1), math.max(math.maxinteger, 2^63), math.min(math.mininteger, -2^63))
print(math.max(2^53, 2^53 + 1), math.max(2^53 + 1, 2^53), math.min(0/0, 0/0, 1))
