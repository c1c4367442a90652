-- Pascal's triangle, Catalan numbers, integer partitions, derangements,
-- Stirling numbers: integer arithmetic with tables of tables.
local pascal = { { 1 } }
for n = 2, 30 do
  local prev, row = pascal[n - 1], { 1 }
  for k = 2, n - 1 do row[k] = prev[k - 1] + prev[k] end
  row[n] = 1
  pascal[n] = row
end
for n = 1, 8 do print(table.concat(pascal[n], " ")) end
print("C(29,14)", pascal[30][15])
local cat = { [0] = 1 }
for n = 1, 20 do cat[n] = cat[n - 1] * 2 * (2 * n - 1) // (n + 1) end
print("catalan", cat[5], cat[10], cat[20])
local function partitions(n)
  local p = { [0] = 1 }
  for i = 1, n do p[i] = 0 end
  for k = 1, n do for i = k, n do p[i] = p[i] + p[i - k] end end
  return p[n]
end
print("partitions", partitions(10), partitions(50), partitions(100))
local der = { [0] = 1, [1] = 0 }
for n = 2, 20 do der[n] = (n - 1) * (der[n - 1] + der[n - 2]) end
print("derangements", der[5], der[10], der[20])
local S = { [0] = { [0] = 1 } }
for n = 1, 15 do
  S[n] = { [0] = 0 }
  for k = 1, n do S[n][k] = k * (S[n - 1][k] or 0) + (S[n - 1][k - 1] or 0) end
end
local bell = 0
for k = 0, 15 do bell = bell + (S[15][k] or 0) end
print("stirling S(10,3)", S[10][3], "bell(15)", bell)
local fact = 1
for i = 1, 20 do fact = fact * i end
print("20!", fact, "21! wraps to", fact * 21)
-- next permutation in lexicographic order
local function next_perm(a)
  local i = #a - 1
  while i >= 1 and a[i] >= a[i + 1] do i = i - 1 end
  if i < 1 then return false end
  local j = #a
  while a[j] <= a[i] do j = j - 1 end
  a[i], a[j] = a[j], a[i]
  local l, r = i + 1, #a
  while l < r do a[l], a[r] = a[r], a[l]; l = l + 1; r = r - 1 end
  return true
end
local a, count = { 1, 2, 3, 4 }, 1
local firsts = { table.concat(a) }
while next_perm(a) do count = count + 1; if count <= 6 then firsts[#firsts + 1] = table.concat(a) end end
print("perms", count, table.concat(firsts, " "))
