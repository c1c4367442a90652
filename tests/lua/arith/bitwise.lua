-- bitwise operators on 64-bit integers
local function hex(x) return string.format("0x%016x", x) end
local maxi, mini = math.maxinteger, math.mininteger
assert(0xF0 & 0x3C == 0x30 and 0xF0 | 0x0F == 0xFF and 0xFF ~ 0x0F == 0xF0)
assert(~0 == -1 and ~0xFF == -256)
assert(1 << 63 == mini and 1 << 64 == 0 and 1 << 65 == 0)
assert(-1 >> 1 == maxi)            -- logical shift
assert(-1 >> 63 == 1 and -1 >> 64 == 0 and -1 >> 100 == 0)
assert(mini >> 63 == 1)
assert(1 << -1 == 0 and 2 << -1 == 1 and 0x100 >> -4 == 0x1000)
assert(5 << 0 == 5 and 5 >> 0 == 5)
assert(1 << mini == 0 and 1 >> mini == 0 and -1 << maxi == 0)
assert(-1 << 1 == -2 and -1 << 63 == mini)
print(hex(1 << 63), hex(-1 >> 1), hex(-1 >> 4), hex(0xFF << 56), hex(-1 << 60))
print(1 << 64, 1 << -64, -1 >> -1, 3 >> -62, 7 << 62)
-- floats with integral values are converted
assert(2.0 | 1 == 3 and 3.0 & 1.0 == 1 and 1.0 << 2 == 4)
assert(math.type(2.0 | 1) == "integer")
assert(-0.0 | 0 == 0)
assert(2^53 | 0 == 9007199254740992)
assert(-2^63 | 0 == mini)
-- strings are converted too (through the string metamethods)
local function try(f) local ok, r = pcall(f); if ok then return "ok " .. tostring(r) end return "err " .. r:gsub("^.-:%d+: ", "") end
print(try(function() return "3" | 0 end))
print(try(function() return "0x10" & 0xFF end))
print(try(function() return "3.0" ~ 1 end))
print(try(function() return ~"7" end))
print(try(function() return "1" << "2" end))
-- errors
print(try(function() return 2.5 | 1 end))
print(try(function() return 2^63 | 0 end))
print(try(function() return math.huge & 1 end))
print(try(function() return (0/0) | 1 end))
print(try(function() return "2.5" | 1 end))
print(try(function() return "abc" | 1 end))
print(try(function() return {} | 1 end))
print(try(function() return 1 & nil end))
local t = { f = 1.5 }
print(try(function() return t.f | 1 end))
print(try(function() return t.g ~ 1 end))
print(try(function() return ~t end))
local up = 1.5
print(try(function() return up << 1 end))
-- popcount via bit tricks
local function popcount(x)
  local c = 0
  while x ~= 0 do x = x & (x - 1); c = c + 1 end
  return c
end
assert(popcount(-1) == 64 and popcount(mini) == 1 and popcount(0x5555) == 8)
print(popcount(-1), popcount(maxi), popcount(0xDEADBEEF))
-- rotate left
local function rotl(x, n) n = n & 63; return (x << n) | (x >> (64 - n)) end
print(hex(rotl(0x0123456789ABCDEF, 8)), hex(rotl(1, 63)), hex(rotl(mini, 1)))
