local function show(t, n) local s = {} for i = 1, n do s[i] = tostring(t[i]) end return table.concat(s, ",") end
local t = { 1, 2, 3, 4, 5 }
table.move(t, 1, 3, 3)          -- overlapping, forward
print(show(t, 5))
assert(show(t, 5) == "1,2,1,2,3")
t = { 1, 2, 3, 4, 5 }
table.move(t, 3, 5, 1)          -- overlapping, backward
print(show(t, 5))
assert(show(t, 5) == "3,4,5,4,5")
local a, b = { "a", "b", "c" }, {}
local r = table.move(a, 1, 3, 2, b)
assert(r == b and b[1] == nil and b[2] == "a" and b[4] == "c")
print(show(b, 4))
-- empty range
r = table.move({ 1 }, 2, 1, 1)
assert(r[1] == 1)
-- move to negative and zero indices
local c = table.move({ 1, 2, 3 }, 1, 3, -1, {})
print(c[-1], c[0], c[1])
-- return value is the destination
local d = {}
assert(table.move({}, 1, 0, 1, d) == d)
-- errors
local function err(...) local ok, m = pcall(...); assert(not ok); print(m) end
err(table.move, { 1 }, 1, math.maxinteger, 2)
err(table.move, { 1 }, -1, math.maxinteger, 2)
err(table.move, { 1 }, 1, 2, math.maxinteger)
err(table.move, nil, 1, 2, 3)
err(table.move, { 1 }, 1, 2)
-- with metamethods
local log = {}
local src = setmetatable({}, { __index = function(_, k) return "s" .. k end })
local dst = setmetatable({}, { __newindex = function(t2, k, v) log[#log + 1] = k .. ":" .. v; rawset(t2, k, v) end })
table.move(src, 1, 3, 10, dst)
print(table.concat(log, " "))
