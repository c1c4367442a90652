local function show(t) local s = {} for i = 1, #t do s[i] = tostring(t[i]) end return "[" .. table.concat(s, ",") .. "]" end
local t = {}
table.insert(t, "a")
table.insert(t, "c")
table.insert(t, 2, "b")
table.insert(t, 1, "start")
table.insert(t, #t + 1, "end")
print(show(t))
assert(show(t) == "[start,a,b,c,end]")
assert(table.remove(t) == "end")
assert(table.remove(t, 1) == "start")
assert(table.remove(t, 2) == "b")
print(show(t))
-- remove on empty table
local e = {}
assert(table.remove(e) == nil)
assert(table.remove(e, 0) == nil)
assert(table.remove(e, 1) == nil)
-- remove at #t + 1 is allowed and returns t[#t+1]
local r = { 1, 2, 3 }
assert(table.remove(r, 4) == nil and #r == 3)
-- remove with position 0 when #t == 0 returns t[0]
local z = { [0] = "zero" }
assert(table.remove(z, 0) == "zero" and z[0] == nil)
print(show(r))
-- errors
local function err(...) local ok, m = pcall(...); assert(not ok); print(m) end
err(table.insert, { 1, 2 }, 5, "x")
err(table.insert, { 1, 2 }, 0, "x")
err(table.insert, { 1, 2 }, 1, 2, 3)
err(table.insert, { 1, 2 })
err(table.insert, nil, 1)
err(table.remove, { 1, 2, 3 }, 7)
err(table.remove, { 1, 2, 3 }, -1)
err(table.insert, { 1 }, 1.5, "x")
-- queue behaviour
local q = {}
for i = 1, 10 do table.insert(q, i) end
local out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, " "))
-- insert with __index / __newindex metamethods (5.4 table lib honours them)
local log = {}
local proxy = setmetatable({}, {
  __len = function() return 2 end,
  __index = function(_, k) return "v" .. k end,
  __newindex = function(t2, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t2, k, v) end,
})
table.insert(proxy, "new")
print(table.concat(log, " "), rawget(proxy, 3))
