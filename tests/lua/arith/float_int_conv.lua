-- float -> integer conversions
local function try(f, ...) local ok, r = pcall(f, ...); if ok then return (math.type(r) or type(r)) .. ":" .. tostring(r) end return "err:" .. r:gsub("^.-:%d+: ", "") end
local vals = { 3.0, -3.0, 3.5, 2^53, 2^62, 2^63, -2^63, 1e100, -0.0, 1/0, "8", "8.0", "8.5", "0x10", {} }
for i, v in ipairs(vals) do
  print(i, tostring(math.tointeger(v)), try(function() return v | 0 end), try(string.format, "%d", v))
end
assert(math.tointeger(3.0) == 3 and math.type(math.tointeger(3.0)) == "integer")
assert(math.tointeger(3.5) == nil and math.tointeger(2^63) == nil)
assert(math.tointeger(-2^63) == math.mininteger)
assert(math.tointeger("8") == 8)  -- 5.4.4 converts strings (lua_tointegerx)
assert(math.tointeger(7) == 7)
-- table indexing normalises floats with integral values
local t = {}
t[3.0] = "three"; t[-0.0] = "zero"
assert(t[3] == "three" and t[0] == "zero")
local k = next(t, nil)
local keys = {}
for key in pairs(t) do keys[#keys + 1] = math.type(key) .. tostring(key) end
table.sort(keys)
print(table.concat(keys, " "))
-- string.rep / string.sub etc accept integral floats
assert(("ab"):rep(2.0) == "abab")
assert(("hello"):sub(2.0, 3.0) == "el")
print(try(string.rep, "x", 1.5))
print(try(string.sub, "x", 1.5))
print(try(string.char, 65.0, 66))
print(try(string.char, 65.5))
-- floor/ceil give integers when representable
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2), math.floor(1e100), math.ceil(-1e100))
assert(math.type(math.floor(3.7)) == "integer" and math.type(math.floor(1e100)) == "float")
-- // between floats stays float
assert(math.type(7.0 // 2.0) == "float")
print(3 | 0, 3.0 // 1, math.tointeger(3.0 // 1))
