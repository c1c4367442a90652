-- each loop iteration has its own control-variable copy
local fs = {}
for i = 1, 5 do fs[i] = function() return i end end
local r = {}
for i = 1, 5 do r[i] = fs[i]() end
assert(table.concat(r, ",") == "1,2,3,4,5")
print(table.concat(r, ","))

fs = {}
for k, v in pairs({ a = 1, b = 2, c = 3 }) do fs[k] = function() return k .. v end end
assert(fs.a() == "a1" and fs.b() == "b2" and fs.c() == "c3")
print(fs.a(), fs.b(), fs.c())

-- closure modifying its copy of the loop variable
fs = {}
for i = 1, 3 do
  fs[i] = function() i = i + 10; return i end
end
assert(fs[1]() == 11 and fs[1]() == 21 and fs[2]() == 12)

-- while-loop local is fresh per iteration, outer one is shared
fs = {}
local shared = 0
local j = 0
while j < 3 do
  j = j + 1
  local own = j
  fs[j] = function() shared = shared + 1; return own, shared end
end
local o1, s1 = fs[1]()
local o3, s3 = fs[3]()
assert(o1 == 1 and o3 == 3 and s1 == 1 and s3 == 2)
print(o1, s1, o3, s3)

-- nested loops capturing both variables
local grid = {}
for x = 1, 3 do
  for y = 1, 3 do
    grid[#grid + 1] = function() return x * 10 + y end
  end
end
local vals = {}
for n, f in ipairs(grid) do vals[n] = f() end
print(table.concat(vals, " "))
assert(vals[1] == 11 and vals[9] == 33)

-- closures created in a repeat loop, condition sees the local
fs = {}
local n = 0
repeat
  n = n + 1
  local m = n * n
  fs[n] = function() return m end
until m >= 16
assert(#fs == 4 and fs[4]() == 16)
print(#fs, fs[2](), fs[4]())

-- float loop variables captured
fs = {}
for f = 0.5, 2.0, 0.5 do fs[#fs + 1] = function() return f end end
print(fs[1](), fs[2](), fs[3](), fs[4]())
