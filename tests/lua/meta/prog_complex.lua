-- Complex numbers with metamethods, mixing with real numbers on either side.
local C = {}
C.__index = C
local function new(re, im) return setmetatable({ re = re, im = im or 0 }, C) end
local function lift(x) if getmetatable(x) == C then return x end return new(x, 0) end
C.__add = function(a, b) a, b = lift(a), lift(b) return new(a.re + b.re, a.im + b.im) end
C.__sub = function(a, b) a, b = lift(a), lift(b) return new(a.re - b.re, a.im - b.im) end
C.__mul = function(a, b) a, b = lift(a), lift(b) return new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) end
C.__div = function(a, b)
  a, b = lift(a), lift(b)
  local d = b.re * b.re + b.im * b.im
  return new((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
end
C.__unm = function(a) return new(-a.re, -a.im) end
C.__pow = function(a, n)
  assert(math.type(n) == "integer" and n >= 0, "integer power expected")
  local r = new(1, 0)
  for _ = 1, n do r = r * a end
  return r
end
C.__eq = function(a, b) return a.re == b.re and a.im == b.im end
C.__len = function(a) return math.sqrt(a.re * a.re + a.im * a.im) end
C.__tostring = function(a)
  local function fmt(x) return math.type(x) == "integer" and tostring(x) or string.format("%.4g", x) end
  if a.im == 0 then return fmt(a.re) end
  if a.re == 0 then return fmt(a.im) .. "i" end
  return fmt(a.re) .. (a.im < 0 and "-" or "+") .. fmt(math.abs(a.im)) .. "i"
end
C.__concat = function(a, b) return tostring(a) .. tostring(b) end
function C:conj() return new(self.re, -self.im) end
local i = new(0, 1)
local z = 3 + 4 * i
print(z, #z, z:conj(), z * z:conj(), -z, z - 3, 1 - z)
print(i * i, i ^ 4, (1 + i) ^ 8, z / (1 + 2 * i), 2 / i)
print("z = " .. z, z .. " is z", i .. i)
print(z == new(3, 4), z == z:conj(), (i ^ 2) == new(-1, 0))
-- roots of unity
local n, parts = 6, {}
for k = 0, n - 1 do
  local a = 2 * math.pi * k / n
  local w = new(math.cos(a), math.sin(a))
  local w6 = w ^ n
  assert(math.abs(w6.re - 1) < 1e-12 and math.abs(w6.im) < 1e-12)
  parts[#parts + 1] = string.format("(%.3f,%.3f)", w.re, w.im)
end
print(table.concat(parts, " "))
print(pcall(function() return z ^ 0.5 end))
