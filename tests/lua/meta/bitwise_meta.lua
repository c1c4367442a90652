-- bitwise metamethods, and when they are (not) used for numbers
local B = {}
B.__index = B
local function bits(v) return setmetatable({ v = v }, B) end
local function val(x) return type(x) == "table" and x.v or x end
B.__band = function(a, b) return bits(val(a) & val(b)) end
B.__bor = function(a, b) return bits(val(a) | val(b)) end
B.__bxor = function(a, b) return bits(val(a) ~ val(b)) end
B.__shl = function(a, b) return bits(val(a) << val(b)) end
B.__shr = function(a, b) return bits(val(a) >> val(b)) end
B.__bnot = function(a) return bits(~val(a)) end
local x = bits(0xF0)
print((x & 0x3C).v, (0x3C & x).v, (x | 1).v, (x ~ 0xFF).v, (x << 4).v, (x >> 4).v, (~x).v, (1 << bits(3)).v)
-- a float without integer representation tries the other operand's metamethod
local log = {}
local M = setmetatable({}, { __band = function(a, b) log[#log + 1] = type(a) .. "&" .. type(b); return "meta" end })
print(1.5 & M, M & 2.5, "3" & M)
print(table.concat(log, " "))
-- without metamethods the error message depends on the operand
local function e(f) local ok, m = pcall(f); print(ok, (m:gsub("^.-:%d+: ", ""))) end
e(function() return 1.5 & 1 end)
e(function() return {} & 1 end)
e(function() return 1 | {} end)
e(function() local s = setmetatable({}, {}); return s ~ 1 end)
e(function() return ~{} end)
-- __bnot on tables only
local N = setmetatable({}, { __bnot = function(a, b) return rawequal(a, b) end })
print(~N)
