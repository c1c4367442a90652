-- __pairs overrides pairs()
local log = {}
local ordered = setmetatable({ c = 3, a = 1, b = 2 }, {
  __pairs = function(t)
    local keys = {}
    for k in next, t do keys[#keys + 1] = k end
    table.sort(keys)
    local i = 0
    return function()
      i = i + 1
      local k = keys[i]
      if k then return k, t[k] end
    end, t, nil
  end,
})
for k, v in pairs(ordered) do log[#log + 1] = k .. "=" .. v end
print(table.concat(log, " "))
-- __pairs receives the table and its results are passed through (first three)
local seen
local P = setmetatable({}, { __pairs = function(t) seen = t; return function(s, c) if c < 3 then return c + 1, s end end, "state", 0 end })
local got = {}
for k, v in pairs(P) do got[#got + 1] = k .. ":" .. v end
assert(seen == P)
print(table.concat(got, " "))
-- next() ignores __pairs
local count = 0
for _ in next, ordered do count = count + 1 end
assert(count == 3)
-- a proxy that exposes another table through __index and __pairs
local backing = { one = 1, two = 2 }
local proxy = setmetatable({}, { __index = backing, __pairs = function() return next, backing, nil end })
local keys = {}
for k in pairs(proxy) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","), proxy.one, rawget(proxy, "one"))
-- ipairs has no __ipairs in 5.4 but uses __index
local ip = setmetatable({}, { __index = function(_, i) if i < 4 then return i * 2 end end })
local s = {}
for i, v in ipairs(ip) do s[#s + 1] = v end
print(table.concat(s, " "))
