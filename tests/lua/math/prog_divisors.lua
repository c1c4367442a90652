-- Divisor sums, perfect and amicable numbers, Euler's totient, digit sums.
local N = 20000
local sigma = {}
for i = 1, N do sigma[i] = 0 end
for d = 1, N // 2 do for m = 2 * d, N, d do sigma[m] = sigma[m] + d end end
local perfect, amicable = {}, {}
for n = 2, N do
  if sigma[n] == n then perfect[#perfect + 1] = n end
  local m = sigma[n]
  if m > n and m <= N and sigma[m] == n then amicable[#amicable + 1] = n .. "&" .. m end
end
print("perfect", table.concat(perfect, " "))
print("amicable", table.concat(amicable, " "))
local phi = {}
for i = 1, 100 do phi[i] = i end
for p = 2, 100 do
  if phi[p] == p then for m = p, 100, p do phi[m] = phi[m] // p * (p - 1) end end
end
local out = {}
for i = 1, 20 do out[i] = phi[i] end
print("phi", table.concat(out, " "))
local s = 0
for i = 1, 100 do s = s + phi[i] end
print("sum phi(1..100)", s)
local function digitsum(n) local t = 0 while n > 0 do t = t + n % 10; n = n // 10 end return t end
local harshad = {}
for n = 1, 60 do if n % digitsum(n) == 0 then harshad[#harshad + 1] = n end end
print("harshad", table.concat(harshad, " "))
print("digitsum(2^62)", digitsum(1 << 62), "digitsum(maxint)", digitsum(math.maxinteger))
