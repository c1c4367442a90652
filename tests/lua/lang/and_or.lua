-- and/or return operand values and short-circuit
local calls = 0
local function side(v) calls = calls + 1; return v end
assert((1 and 2) == 2)
assert((nil and 2) == nil)
assert((false and error("x")) == false)
assert((1 or error("x")) == 1)
assert((nil or "d") == "d")
assert((false or nil) == nil)
assert((nil and nil) == nil)
assert((0 and "zero is true") == "zero is true")
assert(("" or 1) == "")
calls = 0
local r = side(false) and side(true)
assert(calls == 1 and r == false)
calls = 0
r = side(1) or side(2)
assert(calls == 1 and r == 1)
calls = 0
r = side(nil) or side(false) or side("third")
assert(calls == 3 and r == "third")
print(r, calls)
-- ternary idiom and its pitfall
local function tern(c, a, b) return c and a or b end
assert(tern(true, 1, 2) == 1 and tern(false, 1, 2) == 2 and tern(true, false, 2) == 2)
print(tern(true, "a", "b"), tern(nil, "a", "b"), tern(true, nil, "fallback"))
-- and/or in conditions with comparisons
local x = 5
local kind = x > 3 and "big" or "small"
assert(kind == "big")
local y
local val = y and y.field or "none"
assert(val == "none")
print(kind, val)
-- not
assert(not nil and not false and not not 0)
print(not nil, not 0, not not "")
-- results of comparisons as values
local t = { 1 < 2, 1 > 2, 1 == 1.0, "a" < "b", nil == false }
for i = 1, 5 do io.write(tostring(t[i]), i < 5 and " " or "\n") end
-- and/or with multiple returns truncate to one value
local function mr() return 1, 2 end
local p, q = mr() and mr()
assert(p == 1 and q == nil)
p, q = nil or mr()
assert(p == 1 and q == nil)
print(p, q)
-- long chains
local v = nil or false or nil or 0 and 1 and 2 or 3
assert(v == 2)
local a, b, c = 1, nil, 3
print(a and b and c, a and c, b or c, (a or b) and c)
