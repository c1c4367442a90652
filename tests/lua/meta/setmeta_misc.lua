-- assorted metatable behaviours
-- metatables are shared between tables
local shared = { __index = function(_, k) return "shared " .. k end }
local a, b = setmetatable({}, shared), setmetatable({}, shared)
assert(getmetatable(a) == getmetatable(b))
print(a.x, b.y)
-- a table can be its own metatable
local self = {}
self.__index = self
self.value = "own"
setmetatable(self, self)
local child = setmetatable({}, self)
print(child.value, self.value)
-- metamethods are looked up when the event happens, not at setmetatable
local mt = {}
local obj = setmetatable({}, mt)
print(pcall(function() return obj + 1 end))
mt.__add = function() return "added" end
print(obj + 1)
-- __index on a missing method name inside a method call
local C = setmetatable({}, { __index = function(_, name) return function(self, ...) return name .. "(" .. select("#", ...) .. ")" end end })
print(C:anything(1, 2), C:other())
-- __newindex + __index implementing defaults and a change log
local changes = {}
local defaults = { color = "red", size = 1 }
local cfg = setmetatable({}, {
  __index = defaults,
  __newindex = function(t, k, v) changes[#changes + 1] = k; rawset(t, k, v) end,
})
cfg.size = 3
cfg.color = "blue"
cfg.size = 4
print(cfg.color, cfg.size, defaults.color, table.concat(changes, ","))
-- metamethods with error inside report the error
local Err = setmetatable({}, { __index = function(_, k) error("no field " .. k, 2) end })
local ok, m = pcall(function() return Err.missing end)
print(ok, (m:gsub("^.-:%d+: ", "")))
-- __index loop detection
local loop1, loop2 = {}, {}
setmetatable(loop1, { __index = loop2 })
setmetatable(loop2, { __index = loop1 })
ok, m = pcall(function() return loop1.x end)
print(ok, (m:gsub("^.-:%d+: ", "")))
local nl1, nl2 = {}, {}
setmetatable(nl1, { __newindex = nl2 })
setmetatable(nl2, { __newindex = nl1 })
ok, m = pcall(function() nl1.x = 1 end)
print(ok, (m:gsub("^.-:%d+: ", "")))
