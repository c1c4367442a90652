-- Large inputs: sort (numbers, strings, comparator), concat, unpack limits,
-- insert/remove at the front, move.
math.randomseed(1)
local N = 100000
local t = {}
for i = 1, N do t[i] = math.random(1, 1000000) end
local t2 = {} for i = 1, N do t2[i] = t[i] end

table.sort(t)
for i = 2, N do assert(t[i-1] <= t[i]) end
table.sort(t2, function(a, b) return a > b end)
for i = 2, N do assert(t2[i-1] >= t2[i]) end
print(t[1], t[N], t2[1], t2[N])
local s = {} for i = 1, 100000 do s[i] = tostring(math.random(1, 1e9)) end
table.sort(s); print(s[1], s[100000])
-- hash-part array
local h = {} for i = 50000, 1, -1 do h[i] = math.random() end
table.sort(h); print(h[1] <= h[2], #h)
-- concat big
local parts = {} for i = 1, 200000 do parts[i] = i end
local str = table.concat(parts, ",")
print(#str)
-- unpack big
local u = {} for i = 1, 200000 do u[i] = i end
print(select("#", table.unpack(u)))
print(select("#", table.unpack(u, 1, 999000 - 200000)))
print(pcall(table.unpack, u, 1, 1000000))
-- insert/remove front repeatedly
local q = {}
for i = 1, 2000 do table.insert(q, 1, i) end
for i = 1, 1000 do table.remove(q, 1) end
print(#q, q[1], q[#q])
local m = table.move(u, 1, 200000, 100001)
print(#m, m[100001], m[300000])
