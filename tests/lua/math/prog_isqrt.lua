-- Integer square roots with Newton's method on 64-bit integers, checked
-- against math.sqrt where exact, plus perfect squares and Pythagorean triples.
local function isqrt(n)
  assert(n >= 0)
  if n < 2 then return n end
  local MAXROOT = 3037000499   -- floor(sqrt(maxinteger)); (MAXROOT+1)^2 overflows
  local x = math.min(math.tointeger(math.floor(math.sqrt(n))), MAXROOT)  -- initial guess
  while x * x > n do x = x - 1 end
  while x < MAXROOT and (x + 1) * (x + 1) <= n do x = x + 1 end
  return x
end
local function isqrt_newton(n)
  if n < 2 then return n end
  local x = n
  local y = x // 2 + (x & 1)   -- (x + 1) // 2 without overflow
  while y < x do x = y; y = (x + n // x) // 2 end
  return x
end
local tests = { 0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 101, 1 << 32, (1 << 32) - 1, 999999999999, 3037000499 * 3037000499, math.maxinteger }
for _, n in ipairs(tests) do
  local a, b = isqrt(n), isqrt_newton(n)
  assert(a == b, n)
  assert(a * a <= n and (a + 1) * (a + 1) > n or a == 3037000499)
  print(n, a)
end
local squares = 0
for n = 1, 10000 do local r = isqrt(n) if r * r == n then squares = squares + 1 end end
print("perfect squares <= 10000:", squares)
local triples = {}
for a = 1, 30 do for b = a, 30 do
  local c2 = a * a + b * b
  local c = isqrt(c2)
  if c * c == c2 then triples[#triples + 1] = a .. "-" .. b .. "-" .. c end
end end
print(#triples, table.concat(triples, " "))
