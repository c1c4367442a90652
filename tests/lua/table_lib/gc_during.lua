-- Collections during table functions (comparators and metamethods that
-- collect): values held by the library survive.
math.randomseed(3)
local function junk() local t = {} for i = 1, 50 do t[i] = {i, tostring(i) .. "x"} end return t end
local t = {} for i = 1, 300 do t[i] = {v = math.random(1, 50), s = tostring(i)} end
local c = 0
table.sort(t, function(a, b) c = c + 1 if c % 50 == 0 then junk() collectgarbage() end return a.v < b.v end)
local o = {} for i = 1, 300 do o[i] = t[i].s end print(table.concat(o, ","))
local store = {}
for i = 1, 100 do store[i] = tostring(i * 7) end
local p = setmetatable({}, {__index = function(_, k) junk() collectgarbage() return store[k] end,
  __newindex = function(_, k, v) collectgarbage() store[k] = v end, __len = function() collectgarbage() return #store end})
print(table.concat(p, "+"))
print(select("#", table.unpack(p)), (table.unpack(p, 50, 52)))
table.sort(p, function(a, b) collectgarbage("step") return a > b end)
print(table.concat(p, " ", 1, 10))
table.insert(p, 1, "first"); print(table.remove(p, 1), table.remove(p), #store)
table.move(p, 1, 10, 5); print(table.concat(store, ",", 1, 20))
local big = {} for i = 1, 2000 do big[i] = tostring(i) .. "s" end
for k = 1, 3 do print(#table.concat(big, ", ")) collectgarbage() end
print(math.max(setmetatable({1}, {__lt = function(a, b) collectgarbage() return a[1] < b[1] end}), setmetatable({2}, getmetatable(setmetatable({}, {})) or {__lt = function(a, b) return a[1] < b[1] end}))[1])
