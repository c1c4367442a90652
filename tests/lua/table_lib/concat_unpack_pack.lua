-- table.concat, table.unpack, table.pack on plain tables.
print(table.concat({}), table.concat({}, "x"), table.concat({"a"}, "x"), table.concat({"a", "b"}, 3))
print(table.concat({1, 2, 3}, ", ", 2), "[" .. table.concat({1, 2, 3}, ", ", 3, 2) .. "]")
-- numbers are converted as tostring does
print(table.concat({1, 2.5, "x", -0.0, 1e100, math.mininteger, 2^63, 1.0, -1e-7, 1/3, 0/0 ~= 0/0 and 7}, " "))
print(table.concat({math.huge, -math.huge, 2^53, 123456789012}, "|"))
-- separators: numbers are converted, embedded zeros kept
print(table.concat({"a", "b", "c"}, 0), #table.concat({"a", "b"}, "\0"), table.concat({"x", "y"}, "--", 1, 2))
-- ranges outside 1..#t
local t = {[-1] = "m", [0] = "z", "a", "b", [10] = "ten"}
print(table.concat(t, ",", -1, 2), table.concat(t, ",", 10, 10))
-- large
local parts = {}
for i = 1, 20000 do parts[i] = i end
local s = table.concat(parts, ",")
print(#s)
local words = {}
for i = 1, 3000 do words[i] = "w" .. i end
assert(#table.concat(words) > 10000)

-- unpack
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({1, 2, 3}, 3))
print(table.unpack({1, 2, 3}, 4))
print(table.unpack({1, 2, 3}, 2, 1))
print(table.unpack({1, 2, 3}, "2", "3"))
print(table.unpack({1, 2, 3}, 2.0, 3.0))
print(table.unpack({1, nil, 3}, 1, 3))
print(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({}, 1, 5)), select("#", table.unpack({n = 3})))
print(table.unpack({[math.maxinteger] = "max"}, math.maxinteger, math.maxinteger))
print(table.unpack({[math.mininteger] = "min", [math.mininteger + 1] = "min1"}, math.mininteger, math.mininteger + 1))
local u = {}
for i = 1, 100000 do u[i] = i end
print(select("#", table.unpack(u)), select(100000, table.unpack(u)))
print(pcall(table.unpack, u, 1, 1e7))

-- pack
local p = table.pack()
print(p.n, #p)
p = table.pack(nil)
print(p.n, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
print(select("#", table.unpack(p, 1, p.n)))
p = table.pack(table.unpack(u, 1, 5000))
print(p.n, p[5000])
print(getmetatable(table.pack(1)))
