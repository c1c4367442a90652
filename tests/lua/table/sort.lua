local function show(t) local s = {} for i, v in ipairs(t) do s[i] = tostring(v) end return table.concat(s, " ") end
local t = { 5, 3, 8, 1, 9, 2, 7, 4, 6, 0 }
table.sort(t)
assert(show(t) == "0 1 2 3 4 5 6 7 8 9")
print(show(t))
table.sort(t, function(a, b) return a > b end)
print(show(t))
local s = { "pear", "apple", "fig", "banana", "cherry", "Apple", "" }
table.sort(s)
print(show(s))
table.sort(s, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(show(s))
local mixed = { 3, 1.5, -2, 2^53, -math.huge, math.huge, 0, -0.5 }
table.sort(mixed)
print(show(mixed))
-- sorting records by several keys
local recs = {}
local names = { "d", "b", "a", "c", "e", "f" }
for i, n in ipairs(names) do recs[i] = { name = n, grp = i % 3 } end
table.sort(recs, function(x, y) if x.grp ~= y.grp then return x.grp < y.grp end return x.name < y.name end)
local o = {}
for i, r in ipairs(recs) do o[i] = r.grp .. r.name end
print(table.concat(o, " "))
-- larger deterministic pseudo-random input
local big, seed = {}, 42
for i = 1, 2000 do seed = (seed * 6364136223846793005 + 1442695040888963407); big[i] = (seed >> 33) % 10000 end
table.sort(big)
for i = 2, #big do assert(big[i - 1] <= big[i]) end
print(big[1], big[1000], big[2000])
-- already sorted, reversed, all equal
local asc, desc, same = {}, {}, {}
for i = 1, 500 do asc[i] = i; desc[i] = 501 - i; same[i] = 7 end
table.sort(asc); table.sort(desc); table.sort(same)
assert(asc[1] == 1 and desc[1] == 1 and desc[500] == 500 and same[250] == 7)
-- errors
local function err(...) local ok, m = pcall(...); assert(not ok); print((m:gsub("^.-:%d+: ", ""))) end
do -- which operand comes first depends on the algorithm: only check the kind
  local ok, m = pcall(table.sort, { 1, "x", 2 })
  assert(not ok)
  print(m:match("attempt to compare (%a+) with (%a+)") and "compare error")
end
err(table.sort, { {}, {} })
err(table.sort, { 1, 2 }, 3)
err(table.sort, nil)
-- sort with __lt metamethod
local V = {}
V.__lt = function(a, b) return a.v < b.v end
local vs = {}
for i, v in ipairs({ 4, 1, 3, 2 }) do vs[i] = setmetatable({ v = v }, V) end
table.sort(vs)
print(vs[1].v, vs[2].v, vs[3].v, vs[4].v)
