local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = (math.type(t[i]) or type(t[i])) .. ":" .. tostring(t[i]) end return table.concat(t, " ") end
print(show(math.abs(-5), math.abs(5), math.abs(-5.5), math.abs(-0.0), math.abs(math.mininteger), math.abs(-math.huge)))
assert(math.abs(math.mininteger) == math.mininteger)
assert(math.abs(-3) == 3 and math.type(math.abs(-3)) == "integer")
print(show(math.abs("-3"), math.abs("-3.5")))
print(show(math.max(1, 2, 3), math.max(3, 2, 1), math.max(1, 2.5), math.max(2.0, 2), math.max(2, 2.0), math.max(-0.0, 0)))
print(show(math.min(1, 2, 3), math.min(3, 2, 1), math.min(1, 0.5), math.min(1.0, 1), math.min(1, 1.0), math.min(5)))
print(show(math.max(math.mininteger, math.maxinteger), math.min(math.huge, math.maxinteger), math.max(-math.huge, math.mininteger)))
print(show(math.max(2^53, 9007199254740993), math.min(2^53, 9007199254740993)))
print(pcall(math.max, "10", 9))
print(show(math.min("1", "2"), math.max("b", "a")))
assert(math.max(1, 2.5) == 2.5 and math.type(math.max(1, 2)) == "integer")
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, nil))
print(pcall(math.abs))
local big = {}
for i = 1, 200 do big[i] = (i * 37) % 101 end
print(math.max(table.unpack(big)), math.min(table.unpack(big)))
