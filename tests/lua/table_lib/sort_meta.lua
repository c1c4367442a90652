-- Sorting tables that have metatables: when every t[1..n] is present no
-- __index/__newindex can run (lua5.4 calls none), whatever the metatable;
-- otherwise the metamethods are called exactly as lua5.4 calls them.
local calls = 0
local mt = {__index = function(t, k) calls = calls + 1 return 0 end,
            __newindex = function(t, k, v) calls = calls + 1 rawset(t, k, v) end}
local t = setmetatable({5, 3, 9, 1, 7, 2.5, -1, 8}, mt)
table.sort(t)
print(calls, table.concat(t, " "))
local s = setmetatable({"pear", "fig", "apple", "kiwi"}, mt)
table.sort(s)
print(calls, table.concat(s, " "))
-- a hole: __index supplies the missing value
local h = setmetatable({4, nil, 1, 3}, {__index = function(t, k) calls = calls + 1 return 2 end,
                                       __len = function() return 4 end})
table.sort(h)
print(calls, h[1], h[2], h[3], h[4], rawget(h, 2))
-- __len larger than the raw border
local l = setmetatable({3, 1, 2}, {__len = function() return 5 end,
  __index = function(t, k) return 10 + k end})
table.sort(l)
print(rawget(l, 1), rawget(l, 2), rawget(l, 3), rawget(l, 4), rawget(l, 5))
-- __len smaller: only the prefix is sorted
local p = setmetatable({9, 8, 7, 6, 5}, {__len = function() return 3 end})
table.sort(p)
print(table.concat(p, " ", 1, 5))
-- a class instance with __lt
local V = {}
V.__index = V
V.__lt = function(a, b) return a.k < b.k end
local list = {}
for i, k in ipairs{3, 1, 2, 3, 1} do list[i] = setmetatable({k = k, i = i}, V) end
table.sort(list)
local o = {}
for i, v in ipairs(list) do o[i] = v.k .. "/" .. v.i end
print(table.concat(o, " "))
-- values of different kinds: lua5.4's error after the same swaps
local mix = {3, "a", 1}
print(pcall(table.sort, mix), mix[1], mix[2], mix[3])
local mix2 = {1, 2, 3, 4, {}}
print(pcall(table.sort, mix2), mix2[1], mix2[2], mix2[3], mix2[4])
