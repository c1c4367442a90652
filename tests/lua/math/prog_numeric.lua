-- Numerical algorithms: Newton's method, Simpson integration, bisection,
-- continued-fraction sqrt(2), gcd/lcm, modular exponentiation, Horner.
local function newton(f, df, x, tol)
  for i = 1, 100 do
    local nx = x - f(x) / df(x)
    if math.abs(nx - x) < tol then return nx, i end
    x = nx
  end
  return x, 100
end
local r, it = newton(function(x) return x * x - 2 end, function(x) return 2 * x end, 1, 1e-15)
print(string.format("sqrt2 %.15f in %d steps", r, it))
assert(math.abs(r - math.sqrt(2)) < 1e-15)
local cr = newton(function(x) return x ^ 3 - x - 1 end, function(x) return 3 * x ^ 2 - 1 end, 1.5, 1e-14)
print(string.format("plastic %.12f", cr))

local function simpson(f, a, b, n)
  local h = (b - a) / n
  local s = f(a) + f(b)
  for i = 1, n - 1 do s = s + (i % 2 == 1 and 4 or 2) * f(a + i * h) end
  return s * h / 3
end
print(string.format("int sin 0..pi = %.10f", simpson(math.sin, 0, math.pi, 100)))
print(string.format("int x^2 0..3 = %.10f", simpson(function(x) return x * x end, 0, 3, 10)))
print(string.format("int 4/(1+x^2) = %.12f", simpson(function(x) return 4 / (1 + x * x) end, 0, 1, 1000)))

local function bisect(f, lo, hi)
  for _ = 1, 200 do
    local mid = (lo + hi) / 2
    if mid == lo or mid == hi then break end
    if (f(mid) > 0) == (f(lo) > 0) then lo = mid else hi = mid end
  end
  return lo
end
print(string.format("cos root %.15f", bisect(math.cos, 0, 3)))
print(string.format("pi/2     %.15f", math.pi / 2))

local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function lcm(a, b) return a // gcd(a, b) * b end
local l = 1
for i = 1, 40 do l = lcm(l, i) end
print("lcm(1..40)", l, gcd(1071, 462), gcd(0, 5), gcd(17, 5))

local function powmod(b, e, m)
  local r = 1
  b = b % m
  while e > 0 do
    if e & 1 == 1 then r = r * b % m end
    b = b * b % m
    e = e >> 1
  end
  return r
end
print("powmod", powmod(2, 100, 1000000007), powmod(3, 200, 1000003), powmod(7, 0, 13))
-- Miller-Rabin with small moduli (products fit in 64 bits)
local function isprime(n)
  if n < 2 then return false end
  for _, p in ipairs({ 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 }) do if n % p == 0 then return n == p end end
  local d, s = n - 1, 0
  while d % 2 == 0 do d = d // 2; s = s + 1 end
  for _, a in ipairs({ 2, 3, 5, 7, 11 }) do
    local x = powmod(a, d, n)
    if x ~= 1 and x ~= n - 1 then
      local comp = true
      for _ = 1, s - 1 do
        x = x * x % n
        if x == n - 1 then comp = false break end
      end
      if comp then return false end
    end
  end
  return true
end
local ps = {}
for n = 1000000, 1000200 do if isprime(n) then ps[#ps + 1] = n end end
print("primes", table.concat(ps, " "))
local function horner(coef, x) local r = 0 for i = #coef, 1, -1 do r = r * x + coef[i] end return r end
print("horner", horner({ 1, 2, 3 }, 10), horner({ -1, 0, 1 }, 0.5), horner({ 5 }, 100))
-- continued fraction convergents of sqrt(2)
local p0, q0, p1, q1 = 1, 0, 1, 1
for _ = 1, 20 do p0, q0, p1, q1 = p1, q1, 2 * p1 + p0, 2 * q1 + q0 end
print("convergent", p1, q1, string.format("%.15f", p1 / q1))
