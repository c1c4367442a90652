-- integer division by zero errors, float division by zero results
local function e(f, ...) local ok, m = pcall(f, ...); assert(not ok); print((m:gsub("^.-:%d+: ", ""))); return m end
local zero = 0
local m1 = e(function() return 1 // zero end)
assert(m1:find("attempt to divide by zero", 1, true))
local m2 = e(function() return 1 % zero end)
assert(m2:find("attempt to perform 'n%0'", 1, true))
e(function(a) return a // 0 end, 5)
e(function(a) return a % 0 end, 5)
e(function() return math.mininteger // zero end)
e(function() return "10" // zero end)
e(function() return 7 % "0" end)
print(1 / 0, -1 / 0, 1 / zero, 1.0 // 0, -1 // 0.0)
assert(1 / 0 == math.huge and -1 / 0 == -math.huge)
assert(1 // 0.0 == math.huge)
assert(0 / 0 ~= 0 / 0)
local x = 1 % 0.0
assert(x ~= x)
print(math.type(1 / zero), math.type(1 // 0.0))
-- constant folding must not fold the error away: these compile fine
local f = load("return 1 // 0")
assert(f)
print(pcall(f))
f = load("return 1 % 0")
print(pcall(f))
f = load("return 1 / 0, 1 // 0.0, -(0 // 1.0)")
print(f())
