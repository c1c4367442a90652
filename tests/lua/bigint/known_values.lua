-- lurel-only
-- bigint results against independently known values: 2^1000, 100!,
-- Fibonacci numbers, Project Euler 16, 20 and 25.

local P2_1000 = "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376"
local FACT100 = "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000"
local FIB1000 = "43466557686937456435688527675040625802564660517371780402481729089536555417949051890403879840079255169295922593080322634775209689623239873322471161642996440906533187938298969649928516003704476137795166849228875"
local POW3_200 = "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001"

local function digitsum(b)
  local s = 0
  for d in tostring(b):gmatch("%d") do s = s + tonumber(d) end
  return s
end

-- 2^1000 three ways
local p = bigint(2) ^ 1000
assert(tostring(p) == P2_1000)
local q = bigint(1)
for _ = 1, 1000 do q = q * 2 end
assert(q == p)
assert((bigint(1) << 1000) == p)
assert(#tostring(p) == 302)
assert(digitsum(p) == 1366)                 -- Project Euler 16

-- 100!
local f = bigint(1)
for i = 1, 100 do f = f * i end
assert(tostring(f) == FACT100)
assert(digitsum(f) == 648)                  -- Project Euler 20
assert(f % (bigint(10) ^ 24) == 0 and f % (bigint(10) ^ 25) ~= 0)   -- 24 trailing zeros

-- Fibonacci
local a, b = bigint(0), bigint(1)
for _ = 1, 1000 do a, b = b, a + b end
assert(tostring(a) == FIB1000)
-- the first term with 1000 digits is F(4782) (Project Euler 25)
a, b = bigint(0), bigint(1)
local n = 0
while #tostring(a) < 1000 do a, b = b, a + b; n = n + 1 end
assert(n == 4782, n)

-- 3^200, and powmod against it
assert(tostring(bigint(3) ^ 200) == POW3_200)
local m = bigint(10) ^ 20 + 7
assert(bigint.powmod(3, 200, m) == bigint(POW3_200) % m)

-- conversions through text
assert(bigint(P2_1000) == p)
assert(bigint.fromstring(bigint.tostring(p, 16), 16) == p)
assert(bigint.tostring(p, 2) == "1" .. string.rep("0", 1000))
assert(bigint.tostring(bigint(2) ^ 200 - 1, 16) == string.rep("f", 50))
assert(bigint("0x" .. string.rep("F", 50)) == bigint(2) ^ 200 - 1)
assert(bigint.tostring(bigint(-255), 16) == "-ff")
assert(bigint.tostring(bigint(35), 36) == "z")
assert(bigint.fromstring("zz", 36) == 35 * 36 + 35)
assert(tostring(-p):sub(1, 4) == "-107")

-- small values agree with Lua integers
assert(tostring(bigint(0)) == "0" and tostring(bigint(-7)) == "-7")
assert(tostring(bigint(math.maxinteger) + 1) == "9223372036854775808")
assert(tostring(bigint(math.mininteger) - 1) == "-9223372036854775809")
assert(bigint(math.mininteger) == math.mininteger)
assert(bigint.tointeger(bigint(math.maxinteger)) == math.maxinteger)
assert(bigint.tointeger(bigint(math.maxinteger) + 1) == nil)
assert(bigint.tointeger(-(bigint(2) ^ 63)) == math.mininteger)

-- gcd, abs
assert(bigint.gcd(f, p) == bigint(2) ^ 97)             -- 100! has 97 factors of 2
assert(bigint.gcd(-12, 18) == 6)
assert(bigint.abs(-p) == p and bigint.abs(p) == p)
print("ok")
