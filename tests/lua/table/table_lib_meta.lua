-- table library functions go through metamethods in 5.4
local log = {}
local backing = { 5, 3, 4, 1, 2 }
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k; return backing[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k; backing[k] = v end,
  __len = function() return #backing end,
})
table.sort(proxy)
print(table.concat(backing, " "), #log > 0)
log = {}
print(table.concat(proxy, ","), table.unpack(proxy))
table.insert(proxy, 6)
table.insert(proxy, 1, 0)
print(table.concat(backing, " "))
print(table.remove(proxy), table.remove(proxy, 1), table.concat(backing, " "))
local dst = setmetatable({}, { __newindex = function(t, k, v) rawset(t, k, v * 10) end })
table.move(proxy, 1, 3, 1, dst)
print(dst[1], dst[2], dst[3])
