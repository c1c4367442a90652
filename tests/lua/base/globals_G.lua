assert(_G._G == _G and _G.print == print and _G.string == string)
print(_VERSION, type(_G), _G._G == _G)
assert(_VERSION == "Lua 5.4")
-- globals are fields of _G
newglobal = 42
assert(_G.newglobal == 42)
_G.another = "via _G"
assert(another == "via _G")
newglobal = nil
assert(_G.newglobal == nil)
-- string metatable
assert(getmetatable("").__index == string)
print(getmetatable("").__index == string)
-- standard library tables are present
local libs = { "string", "table", "math" }   -- the other libraries come in later milestones
local present = {}
for _, n in ipairs(libs) do present[#present + 1] = n .. "=" .. type(_G[n]) end
print(table.concat(present, " "))
-- base functions
local base = { "assert", "collectgarbage", "error", "getmetatable", "ipairs", "load",
  "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "select",
  "setmetatable", "tonumber", "tostring", "type", "xpcall" }
for _, n in ipairs(base) do assert(type(_G[n]) == "function", n) end
print(#base, "base functions")
-- iterate _G deterministically (only names of base functions)
local names = {}
for k, v in pairs(_G) do if type(v) == "function" then names[#names + 1] = k end end
table.sort(names)
local found = 0
for _, n in ipairs(names) do for _, b in ipairs(base) do if n == b then found = found + 1 end end end
print("found", found)
-- _ENV is _G at the main level
print(_ENV == _G)
-- a strict-mode metatable on _G
setmetatable(_G, { __index = function(_, k) error("undeclared global '" .. tostring(k) .. "'", 2) end })
print(pcall(function() return undeclared_thing end))
setmetatable(_G, nil)
print(undeclared_thing)
