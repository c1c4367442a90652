-- __metatable protects a metatable
local mt = { __metatable = "locked", __index = { x = 1 } }
local t = setmetatable({}, mt)
assert(getmetatable(t) == "locked")
assert(t.x == 1)
local ok, err = pcall(setmetatable, t, {})
print(ok, err)
ok, err = pcall(setmetatable, t, nil)
print(ok, err)
-- __metatable can be any value, including false
local f = setmetatable({}, { __metatable = false })
print(getmetatable(f))
ok, err = pcall(setmetatable, f, {})
print(ok, err)
-- the string metatable
local smt = getmetatable("")
assert(type(smt) == "table" and smt.__index == string)
print(type(smt), smt.__index == string)
-- setmetatable returns its first argument and nil removes
local u = {}
assert(setmetatable(u, { __index = { y = 2 } }) == u and u.y == 2)
setmetatable(u, nil)
assert(u.y == nil and getmetatable(u) == nil)
-- argument errors
local function e(...) local ok2, m = pcall(...); print(ok2, m) end
e(setmetatable, 1, {})
e(setmetatable, {}, 1)
e(setmetatable, {})
e(setmetatable, "s", {})
e(getmetatable)
-- getmetatable on other types
print(getmetatable(1), getmetatable(nil), getmetatable(print), getmetatable(true))
