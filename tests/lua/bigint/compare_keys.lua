-- lurel-only
-- Equality and order across bigints, integers and floats (by value, exact),
-- and bigint table keys (by value; one that fits is the integer key).
local B = bigint
assert(B(5) == 5 and 5 == B(5) and B(5) == 5.0 and B(5) ~= 6)
assert(B(5) == B(5) and B(5) ~= B(-5))
assert(rawequal(B(5), 5) and rawequal(B(7), B(7)) and not rawequal(B(7), "7"))
assert(B(5) ~= "5" and B(0) ~= false and B(0) ~= nil)
assert(type(B(1)) == "userdata")
assert(math.type(B(1)) == nil)
assert(bigint.isbigint(B(1)) and not bigint.isbigint(1))

-- order with integers, floats, bigints
assert(B(1) < 2 and 1 < B(2) and B(2) <= 2 and 2 <= B(2) and not (B(3) < 3))
assert(B(2) ^ 64 > math.maxinteger and -(B(2) ^ 64) < math.mininteger)
assert(B(2) ^ 53 + 1 > 2.0 ^ 53 and B(2) ^ 53 + 1 ~= 2.0 ^ 53)     -- exact, no rounding
assert(B(2) ^ 53 == 2.0 ^ 53 and B(2) ^ 100 == 2.0 ^ 100)
assert(B(3) > 2.5 and B(3) < 3.5 and B(-3) < -2.5)
assert(B(10) ^ 400 < math.huge and -(B(10) ^ 400) > -math.huge)
local nan = 0 / 0
assert(not (B(1) < nan) and not (B(1) >= nan) and B(1) ~= nan)
-- immediate operands (compiled as constants)
local x = B(7)
assert(x == 7 and x ~= 8 and x > 6 and x >= 7 and x < 8 and x <= 7)
assert(x + 1 == 8 and 1 + x == 8 and x - 1 == 6 and x * 2 == 14 and x % 4 == 3 and x // 2 == 3)

-- mixing with floats gives floats (as integers do in Lua)
assert(math.type(B(10) + 0.5) == "float" and B(10) + 0.5 == 10.5)
assert(B(10) / 4 == 2.5 and math.type(B(10) / 5) == "float")
assert(B(2) ^ 0.5 == math.sqrt(2))
assert(B(2) ^ -1 == 0.5)
assert(B(7) // 2.0 == 3.0 and math.type(B(7) // 2.0) == "float")
assert((B(2) ^ 53 + 1) + 0.0 == 2.0 ^ 53)                    -- nearest, ties to even
assert((B(2) ^ 53 + 3) + 0.0 == 2.0 ^ 53 + 4)
assert(bigint.tonumber(B(2) ^ 80 + (1 << 27)) == 2.0 ^ 80)
assert(bigint.tonumber(B(2) ^ 80 + (1 << 27) + 1) == 2.0 ^ 80 + 2.0 ^ 28)
assert(bigint.tonumber(B(2) ^ 80 + 3 * (1 << 27)) == 2.0 ^ 80 + 2.0 ^ 29)
assert(bigint.tonumber(-(B(2) ^ 80) - 3 * (1 << 27)) == -(2.0 ^ 80 + 2.0 ^ 29))
assert(bigint.tonumber(B(2) ^ 1024) == math.huge)
assert(bigint.tonumber(-(B(2) ^ 1023) * 3) == -math.huge)
assert(bigint.tonumber(B(2) ^ 70 + 1) == 2.0 ^ 70)
assert(math.type(bigint.tonumber(B(5))) == "integer")
assert((B(2) ^ 70 + 2 ^ 60) + 0.0 == 2.0 ^ 70 + 2.0 ^ 60)
-- strings coerce as in Lua arithmetic
assert(B(5) + "10" == 15 and "2" * B(3) == 6)

-- keys
local t = {}
t[B(5)] = "five"
assert(t[5] == "five" and t[5.0] == "five" and t[B(5)] == "five")
t[6] = "six"
assert(t[B(6)] == "six")
local big1 = B(2) ^ 100
local big2 = B("1267650600228229401496703205376")
assert(big1 == big2 and rawequal(big1, big2))
t[big1] = "big"
assert(t[big2] == "big" and rawget(t, big2) == "big")
t[big2] = "BIG"
local n = 0
for k, v in pairs(t) do
  n = n + 1
  if v == "five" then assert(math.type(k) == "integer" and k == 5) end
  if v == "BIG" then assert(bigint.isbigint(k) and k == big1) end
end
assert(n == 3)
t[B(2) ^ 100] = nil
assert(t[big1] == nil and next({}) == nil)
-- many equal bigints share one slot each
local u = {}
for i = 1, 200 do u[B(2) ^ 80 + i] = i end
for i = 1, 200 do u[B(2) ^ 80 + i] = u[B(2) ^ 80 + i] + 1 end
local c = 0
for _, v in pairs(u) do c = c + 1 end
assert(c == 200 and u[B(2) ^ 80 + 17] == 18)

-- process.match is raw equality: by value
assert(process.match(B(5), 5) and process.match({B(2) ^ 70}, {B(2) ^ 70}))

-- text
assert(tostring(B(-12)) == "-12" and "x" .. B(12) == "x12" and B(1) .. B(2) == "12")
assert(string.format("%s", B(2) ^ 64) == "18446744073709551616")
print("ok")
