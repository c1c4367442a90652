local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v=1}, mt), setmetatable({v=2}, mt)
print(a <= b, b <= a, a <= a, a >= b, b >= a)
print(pcall(function() return a <= 1 end))
local mt2 = {__lt = function(a, b) return (type(a)=="table" and a.v or a) < (type(b)=="table" and b.v or b) end}
local c = setmetatable({v=5}, mt2)
print(c <= 5, 5 <= c, c <= 4, 6 <= c)
if a <= b then print("branch ok") end
