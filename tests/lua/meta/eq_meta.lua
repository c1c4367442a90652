local calls = 0
local E = { __eq = function(a, b) calls = calls + 1; return a.v == b.v end }
local a, b, c = setmetatable({ v = 1 }, E), setmetatable({ v = 1 }, E), setmetatable({ v = 2 }, E)
assert(a == b and not (a ~= b) and a ~= c)
print(a == b, a ~= b, a == c, calls)
-- raw-equal values never call __eq
calls = 0
assert(a == a and calls == 0)
-- different types never call __eq
assert(a ~= 1 and a ~= "x" and a ~= nil and calls == 0)
-- only one operand with __eq is enough (first checked, then second)
local plain = { v = 1 }
print(a == plain, plain == a, calls)
-- result converted to boolean
local W = { __eq = function() return "truthy" end }
local w1, w2 = setmetatable({}, W), setmetatable({}, W)
assert((w1 == w2) == true)
local Z = { __eq = function() return nil end }
local z1, z2 = setmetatable({}, Z), setmetatable({}, Z)
assert((z1 == z2) == false and (z1 ~= z2) == true)
print(w1 == w2, z1 == z2, z1 ~= z2)
-- different __eq functions: the first operand's is used
local F1 = { __eq = function() return true end }
local F2 = { __eq = function() return false end }
local f1, f2 = setmetatable({}, F1), setmetatable({}, F2)
print(f1 == f2, f2 == f1)
-- __eq is not used for table keys or rawequal
local t = { [a] = "a" }
print(t[b], rawequal(a, b))
-- __eq in comparisons inside table functions (none use it), and in ==/~= with nil
print(a == nil, nil == a)
