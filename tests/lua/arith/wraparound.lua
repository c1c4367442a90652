-- integer arithmetic wraps around modulo 2^64
local maxi, mini = math.maxinteger, math.mininteger
assert(maxi + 1 == mini)
assert(mini - 1 == maxi)
assert(maxi * 2 == -2)
assert(mini * 2 == 0)
assert(-mini == mini)
assert(mini * -1 == mini)
assert(maxi * maxi == 1)
assert(math.abs(mini) == mini)
assert(maxi + maxi == -2)
assert(mini + mini == 0)
assert(0 - mini == mini)
print(maxi + 1, mini - 1, maxi * 2, mini * 2, -mini, maxi * maxi, maxi * 3)
print(maxi + 1.0, mini - 1.0, maxi * 2.0)
assert(math.type(maxi + 1.0) == "float")
-- multiplication wrap cases
local a = 0x100000000
assert(a * a == 0)
assert((a + 1) * (a + 1) == 2 * a + 1)
print(a * a, (a + 1) * (a + 1), 3037000500 * 3037000500)
-- unary minus and ~ on limits
assert(~maxi == mini and ~mini == maxi)
assert(-maxi == mini + 1)
-- accumulating wraps deterministically
local h = 0
for i = 1, 1000 do h = h * 31 + i end
print("hash", h)
local fnv = 0xcbf29ce484222325
for i = 1, #"hello world" do
  fnv = fnv ~ ("hello world"):byte(i)
  fnv = fnv * 0x100000001b3
end
print("fnv1a", fnv, string.format("%x", fnv))
assert(string.format("%x", fnv) == "779a65e7023cd2e7")
-- integer literal overflowing becomes float, hex wraps
print(9223372036854775807, 9223372036854775808, -9223372036854775808, 0x8000000000000000)
assert(math.type(9223372036854775808) == "float" and 0x8000000000000000 == mini)
