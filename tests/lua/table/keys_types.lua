-- any value except nil and NaN can be a key
local t = {}
local ft, fn = {}, function() end
t[ft] = "table"; t[fn] = "function"; t[true] = "true"; t[false] = "false"
t[1] = "int"; t["1"] = "string"; t[1.5] = "float"; t[""] = "empty"; t["a\0b"] = "zero"
assert(t[ft] == "table" and t[fn] == "function" and t[true] == "true" and t[false] == "false")
assert(t[1] == "int" and t["1"] == "string" and t[1.5] == "float" and t[""] == "empty")
assert(t["a\0b"] == "zero" and t["a"] == nil)
assert(t[{}] == nil)
local count = 0
for _ in pairs(t) do count = count + 1 end
assert(count == 9)
print("count", count)
-- the same string built differently is the same key
local k1 = "ab" .. "cd"
local k2 = table.concat({ "a", "bcd" })
t[k1] = "joined"
assert(t[k2] == "joined" and t.abcd == "joined")
local long1 = string.rep("x", 100) .. "y"
local long2 = string.rep("x", 50) .. string.rep("x", 50) .. "y"
t[long1] = "long"
assert(t[long2] == "long")
print(t.abcd, t[long2])
-- keys are compared by raw equality, not __eq
local mt = { __eq = function() return true end }
local o1, o2 = setmetatable({}, mt), setmetatable({}, mt)
t[o1] = "o1"
assert(o1 == o2 and t[o2] == nil)
-- a table as a set of objects
local set = {}
local objs = {}
for i = 1, 10 do objs[i] = {}; set[objs[i]] = i end
local sum = 0
for k, v in pairs(set) do sum = sum + v end
assert(sum == 55)
set[objs[5]] = nil
sum = 0
for k, v in pairs(set) do sum = sum + v end
print("sum", sum)
-- booleans as keys in constructors
local b = { [true] = 1, [false] = 0 }
print(b[true], b[false], b[1 == 1])
