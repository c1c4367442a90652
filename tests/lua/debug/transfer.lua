-- debug.getinfo 'r' (ftransfer, ntransfer) in call and return hooks: the
-- parameters and the results, read with debug.getlocal; zero elsewhere.
local log = {}
local function hook(ev, line)
  local i = debug.getinfo(2, "nrS")
  local name = i.name or "?"
  if name == "sethook" then return end
  local vals = {}
  for k = i.ftransfer, i.ftransfer + i.ntransfer - 1 do
    local n, v = debug.getlocal(2, k)
    vals[#vals + 1] = tostring(n) .. "=" .. tostring(v)
  end
  log[#log + 1] = string.format("%-9s %-8s %s %d %d %s", ev, name, i.what, i.ftransfer, i.ntransfer,
                                table.concat(vals, ","))
end

local function add(a, b) return a + b end
local function va(a, ...) local n = select("#", ...) return n, a, ... end
local function none() end
local function many() return 1, "two", 3.0, nil, false end
local function tail(x) return add(x, 1) end

debug.sethook(hook, "cr")
add(1, 2)
va("x", "y", "z")
va()
none()
many()
tail(10)
local m = math.max(3, 9, 4)
local s = string.rep("ab", 2)
local t = select(2, "a", "b", "c")
debug.sethook()
for _, l in ipairs(log) do print(l) end

-- outside call and return hooks the fields are zero
print(debug.getinfo(1, "r").ftransfer, debug.getinfo(1, "r").ntransfer)
local lines = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "r")
  lines[#lines + 1] = ev .. ":" .. i.ftransfer .. ":" .. i.ntransfer
end, "l")
local z = 1
z = z + 1
debug.sethook()
print(table.concat(lines, " "))
-- count hooks too
local counts = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "r")
  counts[#counts + 1] = ev .. ":" .. i.ftransfer .. ":" .. i.ntransfer
end, "", 3)
for k = 1, 3 do z = z + k end
debug.sethook()
print(counts[1], #counts > 0)
-- in the hook, the hooked function's own level 1 sees nothing
debug.sethook(function(ev)
  local i = debug.getinfo(1, "r")
  if ev == "call" then io.write("hook itself: ", i.ftransfer, " ", i.ntransfer, "\n") end
  debug.sethook()
end, "c")
add(5, 6)
