-- unary minus, length, not, bnot on numbers
local z = 0
local fz = 0.0
print(-z, -fz, - -fz, -(-3), -3.5, - - -1)
assert(math.type(-z) == "integer" and -z == 0)
assert(1 / -fz == -math.huge)
assert(-math.mininteger == math.mininteger)
assert(-math.maxinteger == math.mininteger + 1)
assert(-(2^63) == -2^63)
local x = 5
assert(-x == -5 and - -x == 5 and ~x == -6 and ~~x == 5)
assert(not x == false)
print(-x, ~x, not x, -(-x), -"5", -"5.5")
local function e(f) local ok, m = pcall(f); assert(not ok); print((m:gsub("^.-:%d+: ", ""))) end
local t, n = {}, nil
e(function() return -t end)
e(function() return -n end)
e(function() return ~1.5 end)
e(function() return ~t end)
e(function() return #5 end)
e(function() return #n end)
e(function() return -true end)
e(function() return -t.x end)
