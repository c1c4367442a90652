-- Exact rational arithmetic with metamethods; computes harmonic numbers,
-- Bernoulli numbers and a continued fraction.
local Q = {}
Q.__index = Q
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return math.abs(a) end
local function q(n, d)
  d = d or 1
  if d == 0 then error("zero denominator", 2) end
  if d < 0 then n, d = -n, -d end
  local g = gcd(n, d)
  if g > 1 then n, d = n // g, d // g end
  return setmetatable({ n = n, d = d }, Q)
end
local function lift(x) if getmetatable(x) == Q then return x end return q(x, 1) end
Q.__add = function(a, b) a, b = lift(a), lift(b) return q(a.n * b.d + b.n * a.d, a.d * b.d) end
Q.__sub = function(a, b) a, b = lift(a), lift(b) return q(a.n * b.d - b.n * a.d, a.d * b.d) end
Q.__mul = function(a, b) a, b = lift(a), lift(b) return q(a.n * b.n, a.d * b.d) end
Q.__div = function(a, b) a, b = lift(a), lift(b) return q(a.n * b.d, a.d * b.n) end
Q.__unm = function(a) return q(-a.n, a.d) end
Q.__pow = function(a, e)
  assert(math.type(e) == "integer")
  local r = q(1)
  if e < 0 then a, e = q(a.d, a.n), -e end
  for _ = 1, e do r = r * a end
  return r
end
Q.__eq = function(a, b) return a.n == b.n and a.d == b.d end
Q.__lt = function(a, b) a, b = lift(a), lift(b) return a.n * b.d < b.n * a.d end
Q.__le = function(a, b) a, b = lift(a), lift(b) return a.n * b.d <= b.n * a.d end
Q.__tostring = function(a) if a.d == 1 then return tostring(a.n) end return a.n .. "/" .. a.d end
Q.__concat = function(a, b) return tostring(a) .. tostring(b) end
function Q:tofloat() return self.n / self.d end

local h = q(0)
for i = 1, 20 do h = h + q(1, i) end
print("H20 = " .. h, string.format("%.10f", h:tofloat()))
assert(tostring(h) == "55835135/15519504")

local function binom(n, k) local r = 1 for i = 1, k do r = r * (n - i + 1) // i end return r end
local B = { [0] = q(1) }
for m = 1, 16 do
  local s = q(0)
  for k = 0, m - 1 do s = s + q(binom(m + 1, k)) * B[k] end
  B[m] = -s / (m + 1)
end
local out = {}
for m = 0, 16, 2 do out[#out + 1] = "B" .. m .. "=" .. tostring(B[m]) end
print(table.concat(out, " "))
assert(B[12] == q(-691, 2730))

local x = q(415, 93)
local cf = {}
while true do
  local ip = x.n // x.d
  cf[#cf + 1] = ip
  local frac = x - ip
  if frac.n == 0 then break end
  x = 1 / frac
end
print("cf(415/93) = [" .. table.concat(cf, "; ") .. "]")
print(q(1, 2) < q(2, 3), q(3, 4) <= q(6, 8), q(1, 3) == q(2, 6), q(-1, 2) < 0, 1 < q(3, 2))
print(q(2, 3) ^ 3, q(2, 3) ^ -2, q(6, -4), -q(1, 5), q(1, 3) * 3 == q(1))
print(pcall(q, 1, 0))
