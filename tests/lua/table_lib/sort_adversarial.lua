-- table.sort with hostile comparators (random answers, mutation of the
-- table, errors midway, nested sorts): never a crash, same results.
math.randomseed(99)
local function show(t, n) local o = {} for i = 1, n do o[i] = tostring(t[i]) end print(table.concat(o, " ")) end
for _, n in ipairs{3, 5, 8, 20, 100, 500} do
  for trial = 1, 5 do
    local t = {} for i = 1, n do t[i] = math.random(1, 20) end
    local ok, err = pcall(table.sort, t, function(a, b) return math.random() < 0.5 end)
    print(n, trial, ok, err); show(t, n)
  end
end
-- comparator mutating the table
for _, n in ipairs{5, 50, 300} do
  local t = {} for i = 1, n do t[i] = math.random(1, 100) end
  local cnt = 0
  local ok, err = pcall(table.sort, t, function(a, b)
    cnt = cnt + 1
    if cnt % 7 == 0 then t[math.random(1, n)] = math.random(1, 100) end
    if a == nil or b == nil then return false end
    return a < b
  end)
  print(n, ok, err, cnt); show(t, n)
  local t = {} for i = 1, n do t[i] = math.random(1, 100) end
  local ok, err = pcall(table.sort, t, function(a, b)
    t[math.random(1, n)] = nil
    return (a or 0) < (b or 0)
  end)
  print(n, ok, err); show(t, n)
end
-- comparator with inconsistent results
local t = {} for i = 1, 200 do t[i] = i % 13 end
print(pcall(table.sort, t, function(a, b) return a <= b end)); show(t, 200)
local t = {} for i = 1, 200 do t[i] = 5 end
print(pcall(table.sort, t, function(a, b) return a <= b end)); show(t, 20)
local t = {} for i = 1, 200 do t[i] = 5 end
print(pcall(table.sort, t, function(a, b) return true end)); show(t, 20)
local t = {} for i = 1, 200 do t[i] = i end
print(pcall(table.sort, t, function(a, b) return true end)); show(t, 200)
local t = {} for i = 1, 200 do t[i] = i end
print(pcall(table.sort, t, function(a, b) return false end)); show(t, 200)
-- __lt metamethods inconsistent
local mt = {__lt = function(a, b) return math.random() < 0.3 end}
local t = {} for i = 1, 100 do t[i] = setmetatable({id = i}, mt) end
print(pcall(table.sort, t)); local o = {} for i = 1, 100 do o[i] = t[i].id end print(table.concat(o, " "))
-- error in the middle leaves partial state
local t = {} for i = 1, 100 do t[i] = math.random(1, 1000) end
local c = 0
print(pcall(table.sort, t, function(a, b) c = c + 1 if c == 150 then error("stop", 0) end return a < b end)); show(t, 100)
-- nested sort of same table in comparator
local t = {} for i = 1, 30 do t[i] = math.random(1, 50) end
local depth = 0
print(pcall(table.sort, t, function(a, b)
  if depth == 0 then depth = 1; table.sort(t); depth = 0 end
  return a < b end)); show(t, 30)
