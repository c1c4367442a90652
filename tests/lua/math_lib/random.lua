-- math.random and math.randomseed: after the same seed the sequence is
-- lua5.4's (xoshiro256**, same seeding, float conversion and projection);
-- argument errors still advance the generator as lua5.4's do.
for _, seed in ipairs{0, 1, 42, -1, math.maxinteger, math.mininteger, 123456789} do
  print(math.randomseed(seed))
  local o = {}
  for i = 1, 8 do o[#o+1] = tostring(math.random()) end
  for i = 1, 8 do o[#o+1] = tostring(math.random(10)) end
  for i = 1, 8 do o[#o+1] = tostring(math.random(-5, 5)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(0)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(math.mininteger, math.maxinteger)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(1, 2^40)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(1, 1 << 62)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(0, (1 << 62) + 1)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(math.maxinteger)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(3, 3)) end
  for i = 1, 4 do o[#o+1] = tostring(math.random(7.0)) end
  print(table.concat(o, " "))
end
print(math.randomseed(7, 9)); print(math.random(), math.random(100))
print(math.randomseed(7, -9)); print(math.random(), math.random(100))
print(math.randomseed(7.0, 2^53)); print(math.random(), math.random(100))
math.randomseed(5)
print(pcall(math.random, 5, 1)); print(math.random(1000))
print(pcall(math.random, 1, 2, 3)); print(math.random(1000))
print(pcall(math.random, 1.5)); print(math.random(1000))
print(pcall(math.random, 0, -1)); print(math.random(1000))
print(pcall(math.random, -3)); print(math.random(1000))
print(pcall(math.randomseed, 1.5)); print(math.random(1000))
print(pcall(math.randomseed, nil)); print(math.random(1000))
local a, b = math.randomseed()
print(math.type(a), math.type(b))
