-- Metamethods: __index, __newindex, __len (and __eq for move, __lt for
-- sort) are honoured with the same calls, in the same order, as lua5.4.
local log = {}
local function L(...) local n = select('#', ...) local s = "" for i = 1, n do s = s .. tostring((select(i, ...))) .. " " end log[#log+1] = s end
local function flush(title) print(title, table.concat(log, "| ")) log = {} end
local function proxy(init, lenf)
  local store = {}
  for k, v in pairs(init) do store[k] = v end
  return setmetatable({}, {
    __index = function(_, k) L("get", k) return store[k] end,
    __newindex = function(_, k, v) L("set", k, v) store[k] = v end,
    __len = function() L("len") if lenf then return lenf(store) end local n = 0 while store[n+1] ~= nil do n = n + 1 end return n end,
  }), store
end
local function dump(store, n) local s = {} for i = 1, n do s[i] = tostring(store[i]) end return table.concat(s, ",") end

local p, s = proxy{10, 20, 30}
table.insert(p, 40); flush("insert append"); print(dump(s, 5))
table.insert(p, 2, 15); flush("insert mid"); print(dump(s, 6))
print(pcall(table.insert, p, 9, 1)); flush("insert oob")
print(pcall(table.insert, p, 1, 2, 3)); flush("insert nargs")
print(table.remove(p)); flush("remove last"); print(dump(s, 6))
print(table.remove(p, 1)); flush("remove first"); print(dump(s, 6))
print(pcall(table.remove, p, 7)); flush("remove oob")
print(table.remove(p, #s + 1)); flush("remove n+1")
print(table.concat(p, "-")); flush("concat")
print(table.concat(p, "-", 2, 3)); flush("concat range")
print(pcall(table.concat, p, "-", 1, 5)); flush("concat bad")
print(table.unpack(p)); flush("unpack")
print(table.unpack(p, 2, 3)); flush("unpack range")
print(table.unpack(p, 0, 1)); flush("unpack range0")
local q, qs = proxy{}
table.move(p, 1, 3, 2, q); flush("move to q"); print(dump(qs, 5))
table.move(p, 1, 3, 2); flush("move overlap"); print(dump(s, 5))
table.move(p, 2, 4, 1); flush("move overlap down"); print(dump(s, 5))
local p2, s2 = proxy{5, 3, 8, 1, 9, 2}
table.sort(p2); flush("sort"); print(dump(s2, 6))
local p3, s3 = proxy{5, 3, 8, 1, 9, 2, 7}
table.sort(p3, function(a, b) L("cmp", a, b) return a > b end); flush("sort cmp"); print(dump(s3, 7))
-- __len returning strings / floats
local p4 = proxy({1, 2, 3}, function() return "2" end)
print(table.concat(p4, ",")); flush("len str")
local p5 = proxy({1, 2, 3}, function() return 2.0 end)
print(table.concat(p5, ",")); flush("len float")
local p6 = proxy({1, 2, 3}, function() return 2.5 end)
print(pcall(table.concat, p6, ",")); flush("len bad")
print(pcall(table.insert, p6, 1)); flush("len bad insert")
-- only __index
local base = {1, 2, 3}
local t = setmetatable({}, {__index = base})
print(table.concat(t, ","), #t, table.unpack(t, 1, 3))
print(table.unpack(t))
-- __index table chain
local t2 = setmetatable({}, {__index = setmetatable({}, {__index = {7, 8, 9}})})
print(table.concat(t2, ",", 1, 3), table.unpack(t2, 1, 3))
-- __newindex table
local sink = {}
local t3 = setmetatable({}, {__newindex = sink})
table.insert(t3, "a"); table.insert(t3, "b")
print(rawlen(t3), #sink, sink[1], sink[2])
-- __eq on move
local mt = {__eq = function(a, b) L("eq") return true end}
local a1 = setmetatable({1, 2, 3, 4, 5}, mt)
local a2 = setmetatable({}, mt)
table.move(a1, 1, 4, 2, a2); flush("move eq")
print(dump(a2, 6))
local a3 = setmetatable({1, 2, 3, 4, 5}, {})
local a4 = setmetatable({}, {})
table.move(a3, 1, 4, 2, a4); print(dump(a4, 6))
table.move(a3, 1, 4, 2, a3); print(dump(a3, 6))
-- errors from metamethods
local bad = setmetatable({}, {__index = function(t, k) error("boom " .. k) end, __len = function() return 3 end})
print(pcall(table.concat, bad))
print(pcall(table.unpack, bad))
local bad2 = setmetatable({}, {__index = function(t, k) error("boom2", 2) end, __len = function() return 3 end})
print(pcall(table.concat, bad2))
print(pcall(table.sort, bad2))
local bad3 = setmetatable({}, {__index = 5})
print(pcall(table.unpack, bad3, 1, 2))
print(pcall(table.concat, bad3, "", 1, 2))
local bad4 = setmetatable({}, {__newindex = 5, __len = function() return 0 end})
print(pcall(table.insert, bad4, 1))
print(pcall(table.sort, setmetatable({{}, {}, {}}, {__index = function() end})))
-- __lt sorting
local V = {}
V.__lt = function(a, b) L("lt") return a.v < b.v end
local vs = {}
for i, v in ipairs{5, 1, 4, 2, 3, 1, 5} do vs[i] = setmetatable({v = v, id = i}, V) end
table.sort(vs); flush("sort lt")
local o = {} for i = 1, #vs do o[i] = vs[i].v .. ":" .. vs[i].id end print(table.concat(o, " "))
