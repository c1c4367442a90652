-- error levels select which function's position is reported
local function lvl1() error("level one", 1) end
local function lvl2() error("level two", 2) end
local function lvl3() error("level three", 3) end
local function caller2() lvl2() end           -- line 5
local function caller3() local x = lvl3() end -- line 6
local function outer3() caller3() end         -- line 7
print(pcall(lvl1))
print(pcall(caller2))
print(pcall(outer3))
-- level 2 when called directly from pcall: no Lua caller, no position
print(pcall(lvl2))
-- levels on runtime errors raised by library functions
local function bad() return ("x"):rep({}) end
print(pcall(bad))
-- error raised in a nested function defined in a table
local M = {}
function M.check(v)
  if type(v) ~= "number" then error("expected number, got " .. type(v), 2) end
  return v
end
local function use() return M.check("str") end  -- line 21
print(pcall(use))
local function use2()
  local r = M.check(5)
  return r + M.check(nil)   -- line 25
end
print(pcall(use2))
-- very high level: position missing
print(pcall(function() error("far", 50) end))
