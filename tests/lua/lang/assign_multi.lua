-- assignment and multiple assignment
local a, b = 1, 2
a, b = b, a
assert(a == 2 and b == 1)
print(a, b)

local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20   -- t[1] is evaluated before the assignment
assert(i == 2 and t[1] == 20)
print(i, t[1], t[2])

local x, y, z = 1
assert(x == 1 and y == nil and z == nil)
x, y = 1, 2, 3   -- extra value dropped
assert(x == 1 and y == 2)

local function three() return 7, 8, 9 end
x, y, z = three()
assert(x == 7 and y == 8 and z == 9)
x, y, z = three(), 10
assert(x == 7 and y == 10 and z == nil)
x, y, z = 0, three()
assert(x == 0 and y == 7 and z == 8)
x, y, z = (three())
assert(x == 7 and y == nil and z == nil)
print(x, y, z)

-- assignment to fields and nested tables
local o = { p = { q = {} } }
o.p.q.r, o.p.s = "deep", "shallow"
assert(o.p.q.r == "deep" and o.p.s == "shallow")
o["p"]["q"]["r"] = o.p.s .. "!"
print(o.p.q.r)

-- globals
G1, G2 = "g1", "g2"
assert(G1 == "g1" and G2 == "g2")
G1, G2 = G2, G1
print(G1, G2)

-- rotation through a table
local r = {1, 2, 3, 4}
r[1], r[2], r[3], r[4] = r[4], r[1], r[2], r[3]
print(table.concat(r, ","))
assert(table.concat(r, ",") == "4,1,2,3")

-- compound chains
local n = 0
for k = 1, 10 do n = n + k end
assert(n == 55)
local s = ""
for k = 1, 5 do s = s .. k end
assert(s == "12345")
print(n, s)
