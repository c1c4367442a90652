-- Sieve of Eratosthenes, prime factorisation, and a segmented variant.
local function sieve(n)
  local composite = {}
  local primes = {}
  for i = 2, n do
    if not composite[i] then
      primes[#primes + 1] = i
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return primes
end

local p = sieve(10000)
assert(#p == 1229 and p[1] == 2 and p[#p] == 9973)
print("primes below 10000:", #p, "last:", p[#p])
local first = {}
for i = 1, 25 do first[i] = p[i] end
print(table.concat(first, " "))

local function factor(n)
  local out = {}
  for _, q in ipairs(p) do
    if q * q > n then break end
    while n % q == 0 do out[#out + 1] = q; n = n // q end
  end
  if n > 1 then out[#out + 1] = n end
  return out
end
for _, n in ipairs({ 2, 12, 97, 360, 1001, 65536, 999983, 123456789, 2^31 - 1 | 0, 600851475143 }) do
  local f = factor(n)
  local prod = 1
  for _, x in ipairs(f) do prod = prod * x end
  assert(prod == n)
  print(n, table.concat(f, "*"))
end

-- segmented sieve counting primes in [lo, hi)
local function segcount(lo, hi)
  local mark = {}
  for _, q in ipairs(p) do
    if q * q >= hi then break end
    local start = math.max(q * q, (lo + q - 1) // q * q)
    for m = start, hi - 1, q do mark[m - lo] = true end
  end
  local c = 0
  for i = math.max(lo, 2), hi - 1 do if not mark[i - lo] then c = c + 1 end end
  return c
end
assert(segcount(0, 10000) == 1229)
print("primes in [1e6, 1e6+10000):", segcount(1000000, 1010000))

-- twin primes and goldbach
local isprime = {}
for _, q in ipairs(p) do isprime[q] = true end
local twins = 0
for i = 1, #p - 1 do if p[i + 1] - p[i] == 2 then twins = twins + 1 end end
print("twin pairs:", twins)
for n = 4, 100, 8 do
  for _, q in ipairs(p) do
    if isprime[n - q] then print(n, "=", q, "+", n - q); break end
  end
end
