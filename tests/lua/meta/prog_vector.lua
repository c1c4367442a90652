-- 2D/3D vectors with the full set of arithmetic metamethods
local Vec = {}
Vec.__index = Vec
local function new(x, y, z) return setmetatable({ x = x, y = y, z = z or 0 }, Vec) end
local function isvec(v) return getmetatable(v) == Vec end
local function lift(v) if isvec(v) then return v end return new(v, v, v) end
Vec.__add = function(a, b) a, b = lift(a), lift(b) return new(a.x + b.x, a.y + b.y, a.z + b.z) end
Vec.__sub = function(a, b) a, b = lift(a), lift(b) return new(a.x - b.x, a.y - b.y, a.z - b.z) end
Vec.__mul = function(a, b)
  if isvec(a) and isvec(b) then return a.x * b.x + a.y * b.y + a.z * b.z end
  if isvec(b) then a, b = b, a end
  return new(a.x * b, a.y * b, a.z * b)
end
Vec.__div = function(a, b) return new(a.x / b, a.y / b, a.z / b) end
Vec.__idiv = function(a, b) return new(a.x // b, a.y // b, a.z // b) end
Vec.__mod = function(a, b) return new(a.x % b, a.y % b, a.z % b) end
Vec.__pow = function(a, b) return new(a.x ^ b, a.y ^ b, a.z ^ b) end
Vec.__unm = function(a) return new(-a.x, -a.y, -a.z) end
Vec.__len = function(a) return math.sqrt(a * a) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y and a.z == b.z end
Vec.__lt = function(a, b) return #a < #b end
Vec.__le = function(a, b) return #a <= #b end
Vec.__concat = function(a, b) return tostring(a) .. tostring(b) end
Vec.__tostring = function(a) return string.format("(%g,%g,%g)", a.x, a.y, a.z) end
Vec.__call = function(a, i) return ({ a.x, a.y, a.z })[i] end
Vec.__band = function(a, b) return new(a.x & b.x, a.y & b.y, a.z & b.z) end
Vec.__shl = function(a, n) return new(a.x << n, a.y << n, a.z << n) end
Vec.__bnot = function(a) return new(~a.x, ~a.y, ~a.z) end
function Vec:cross(b) return new(self.y * b.z - self.z * b.y, self.z * b.x - self.x * b.z, self.x * b.y - self.y * b.x) end

local a, b = new(1, 2, 3), new(4, 5, 6)
print(a + b, a - b, a * b, a * 2, 2 * a, b / 2, b // 2, b % 4, a ^ 2, -a)
print(#new(3, 4), a == new(1, 2, 3), a ~= b, a < b, b <= a, a .. b, a .. "!", "v=" .. a)
print(a(1), a(2), a(3), a:cross(b), 1 + a, a - 1)
print(new(12, 10, 6) & new(10, 6, 3), new(1, 2, 3) << 2, ~new(0, 1, -1))
local sum = new(0, 0)
for i = 1, 10 do sum = sum + new(i, i * i) end
print(sum)
assert(sum == new(55, 385, 0))
-- centroid and sorting by length
local pts = { new(3, 4), new(1, 1), new(0, 4.5), new(6, 8), new(-2, 0) }
local c = new(0, 0)
for _, p in ipairs(pts) do c = c + p end
c = c / #pts
print("centroid", c)
table.sort(pts)
local s = {}
for i, p in ipairs(pts) do s[i] = tostring(p) end
print(table.concat(s, " "))
