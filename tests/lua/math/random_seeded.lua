-- After math.randomseed(n), the sequence is lua5.4's (xoshiro256**, same
-- projection into intervals), whatever else of the math library is used
-- between the seeding and the draws (math.pi, math.maxinteger, ...).
math.randomseed(42)
local x = math.pi
print(math.random(100), math.random(), math.random(10), math.random(0))
math.randomseed(42, 7)
print(math.random(math.mininteger, math.maxinteger), math.random(1, 1000000))
print(math.random(-10, math.maxinteger), math.random(math.mininteger, -1))
print(math.randomseed(3))
local t = {}
for i = 1, 20 do t[i] = math.random(6) end
print(table.concat(t, " "))
print(math.random(3, 3), pcall(math.random, 3, 2))
