-- thousands of closures, each with private state
local fs = {}
for i = 1, 10000 do
  local v = i
  fs[i] = function(d) v = v + (d or 0); return v end
end
local s = 0
for i = 1, #fs do s = s + fs[i]() end
print(s)
for i = 1, #fs, 2 do fs[i](1) end
s = 0
for i = 1, #fs do s = s + fs[i]() end
print(s)
-- closures that capture other closures
local chain = {}
chain[1] = function() return 1 end
for i = 2, 100 do
  local prev = chain[i - 1]
  chain[i] = function() return prev() + i end
end
print(chain[100]())
-- closure creation inside a hot loop with the same shape
local total = 0
for i = 1, 100000 do
  local f = function(x) return x + i end
  total = total + f(1)
end
print(total)
