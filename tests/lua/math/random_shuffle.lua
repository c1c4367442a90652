-- Fisher-Yates shuffle: the result is a permutation (values not printed)
local function shuffle(t)
  for i = #t, 2, -1 do
    local j = math.random(i)
    t[i], t[j] = t[j], t[i]
  end
  return t
end
local n = 100
local t = {}
for i = 1, n do t[i] = i end
for round = 1, 20 do
  shuffle(t)
  local seen = {}
  for _, v in ipairs(t) do assert(not seen[v]); seen[v] = true end
  assert(#t == n)
end
local sorted = { table.unpack(t) }
table.sort(sorted)
for i = 1, n do assert(sorted[i] == i) end
print("permutation ok", #t)
-- same seed, same shuffle
math.randomseed(2024)
local a = shuffle({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
math.randomseed(2024)
local b = shuffle({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
assert(table.concat(a, ",") == table.concat(b, ","))
print("repeatable", table.concat(a, ",") == table.concat(b, ","))
-- random choice from a list covers all entries
local items = { "a", "b", "c", "d" }
local got = {}
for _ = 1, 400 do got[items[math.random(#items)]] = true end
print(got.a, got.b, got.c, got.d)
