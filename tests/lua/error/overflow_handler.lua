-- A message handler runs after a stack overflow (in the space kept for
-- handling it); a second overflow inside the handler is "error in error
-- handling"; the stack recovers afterwards.
local function loop(x, y, z) return 1 + loop(x, y, z) end
local res, msg = xpcall(loop, function(m)
  print("handler", string.find(m, "stack overflow") ~= nil)
  local ok, e = pcall(loop)
  print("inner", ok, e)
  print(math.sin(0) == 0, string.rep("x", 3))
  return 15
end)
print(res, msg)
res, msg = xpcall(loop, function(m) return "H:" .. m end)
print(res, msg)
res, msg = xpcall(loop, function(m) error("again") end)
print(res, msg)
res, msg = xpcall(loop, function(m) return loop() end)
print(res, msg)
for i = 1, 3 do
  local C = 0
  local function y() C = C + 1; y() end
  local ok, e = pcall(y)
  print(i, ok, e, C > 1000)
end
print(xpcall(error, error))
local function f(x)
  if x == 0 then error("a\n") end
  local aux = function() return f(x - 1) end
  return xpcall(aux, aux)
end
print(f(3))
