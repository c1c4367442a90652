-- debug.sethook / gethook: call, return, line and count events, compared
-- with lua5.4 line by line
local out = {}
local function log(s) out[#out + 1] = s end

local function f(a)
  local b = a + 1
  if b > 2 then
    b = b * 2
  end
  return b
end

-- line events with currentline from getinfo inside the hook
debug.sethook(function(e, l)
  local info = debug.getinfo(2, "Sl")
  log(e .. " " .. tostring(l) .. " " .. tostring(info.currentline) .. " " .. info.short_src)
end, "l")
local x = f(1)
x = f(5)
debug.sethook()
print(table.concat(out, "\n")); out = {}

-- call and return events, names of the called functions
debug.sethook(function(e)
  local info = debug.getinfo(2, "nS")
  log(e .. " " .. tostring(info.name) .. " " .. info.what)
end, "cr")
local s = string.rep("a", 3)
local t = {}
table.insert(t, s)
x = f(2)
local ok = pcall(error, "boom")
debug.sethook()
print(table.concat(out, "\n")); out = {}

-- tail calls
local function g(n) if n == 0 then return "done" end return g(n - 1) end
debug.sethook(function(e) local i = debug.getinfo(2, "n"); log(e .. " " .. tostring(i.name)) end, "c")
g(3)
debug.sethook()
print(table.concat(out, "\n")); out = {}

-- count: every instruction with count 1; at least one event per 100
local n = 0
debug.sethook(function(e) assert(e == "count"); n = n + 1 end, "", 100)
for i = 1, 10000 do x = x + i end
debug.sethook()
print("count events > 50", n > 50)

-- gethook
print(debug.gethook())
local function h() end
debug.sethook(h, "crl", 7)
local hf, mask, cnt = debug.gethook()
debug.sethook()
print(hf == h, mask, cnt)
debug.sethook(h, "")
print(debug.gethook())

-- an error raised in a hook goes to the code that was running
local err
ok, err = pcall(function()
  debug.sethook(function(e, l) debug.sethook(); error("hook error at " .. l) end, "l")
  local y = 1
  return y
end)
print(ok, (tostring(err):gsub("^.-:%d+: ", "")))
-- hooks work again after that
local m = 0
debug.sethook(function() m = m + 1 end, "l")
x = 1
x = 2
debug.sethook()
print("lines after error", m)

-- a hook on another coroutine
local co = coroutine.create(function(a)
  local b = a + 1
  coroutine.yield(b)
  return b * 2
end)
local colines = {}
debug.sethook(co, function(e, l) colines[#colines + 1] = l end, "l")
print(coroutine.resume(co, 1))
print(coroutine.resume(co))
print(table.concat(colines, " "))
print(debug.gethook(co) ~= nil, debug.gethook() == nil)

-- multiple results survive a count hook between the call and their use
local function three() return 1, 2, 3 end
debug.sethook(function() end, "", 1)
local r = {three()}
print(#r, select("#", three()), three())
print(string.format("%d %d %d", three()))
debug.sethook()

-- return values survive a return hook
debug.sethook(function() end, "r")
print(three())
local function varret(...) return ... end
print(varret(4, 5, 6))
debug.sethook()

-- a hook sees local variables of the hooked function
local seen
local function locals(p)
  local q = p * 10
  return q
end
debug.sethook(function(e, l)
  local name, val = debug.getlocal(2, 2)
  if name == "q" and val then seen = val end
end, "l")
locals(4)
debug.sethook()
print("seen q", seen)

-- to-be-closed variables with a return hook
do
  local closed = {}
  debug.sethook(function(e) end, "r")
  local function withclose()
    local a <close> = setmetatable({}, {__close = function() closed[#closed + 1] = "a" end})
    return "r1", "r2"
  end
  print(withclose())
  debug.sethook()
  print(table.concat(closed, ","))
end
