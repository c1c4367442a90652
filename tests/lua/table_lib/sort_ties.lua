-- table.sort: the order of elements that compare equal, NaNs, -0.0/0 and
-- 1/1.0 ties, and inconsistent comparators match lua5.4 exactly.
math.randomseed(42)
local function show(t) local parts = {} for i = 1, #t do parts[i] = tostring(t[i]) end print(table.concat(parts, " ")) end
-- ties with records
for _, n in ipairs{2, 3, 5, 10, 50, 99, 100, 101, 257, 1000, 5000} do
  local t = {}
  for i = 1, n do t[i] = {k = math.random(1, 7), id = i} end
  table.sort(t, function(a, b) return a.k < b.k end)
  local ids = {}
  for i = 1, n do ids[i] = t[i].id end
  print(n, table.concat(ids, ","))
end
-- int vs float ties
local t = {}
for i = 1, 200 do local v = math.random(1, 20); t[i] = (i % 2 == 0) and v or v + 0.0 end
table.sort(t); show(t)
-- nan
local t = {3, 0/0, 1, 2, 0/0, 5, 4, -1, 0/0, 7, 8, 6}
table.sort(t); show(t)
local t = {}
for i = 1, 300 do t[i] = (i % 7 == 0) and 0/0 or math.random(1, 1000) end
table.sort(t); show(t)
-- reverse comparator
local t = {} for i = 1, 100 do t[i] = math.random(1, 50) end
table.sort(t, function(a, b) return a > b end); show(t)
-- strings
local t = {} for i = 1, 300 do t[i] = tostring(math.random(1, 100000)) end
table.sort(t); show(t)
-- invalid orders
for _, n in ipairs{3, 4, 5, 10, 100, 1000} do
  local t = {} for i = 1, n do t[i] = math.random(1, 10) end
  print(n, pcall(table.sort, t, function(a, b) return true end))
  show(t)
  local t = {} for i = 1, n do t[i] = math.random(1, 10) end
  print(n, pcall(table.sort, t, function(a, b) return a <= b end))
  show(t)
end
-- -0.0 and 0
local t = {0, -0.0, 0.0, -0.0, 0, 1, -1, 0.0}
table.sort(t); show(t)
-- sorted, reversed, organ pipe, all equal
for _, n in ipairs{1000, 10000} do
  local a, b, c, d = {}, {}, {}, {}
  for i = 1, n do a[i] = i; b[i] = n - i; c[i] = (i < n/2) and i or n - i; d[i] = 5 end
  table.sort(a); table.sort(b); table.sort(c); table.sort(d)
  print(a[1], a[n], b[1], b[n], c[1], c[n], d[1])
end
