local log = {}
local function n(x) return type(x) == "table" and x.v or x end
local O = {}
O.__lt = function(a, b) log[#log + 1] = "lt(" .. tostring(n(a)) .. "," .. tostring(n(b)) .. ")"; return n(a) < n(b) end
O.__le = function(a, b) log[#log + 1] = "le(" .. tostring(n(a)) .. "," .. tostring(n(b)) .. ")"; return n(a) <= n(b) end
local function V(v) return setmetatable({ v = v }, O) end
local a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, b < a, b <= a)
print(table.concat(log, " "))
log = {}
print(a < 5, 5 < a, a <= 1, 0 >= a, a > 0.5)
print(table.concat(log, " "))
-- results converted to boolean
local T = { __lt = function() return 1 end, __le = function() return nil end }
local t1, t2 = setmetatable({}, T), setmetatable({}, T)
print(t1 < t2, t1 <= t2, t1 > t2, t1 >= t2)
-- only __le is consulted for <=; a table without __le or __lt cannot be compared
local OnlyLe = { __le = function(x, y) return true end }
local l1, l2 = setmetatable({}, OnlyLe), setmetatable({}, OnlyLe)
print(l1 <= l2, l1 >= l2)
local ok, err = pcall(function() return l1 < l2 end)
print(ok, (err:gsub("^.-:%d+: ", "")))
-- mixed number/string comparisons still fail even with unrelated metatables
ok, err = pcall(function() return setmetatable({}, {}) < 1 end)
print(ok, (err:gsub("^.-:%d+: ", "")))
-- sorting with __lt
local list = {}
for i, v in ipairs({ 5, 3, 9, 1, 7 }) do list[i] = V(v) end
table.sort(list)
local out = {}
for i, x in ipairs(list) do out[i] = x.v end
print(table.concat(out, " "))
-- math.max / math.min compare with lua_compare, so __lt is used
local okm, mx = pcall(math.max, a, b, V(0))
print(okm, type(mx), mx.v)
print(math.min(V(3), V(-1), V(2)).v)
