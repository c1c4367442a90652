-- math.random: only properties are printed (values differ between runs/implementations)
for _ = 1, 1000 do
  local x = math.random()
  assert(math.type(x) == "float" and x >= 0 and x < 1)
  local n = math.random(6)
  assert(math.type(n) == "integer" and n >= 1 and n <= 6)
  local m = math.random(-3, 3)
  assert(math.type(m) == "integer" and m >= -3 and m <= 3)
  local z = math.random(0)
  assert(math.type(z) == "integer")
  local big = math.random(math.mininteger, math.maxinteger)
  assert(math.type(big) == "integer")
  local one = math.random(7, 7)
  assert(one == 7)
  local f = math.random(3.0)
  assert(math.type(f) == "integer" and f >= 1 and f <= 3)
end
print("ranges ok")
-- every value in a small range shows up
local seen, count = {}, 0
for _ = 1, 2000 do
  local v = math.random(1, 10)
  if not seen[v] then seen[v] = true; count = count + 1 end
end
assert(count == 10)
print("all values seen", count)
-- the float generator is not constant
local distinct = {}
local nd = 0
for _ = 1, 100 do local v = math.random(); if not distinct[v] then distinct[v] = true; nd = nd + 1 end end
assert(nd > 90)
print("floats vary", nd > 90)
-- randomseed makes the sequence repeatable within a run
local function seq(seed)
  math.randomseed(seed)
  local t = {}
  for i = 1, 20 do t[i] = math.random(1000000) end
  t[21] = math.random()
  return table.concat(t, ",", 1, 20) .. "|" .. string.format("%.17g", t[21])
end
local a, b, c = seq(42), seq(42), seq(43)
assert(a == b)
assert(a ~= c)
print("randomseed deterministic", a == b, a ~= c)
math.randomseed(7, 11)
local x1 = math.random(100)
math.randomseed(7, 11)
assert(math.random(100) == x1)
math.randomseed(1.0)
math.randomseed()  -- reseed randomly
-- mean of many samples is near 0.5
local s = 0
for _ = 1, 20000 do s = s + math.random() end
local mean = s / 20000
assert(mean > 0.45 and mean < 0.55)
print("mean in range", mean > 0.45 and mean < 0.55)
-- errors
local function e(...) local ok, m = pcall(...); print(ok, m) end
e(math.random, 0, -1)
e(math.random, 2, 1)
e(math.random, -5)
e(math.random, 1, 2, 3)
e(math.random, 1.5)
e(math.random, "x")
e(math.random, 1, 2.5)
e(math.randomseed, "x")
