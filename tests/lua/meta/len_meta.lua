local L = setmetatable({ 1, 2, 3 }, { __len = function(t) return 42 end })
assert(#L == 42 and rawlen(L) == 3)
print(#L, rawlen(L))
local S = setmetatable({}, { __len = function() return "not a number" end })
print(#S)
local M = setmetatable({}, { __len = function(a, b) return rawequal(a, b) and 1 or 0 end })
print(#M)
-- __len is used by table functions in 5.4
local log = {}
local P = setmetatable({}, {
  __len = function() return 3 end,
  __index = function(_, i) return "e" .. i end,
})
print(table.concat(P, ","), table.unpack(P))
print(select("#", table.unpack(P)))
-- # on strings ignores metatables
assert(#"abc" == 3)
-- ipairs does not use __len
local Q = setmetatable({ "a", "b" }, { __len = function() return 10 end })
local n = 0
for _ in ipairs(Q) do n = n + 1 end
print(n, #Q)
-- __len with errors
local E = setmetatable({}, { __len = function() error("len failed") end })
print(pcall(function() return #E end))
-- table.insert uses __len
local ins = setmetatable({}, { __len = function() return 5 end })
table.insert(ins, "x")
print(rawget(ins, 6))
