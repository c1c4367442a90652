-- An error in a comparator or metamethod called by the table library reaches
-- xpcall's handler while the failing frames are still there.
print(select(2, xpcall(function() table.sort({3, 2, 1}, function() error("cmp") end) end, debug.traceback)))
print(select(2, xpcall(table.sort, debug.traceback, {3, 2, 1}, function(a, b) error("cmp2") end)))
local lenp = setmetatable({}, {__index = function(t, k) error("idx " .. k) end, __len = function() return 2 end})
print(select(2, xpcall(table.concat, debug.traceback, lenp)))
print(select(2, xpcall(table.unpack, debug.traceback, lenp, 1, 2)))
print(select(2, xpcall(function() return table.insert(setmetatable({}, {__newindex = function() error("ni") end}), "v") end, debug.traceback)))
print(pcall(table.sort, {1, "x", 3}))
print(pcall(table.sort, {3, 1, 2}, function(a, b) return a.x < b end))
local caught
print(xpcall(table.sort, function(m) caught = debug.getinfo(2, "n").name; return m end, {2, 1}, function() error("E", 0) end))
print(caught)
