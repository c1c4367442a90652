-- lurel-only
-- Errors: division by zero (lua5.4's words), bad conversions, too large.
local function err(f, ...)
  local ok, e = pcall(f, ...)
  assert(not ok, "no error")
  return tostring(e)
end
local function has(e, s) assert(e:find(s, 1, true), e) end
local B = bigint

has(err(function() return B(1) // 0 end), "attempt to perform 'n//0'")
has(err(function() return B(1) % 0 end), "attempt to perform 'n%0'")
has(err(function() return 5 // B(0) end), "attempt to perform 'n//0'")
has(err(function() return B(2) ^ 100 % B(0) end), "attempt to perform 'n%0'")
has(err(function() return bigint.powmod(2, 3, 0) end), "attempt to perform 'n%0'")
has(err(function() return bigint.powmod(2, -1, 4) end), "not invertible")
-- float division is float
assert(B(1) / 0 == math.huge and B(-1) / 0 == -math.huge)
assert(B(1) // 0.0 == math.huge)

has(err(bigint, 1.5), "number has no integer representation")
has(err(bigint, 0 / 0), "number has no integer representation")
has(err(bigint, math.huge), "number has no integer representation")
has(err(bigint, "12a"), "malformed integer")
has(err(bigint, "1.0"), "malformed integer")
has(err(bigint, ""), "malformed integer")
has(err(bigint, "0x"), "malformed integer")
has(err(bigint, {}), "number or string expected, got table")
has(err(bigint), "got no value")
has(err(function() return B(1) + {} end), "attempt to perform arithmetic on a table value")
has(err(function() return {} * B(1) end), "attempt to perform arithmetic on a table value")
has(err(function() return B(1) + "x" end), "attempt to perform arithmetic on a string value")
has(err(function() return B(1) < "x" end), "attempt to compare bigint with string")
has(err(function() return B(1) < {} end), "attempt to compare bigint with table")
has(err(function() return B(1) & 1.5 end), "number has no integer representation")
has(err(function() return #B(1) end), "attempt to get length of a bigint value")
has(err(function() local b = B(1); return b.x end), "attempt to index a bigint value")
has(err(function() return B(3) ^ (B(2) ^ 40) end), "bigint result too large")
has(err(function() return B(2) ^ (1 << 40) end), "bigint result too large")
assert(B(2) ^ (2 ^ 40) == math.huge)          -- a float exponent: a float power
has(err(function() return B(1) << (1 << 40) end), "bigint result too large")
-- but trivial bases take any exponent
assert(B(1) ^ (B(2) ^ 80) == 1 and B(-1) ^ (B(2) ^ 80 + 1) == -1 and B(0) ^ (B(2) ^ 80) == 0)
assert(B(5) >> (B(2) ^ 80) == 0 and B(-5) >> (B(2) ^ 80) == -1)

has(err(bigint.tostring, B(1), 1), "base out of range")
has(err(bigint.tostring, B(1), 63), "base out of range")
has(err(bigint.tostring, "1"), "bigint expected, got string")
has(err(bigint.gcd, 1.5, 2), "number has no integer representation")
assert(bigint.fromstring("12x") == nil and bigint.fromstring("") == nil)
assert(bigint.fromstring("1 2") == nil)         -- GMP would skip the space; we do not
assert(bigint.fromstring("ff", 16) == 255 and bigint.fromstring("0xff", 16) == 255)
assert(bigint.fromstring("-101", 2) == -5 and bigint.fromstring("2", 2) == nil)
assert(bigint.tointeger("x") == nil and bigint.tointeger(1.5) == nil and bigint.tointeger(3.0) == 3)

-- the error leaves everything usable
local x = B(2) ^ 100
assert(pcall(function() return x // 0 end) == false)
assert(x + 1 == B("1267650600228229401496703205377"))
print("ok")
