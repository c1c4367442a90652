-- hooks (C functions among them) in a frame whose registers are above the
-- top the hooked instruction saw: they survive a collection when the hook returns
local function f(a)
  local b = a + 1
  local c = { b }
  if b > 2 then
    b = b * 2
  end
  return b, c[1]
end
debug.sethook(type, "lcr")
local x, y = f(1)
local s = string.rep("x", 3) .. tostring(x)
debug.sethook(select, "l", 2)
local x2, y2 = f(5)
debug.sethook()
print(x, y, x2, y2, s)
