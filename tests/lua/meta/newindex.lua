local log = {}
local store = {}
local t = setmetatable({ existing = 1 }, {
  __newindex = function(tbl, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v); store[k] = v end,
  __index = store,
})
t.a = 10
t.existing = 2          -- existing key: raw assignment, no metamethod
t[1] = "one"
t.a = 11                -- still absent in t itself, goes through __newindex again
assert(rawget(t, "a") == nil and store.a == 11 and t.a == 11 and t.existing == 2)
print(table.concat(log, " "))
-- __newindex as a table: assignment goes to that table (which may have its own metamethods)
local sink = {}
local redirect = setmetatable({}, { __newindex = sink })
redirect.x = "X"
assert(rawget(redirect, "x") == nil and sink.x == "X")
local inner_log = {}
local sink2 = setmetatable({}, { __newindex = function(_, k, v) inner_log[#inner_log + 1] = k end })
local r2 = setmetatable({}, { __newindex = sink2 })
r2.deep = 1
assert(inner_log[1] == "deep")
print(sink.x, inner_log[1])
-- read-only table
local function readonly(tab)
  return setmetatable({}, {
    __index = tab,
    __newindex = function(_, k) error("attempt to modify read-only field '" .. tostring(k) .. "'", 2) end,
    __len = function() return #tab end,
  })
end
local ro = readonly({ 1, 2, 3, name = "ro" })
assert(ro.name == "ro" and #ro == 3)
local ok, err = pcall(function() ro.name = "rw" end)
print(ok, err)
-- assigning nil through __newindex
local seen
local n = setmetatable({}, { __newindex = function(_, k, v) seen = { k, v } end })
n.z = nil
assert(seen[1] == "z" and seen[2] == nil)
-- rawset inside __newindex to avoid recursion
local counted = setmetatable({}, { __newindex = function(tb, k, v) rawset(tb, k, v * 2) end })
counted.a = 5
counted.a = 7   -- exists now, raw
assert(counted.a == 7)
counted.b = 1
print(counted.a, counted.b)
-- __newindex with integer keys and table.insert
local arrlog = {}
local arr = setmetatable({}, { __newindex = function(tb, k, v) arrlog[#arrlog + 1] = k; rawset(tb, k, v) end })
arr[1] = "a"; arr[2] = "b"; table.insert(arr, "c")
print(table.concat(arrlog, ","), #arr)
