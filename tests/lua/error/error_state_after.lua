-- program state stays consistent after errors are caught
local t = { count = 0 }
local function bump(fail) t.count = t.count + 1; if fail then error("fail") end; t.count = t.count + 10 end
for i = 1, 6 do pcall(bump, i % 2 == 0) end
print(t.count)
-- upvalues modified before an error keep their new values
local n = 0
local function inc_then_fail() n = n + 1; local x = nil; return x.field end
for _ = 1, 5 do pcall(inc_then_fail) end
print(n)
-- a table being built when an error happens
local built = {}
pcall(function() for i = 1, 10 do if i == 6 then error("stop") end built[i] = i end end)
print(#built, built[5], built[6])
-- errors inside sort comparators leave the table as a permutation
local arr = { 5, 3, 8, 1, 9, 2 }
local calls = 0
pcall(table.sort, arr, function(a, b) calls = calls + 1; if calls == 5 then error("cmp") end return a < b end)
local copy = { table.unpack(arr) }
table.sort(copy)
print(table.concat(copy, " "))
-- deep recursion error then normal recursion
local function down(k) if k == 0 then error("bottom") end return down(k - 1) + 1 end
print(pcall(down, 100) == false)
local function sum(k) if k == 0 then return 0 end return k + sum(k - 1) end
print(sum(100))
-- error objects can carry closures that still work
local ok, e = pcall(error, { retry = function(x) return x * 2 end })
print(ok, e.retry(21))
