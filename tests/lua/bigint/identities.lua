-- lurel-only
-- Identities over random operands, every sign combination:
--   (a*b)//b == a,  (a//b)*b + a%b == a,  a%b has the sign of b,
-- and agreement with Lua's integer arithmetic where that does not overflow.
math.randomseed(20240607)

local function randbig(maxdigits)
  local n = math.random(1, maxdigits)
  local t = { tostring(math.random(1, 9)) }
  for i = 2, n do t[i] = tostring(math.random(0, 9)) end
  local b = bigint(table.concat(t))
  if math.random(2) == 1 then b = -b end
  return b
end

local count = 0
for _ = 1, 400 do
  local a, b = randbig(80), randbig(40)
  for _, sa in ipairs({1, -1}) do
    for _, sb in ipairs({1, -1}) do
      local x, y = bigint.abs(a) * sa, bigint.abs(b) * sb
      assert((x * y) // y == x)
      local q, r = x // y, x % y
      assert(q * y + r == x)
      if y > 0 then assert(r >= 0 and r < y) else assert(r <= 0 and r > y) end
      assert((x + y) - y == x)
      assert(x - y == -(y - x))
      assert(x * y == y * x)
      assert(-(-x) == x)
      assert((x * y) % y == 0)
      assert(bigint.gcd(x * y, y) == bigint.abs(y))
      -- shifts are floor multiplications/divisions by powers of two
      local s = math.random(0, 70)
      assert((x << s) == x * bigint(2) ^ s)
      assert((x >> s) == x // bigint(2) ^ s)
      -- ~x == -x - 1
      assert(~x == -x - 1)
      count = count + 1
    end
  end
end

-- against Lua integers (|x|, |y| < 2^31: nothing overflows)
for _ = 1, 2000 do
  local x = math.random(-2^31, 2^31)
  local y = math.random(-2^31, 2^31)
  if y == 0 then y = 1 end
  local bx, by = bigint(x), bigint(y)
  assert(bx + by == x + y and bx - by == x - y and bx * by == x * y)
  assert(bx // by == x // y, x .. " // " .. y)
  assert(bx % by == x % y, x .. " % " .. y)
  assert(bx // y == x // y and x % by == x % y)     -- mixed
  assert((bx & by) == (x & y) and (bx | by) == (x | y) and (bx ~ by) == (x ~ y))
  assert((bx < by) == (x < y) and (bx <= by) == (x <= y) and (bx == by) == (x == y))
  assert((bx < y) == (x < y) and (x <= by) == (x <= y))
  local e = math.random(0, 3)
  assert(bx ^ e == math.tointeger(x ^ e) or math.abs(x ^ e) >= 2^53)
end

-- powmod against ^ and %
for _ = 1, 100 do
  local b, e, m = randbig(30), math.random(0, 40), randbig(20)
  if m ~= 0 then assert(bigint.powmod(b, e, m) == (b ^ e) % m) end
end
-- negative exponent: the inverse
assert(bigint.powmod(3, -1, 7) == 5)
assert((bigint.powmod(3, -1, 7) * 3) % 7 == 1)
print("ok", count)
