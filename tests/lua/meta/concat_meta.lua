local log = {}
local C = {}
C.__concat = function(a, b)
  local function s(x) return type(x) == "table" and "<" .. x.n .. ">" or tostring(x) end
  log[#log + 1] = s(a) .. "|" .. s(b)
  return setmetatable({ n = s(a) .. s(b) }, C)
end
local x = setmetatable({ n = "x" }, C)
local r = "a" .. x
print(r.n)
r = x .. "b"
print(r.n)
r = 1 .. x .. 2
print(r.n)
r = "p" .. "q" .. x .. "r" .. "s"
print(r.n)
print(table.concat(log, "  "))
-- right associativity: a .. b .. c == a .. (b .. c)
log = {}
local y = setmetatable({ n = "y" }, C)
r = x .. y .. "z"
print(r.n, table.concat(log, "  "))
-- __concat returning a plain string
local S = setmetatable({}, { __concat = function(a, b) return "S" end })
assert(S .. "x" == "S" and "x" .. S == "S" and S .. S == "S")
assert("a" .. "b" .. S == "aS")   -- "b" .. S is done first
-- numbers and strings concatenated normally around a meta value
local N = setmetatable({}, { __concat = function(a, b)
  return (type(a) == "table" and "N" or a) .. (type(b) == "table" and "N" or b)
end })
print(1 .. 2 .. N .. 3 .. 4, 1.5 .. N)
-- error when no metamethod
local function e(f) local ok, m = pcall(f); print(ok, (m:gsub("^.-:%d+: ", ""))) end
e(function() return "a" .. {} end)
e(function() return {} .. {} end)
e(function() local t = setmetatable({}, {}); return t .. "x" end)
e(function() return 1 .. true end)
e(function() return "x" .. nil .. "y" end)
