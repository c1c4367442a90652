local function sorted_pairs(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local i = 0
  return function() i = i + 1; local k = ks[i]; if k ~= nil then return k, t[k] end end
end
local t = { 10, 20, 30, x = "X", y = "Y", [-1] = "neg", [2.5] = "f" }
local out = {}
for k, v in sorted_pairs(t) do out[#out + 1] = tostring(k) .. ":" .. tostring(v) end
print(table.concat(out, " "))
-- next on empty table
assert(next({}) == nil)
local k, v = next({ "only" })
assert(k == 1 and v == "only")
assert(next({ "only" }, 1) == nil)
-- count via next
local n = 0
local key = next(t)
while key ~= nil do n = n + 1; key = next(t, key) end
assert(n == 7)
print("count", n)
-- pairs visits each key exactly once
local seen = {}
local big = {}
for i = 1, 200 do big[i] = i; big["k" .. i] = i end
local cnt = 0
for k2, v2 in pairs(big) do
  assert(not seen[k2]); seen[k2] = true
  cnt = cnt + 1
  assert(big[k2] == v2)
end
assert(cnt == 400)
-- clearing fields during traversal is allowed
for k2 in pairs(big) do big[k2] = nil end
assert(next(big) == nil)
print("cleared", next(big))
-- assigning to existing fields during traversal is allowed
local m = { a = 1, b = 2, c = 3 }
for k2, v2 in pairs(m) do m[k2] = v2 * 10 end
assert(m.a == 10 and m.b == 20 and m.c == 30)
-- pairs returns next, t, nil
local f, s, c = pairs(m)
assert(f == next and s == m and c == nil)
-- invalid key to next
local ok, err = pcall(next, {}, "nokey")
print(ok, err)
ok, err = pcall(next, nil)
print(ok, err)
ok, err = pcall(pairs, nil)   -- no error until next is called
print(ok, err == next)
ok, err = pcall(pairs)
print(ok, err)
local arr = { "a", "b", "c" }
print(next(arr, 1), next(arr, 2))
print(next(arr, 3))
