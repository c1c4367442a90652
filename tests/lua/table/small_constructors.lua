-- Small table constructors ({a}, {a, b, c, d}) then reshaped: grown past
-- their first array part, shrunk to nothing, turned into hash tables,
-- emptied and refilled, with collections in between.
local function dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) == "number"
  end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. tostring(t[k]) end
  return "{" .. table.concat(out, ",") .. "} #" .. #t
end

-- grow one at a time
for n = 1, 4 do
  local t
  if n == 1 then t = {10} elseif n == 2 then t = {10, 20}
  elseif n == 3 then t = {10, 20, 30} else t = {10, 20, 30, 40} end
  for i = n + 1, n + 9 do t[i] = i * 10 end
  print("grown", n, dump(t))
end

-- shrink: clear the array, then force a rehash with hash keys
local t = {1, 2, 3, 4}
for i = 1, 4 do t[i] = nil end
for i = 1, 20 do t["k" .. i] = i end
print("shrunk", #t, t.k1, t.k20)
for i = 1, 20 do t["k" .. i] = nil end
t[1] = "again"
print("refilled", dump(t))

-- table.insert / remove / move on small constructors
local a = {"x", "y"}
table.insert(a, 1, "w")
table.insert(a, "z")
print("insert", table.concat(a, " "))
table.remove(a, 1)
table.remove(a)
print("remove", table.concat(a, " "))
local b = table.move({1, 2, 3}, 1, 3, 3, {7, 8})
print("move", table.concat(b, " "))

-- many small tables, some grown, some kept, across collections
local keep = {}
for i = 1, 2000 do
  local s = {i, i + 1, i + 2}
  if i % 3 == 0 then s[#s + 1] = "more"; s[#s + 1] = "still more" end
  if i % 7 == 0 then s.name = "n" .. i end
  if i % 5 == 0 then keep[#keep + 1] = s end
  if i % 500 == 0 then collectgarbage() end
end
collectgarbage()
local sum, names, long = 0, 0, 0
for _, s in ipairs(keep) do
  sum = sum + s[1] + s[2] + s[3]
  if s.name then names = names + 1 end
  if #s == 5 then long = long + 1 end
end
print("kept", #keep, sum, names, long)

-- sort and concat on a 4-element constructor
local c = {"d", "b", "a", "c"}
table.sort(c)
print("sorted", table.concat(c))
print(select("#", table.unpack({1, nil, 3})), #{n = 1})
