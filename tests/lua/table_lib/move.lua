-- table.move: directions, overlaps, another destination, range limits.
local function show(t, a, b)
  local o = {}
  for i = a or 1, b or #t do o[#o + 1] = tostring(t[i]) end
  return table.concat(o, ",")
end
print(table.move({1, 2, 3}, 1, 3, 1) ~= nil)
print(show(table.move({1, 2, 3}, 1, 3, 3)))
print(show(table.move({1, 2, 3, 4, 5}, 2, 5, 1)))
print(show(table.move({1, 2, 3}, 1, 0, 1)))
print(show(table.move({1, 2, 3}, 1, 3, 1, {})))
print(show(table.move({1, 2, 3}, 1, 3, 2, {9, 9, 9, 9}), 1, 4))
local t = {1, 2, 3, 4, 5, 6, 7, 8}
table.move(t, 2, 6, 4)
print(show(t))
table.move(t, 4, 8, 1)
print(show(t))
local a = {}
local r = table.move({10, 20, 30}, 1, 3, 1, a)
print(r == a, show(a))
-- returns the destination, the source when no destination is given
local src = {1}
print(table.move(src, 1, 1, 2) == src, table.move(src, 1, 1, 2, nil) == src)
-- holes move as nils
print(show(table.move({1, nil, 3}, 1, 3, 2, {}), 1, 4))
-- extreme indices
print(#table.move({}, math.mininteger, math.mininteger + 2, 1), table.move({}, 1, 0, math.maxinteger) ~= nil)
local m = table.move({"x", "y"}, 1, 2, math.maxinteger - 1, {})
print(m[math.maxinteger - 1], m[math.maxinteger])
local n = table.move({[math.maxinteger - 1] = "p", [math.maxinteger] = "q"}, math.maxinteger - 1, math.maxinteger, 1)
print(n[1], n[2])
-- a big move, forward and backward
local big = {}
for i = 1, 50000 do big[i] = i end
table.move(big, 1, 50000, 25001)
print(#big, big[25001], big[75000], big[25000])
table.move(big, 25001, 75000, 1)
print(#big, big[1], big[50000], big[75000])
