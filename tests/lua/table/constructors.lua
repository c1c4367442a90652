local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(ks)
  return table.concat(ks, " ")
end
local t = { 1, 2, 3 }
assert(#t == 3 and t[1] == 1 and t[3] == 3)
t = { x = 1, y = 2, [3] = "three", ["key with space"] = true, [1.5] = "f", [true] = "T" }
print(keys(t))
t = { "a", "b", n = 2, "c" }
assert(t[3] == "c" and t.n == 2 and #t == 3)
print(keys(t))
-- nested
t = { { 1, 2 }, { x = { y = { z = "deep" } } }, [10] = { 10 } }
assert(t[2].x.y.z == "deep" and t[10][1] == 10 and t[1][2] == 2)
-- expressions as keys and values
local k = "dyn"
local i = 5
t = { [k] = k .. "!", [k .. "2"] = 2, [i * 2] = i, [i + 0.0 + 1] = "six" }
assert(t.dyn == "dyn!" and t.dyn2 == 2 and t[10] == 5 and t[6] == "six")
print(keys(t))
-- trailing function call expands; in middle it is truncated
local function f() return "p", "q", "r" end
t = { f() }
assert(#t == 3)
t = { f(), f() }
assert(#t == 4 and t[1] == "p" and t[2] == "p" and t[4] == "r")
t = { f(), "last" }
assert(#t == 2)
t = { (f()) }
assert(#t == 1)
t = { f(), nil }
assert(t[1] == "p" and t[2] == nil)
local function none() end
t = { none() }
assert(next(t) == nil)
t = { none(), 1 }
assert(t[1] == nil and t[2] == 1)
-- varargs in constructors
local function pk(...) return { ... } end
assert(#pk(1, 2, 3) == 3 and next(pk()) == nil)
local function pk2(...) return { "first", ... } end
assert(#pk2(1, 2) == 3)
print(#pk(1, 2, 3), #pk2(1, 2), select("#", table.unpack(pk2())))
-- separators
t = { 1; 2, 3; x = 1; }
assert(#t == 3 and t.x == 1)
-- empty
t = {}
assert(next(t) == nil and #t == 0)
-- large mixed constructor
t = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, a = "a", b = "b", 11, 12, [100] = 100 }
assert(#t == 12 or t[100] == 100)
assert(t[12] == 12 and t.a == "a" and t[100] == 100)
print(t[12], t.a, t.b, t[100])
