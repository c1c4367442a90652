-- growing and shrinking arrays, migration between array and hash parts
local t = {}
for i = 1, 100000 do t[i] = i * 2 end
assert(#t == 100000 and t[50000] == 100000)
local s = 0
for i = 1, #t do s = s + t[i] end
print(#t, s)
for i = #t, 50001, -1 do t[i] = nil end
assert(#t == 50000)
-- fill in reverse order (starts in the hash part)
local r = {}
for i = 1000, 1, -1 do r[i] = i end
assert(#r == 1000)
s = 0
for i, v in ipairs(r) do s = s + v end
assert(s == 500500)
print(#r, s)
-- sparse then dense
local sp = {}
sp[1000000] = "far"
for i = 1, 10 do sp[i] = i end
assert(sp[1000000] == "far" and sp[10] == 10)
local n = 0
for _ in pairs(sp) do n = n + 1 end
assert(n == 11)
-- negative and zero indices live outside the sequence
local z = { [0] = "zero", [-1] = "neg", 1, 2 }
assert(#z == 2 and z[0] == "zero" and z[-1] == "neg")
-- many string keys
local h = {}
for i = 1, 20000 do h["key" .. i] = i end
local cnt, tot = 0, 0
for k, v in pairs(h) do cnt = cnt + 1; tot = tot + v end
assert(cnt == 20000 and tot == 200010000)
for i = 1, 20000, 2 do h["key" .. i] = nil end
cnt = 0
for k in pairs(h) do cnt = cnt + 1 end
assert(cnt == 10000)
print(cnt, h.key2, h.key3)
-- table of tables
local grid = {}
for y = 1, 100 do grid[y] = {} for x = 1, 100 do grid[y][x] = x * y end end
local diag = 0
for i = 1, 100 do diag = diag + grid[i][i] end
assert(diag == 338350)
print("diag", diag)
