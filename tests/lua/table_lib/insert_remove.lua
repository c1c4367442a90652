-- table.insert / table.remove on plain tables: positions, borders, results.
local function show(t, n)
  local o = {}
  for i = 1, n or #t do o[i] = tostring(t[i]) end
  return table.concat(o, ",")
end

local t = {}
table.insert(t, "a")
table.insert(t, 1, "b")
table.insert(t, 3, "c")
table.insert(t, "d")
table.insert(t, 2, "e")
assert(show(t) == "b,e,a,c,d" and #t == 5)
print(show(t))

-- front insertion and removal (the memmove fast path and the loop path)
local q = {}
for i = 1, 500 do table.insert(q, 1, i) end
assert(#q == 500 and q[1] == 500 and q[500] == 1)
for i = 1, 250 do assert(table.remove(q, 1) == 501 - i) end
print(#q, q[1], q[#q])

-- tables whose elements live in the hash part
local h = {}
for i = 40, 1, -1 do h[i] = i end
table.insert(h, 1, 0)
table.insert(h, 20, "x")
print(#h, h[1], h[20], h[21], h[42])
print(table.remove(h, 1), table.remove(h, 20), #h, h[1], h[40])

-- remove: defaults, size + 1, empty tables and t[0]
local r = {1, 2, 3}
print(table.remove(r, 1), table.remove(r), table.remove(r), table.remove(r), table.remove(r), #r)
local z = {[0] = "zero"}
print(table.remove(z), z[0], table.remove(z, 0), table.remove({}, 0), table.remove({}, 1))
local r2 = {1, 2, 3}
print(table.remove(r2, 4), #r2, table.remove(r2, 3), #r2)
local r3 = {1, 2, 3, nil, 5}
print(#r3 == 5 or #r3 == 3)

-- values of every type, nil included
local v = {}
table.insert(v, true); table.insert(v, 1, false); table.insert(v, 2, 1.5)
table.insert(v, print); table.insert(v, 1, v)
print(v[1] == v, v[2], v[3], v[4], v[5] == print, #v)
table.insert(v, 3, nil)
print(#v >= 4, v[3], v[4])

-- float positions with integer values are accepted
local f = {1, 2, 3}
table.insert(f, 2.0, "two")
print(show(f), table.remove(f, 2.0), show(f))
table.insert(f, "4", "s")
print(show(f))

-- results: insert returns nothing, remove returns exactly one value
print(select("#", table.insert({}, 1)), select("#", table.remove({})), select("#", table.remove({1})))
