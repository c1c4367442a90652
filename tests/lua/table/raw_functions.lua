local log = {}
local mt = {
  __index = function(t, k) log[#log + 1] = "index " .. tostring(k); return "dflt" end,
  __newindex = function(t, k, v) log[#log + 1] = "newindex " .. tostring(k); rawset(t, k, v) end,
  __eq = function() return true end,
  __len = function() return 99 end,
}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
assert(a.x == "dflt")
assert(rawget(a, "x") == nil)
a.y = 1
assert(rawget(a, "y") == 1)
assert(rawset(a, "z", 2) == a)
assert(a.z == 2)
assert(a == b and not rawequal(a, b) and rawequal(a, a))
assert(#a == 99 and rawlen(a) == 0)
rawset(a, 1, "one")
assert(rawlen(a) == 1)
print(table.concat(log, "; "))
-- raw functions on numbers-as-keys
rawset(a, 2.0, "two")
assert(rawget(a, 2) == "two")
print(rawget(a, 2), rawlen(a))
-- rawequal on primitives
assert(rawequal(1, 1) and rawequal(1, 1.0) and rawequal("a", "a") and not rawequal(1, "1"))
assert(rawequal(nil, nil) and not rawequal(nil, false))
print(rawequal(0, -0), rawequal(0.0, -0.0), rawequal({}, {}))
-- errors
local function e(f, ...) local ok, m = pcall(f, ...); print(ok, m) end
e(rawget, 1, 2)
e(rawget, {})
e(rawset, {}, nil, 1)
e(rawset, {}, 0 / 0, 1)
e(rawset, {}, 1)
e(rawlen, 5)
e(rawlen)
e(rawequal, 1)
e(rawset, "str", 1, 2)
