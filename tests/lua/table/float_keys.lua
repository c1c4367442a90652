-- numeric keys: floats with integral values are normalised to integers
local t = {}
t[1.0] = "a"
assert(t[1] == "a")
t[2] = "b"
assert(t[2.0] == "b")
t[2^53] = "big"
assert(t[math.tointeger(2^53)] == "big")
t[-0.0] = "zero"
assert(t[0] == "zero")
t[1.5] = "frac"
assert(t[1.5] == "frac" and t[1] == "a")
local types = {}
for k in pairs(t) do types[#types + 1] = math.type(k) .. ":" .. tostring(k) end
table.sort(types)
print(table.concat(types, " "))
assert(#t == 2)
-- keys are normalised in constructors too
local c = { [1.0] = "x", [2.0] = "y" }
assert(c[1] == "x" and #c == 2)
-- float keys that are not integral stay floats
local f = { [0.1] = 1, [0.2] = 2 }
assert(f[0.1] == 1 and f[0.1 + 0.1] == 2)
-- huge floats beyond integer range stay floats
local h = {}
h[2^63] = "f63"
h[math.maxinteger] = "imax"
assert(h[2^63] == "f63" and h[math.maxinteger] == "imax")
h[-2^63] = "fmin"
assert(h[math.mininteger] == "fmin")
print(h[2^63], h[math.maxinteger], h[math.mininteger])
-- strings are not converted
local s = {}
s["1"] = "str"; s[1] = "int"
assert(s["1"] == "str" and s[1] == "int")
-- nil and NaN keys
local function e(f) local ok, m = pcall(f); assert(not ok); print((m:gsub("^.-:%d+: ", ""))) end
e(function() local x = {}; x[nil] = 1 end)
e(function() local x = {}; x[0/0] = 1 end)
e(function() return { [nil] = 1 } end)
e(function() local nan = 0/0; return { [nan] = 1 } end)
e(function() rawset({}, nil, 1) end)
local x = {}
assert(x[nil] == nil and x[0/0] == nil)
x.n = nil -- assigning nil to absent key is fine
print("reads ok", x[nil], x[0/0])
-- inf keys are fine
x[math.huge] = "inf"; x[-math.huge] = "-inf"
assert(x[1/0] == "inf" and x[-1/0] == "-inf")
print(x[math.huge], x[-math.huge])
