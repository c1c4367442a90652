-- nested protected calls and error propagation
local trace = {}
local function level(n)
  trace[#trace + 1] = "enter " .. n
  if n == 0 then error("bottom", 0) end
  local ok, err = pcall(level, n - 1)
  trace[#trace + 1] = "caught at " .. n .. ": " .. tostring(err)
  if n % 2 == 0 then error(err .. "<" .. n, 0) end
  return "stopped at " .. n
end
print(pcall(level, 4))
print(table.concat(trace, "\n"))
-- errors crossing a function that does not catch
local function a() error("from a", 0) end
local function b() a() end
local function c() local ok, e = pcall(b); return "c got " .. e end
print(c())
-- many pcalls in a loop keep the stack balanced
local fails, sum = 0, 0
for i = 1, 100000 do
  local ok, v = pcall(function(x) if x % 7 == 0 then error("seven") end return x end, i)
  if ok then sum = sum + v else fails = fails + 1 end
end
print(fails, sum)
-- pcall inside metamethods
local safe = setmetatable({}, { __index = function(_, k)
  local ok, v = pcall(function() return k:upper() end)
  return ok and v or "bad key"
end })
print(safe.abc, safe[1])
-- error in the middle of a multiple assignment leaves earlier locals intact
local x, y = 1, 2
local ok = pcall(function() x, y = 10, nil + 1 end)
print(ok, x, y)
-- errors in table constructors and argument lists
print(pcall(function() return { 1, 2, nil .. "x" } end))
print(pcall(function() return math.max(1, {} + 1) end))
