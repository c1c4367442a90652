-- errors unwinding through several functions and pcalls close exactly the
-- variables above the catching pcall
local log = {}
local function C(name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. "[" .. tostring(e) .. "]" end})
end
local function flush(tag, ...) print(tag, table.concat(log, " "), ...); log = {} end

local function level3() local c <close> = C("l3"); error("deep", 0) end
local function level2() local b <close> = C("l2"); level3() end
local function level1() local a <close> = C("l1"); level2() end
flush("three levels", pcall(level1))

-- a pcall in the middle stops the unwinding there
local function mid()
  local m <close> = C("mid")
  local ok, e = pcall(level2)
  log[#log + 1] = "mid caught " .. e
  return "mid returns"
end
flush("middle pcall", pcall(function() local top <close> = C("top"); return mid() end))

-- the variables below the pcall are closed only when their own scope ends
do
  local outer <close> = C("outer")
  flush("inside", pcall(function() local inner <close> = C("inner"); error("x", 0) end))
end
flush("after block")

-- error() with a level, through tbc frames
local function thrower() local t <close> = C("thrower"); error("leveled", 2) end
local function caller() local c <close> = C("caller"); thrower() end
flush("level 2", pcall(caller))

-- runtime errors in C functions unwind the same way
flush("C error", pcall(function() local x <close> = C("x"); string.rep() end))
flush("arith", pcall(function() local x <close> = C("x"); return {} + 1 end))
-- error objects that are tables
local E = {}
local ok, e = pcall(function() local x <close> = setmetatable({}, {__close = function(_, err) log[#log + 1] = tostring(err == E) end}); error(E) end)
flush("table error", ok, e == E)

-- pcall returning normally after a tbc in the protected function
flush("no error", pcall(function() local x <close> = C("x"); return 1, 2, 3 end))

-- nested pcalls, each with its own tbc, error rethrown outward
flush("rethrow", pcall(function()
  local a <close> = C("a")
  local ok, err = pcall(function()
    local b <close> = C("b")
    error("first", 0)
  end)
  error("second:" .. err, 0)
end))

-- stack overflow with pending tbc variables
local depth = 0
local function recurse()
  depth = depth + 1
  local r <close> = setmetatable({}, {__close = function() depth = depth - 1 end})
  recurse()
end
ok, e = pcall(recurse)
print("overflow", ok, (tostring(e):gsub("^.-:%d+: ", "")), depth)

-- tbc variables in vararg functions and methods
local obj = {}
function obj:m(...)
  local v <close> = C("method" .. select('#', ...))
  error("in method", 0)
end
flush("method", pcall(obj.m, obj, 1, 2))

-- error in a for loop body with a tbc loop local and a closing value
flush("loop", pcall(function()
  for i in function(_, c) if c < 5 then return c + 1 end end, nil, 0, C("forclose") do
    local body <close> = C("body" .. i)
    if i == 3 then error("stop at 3", 0) end
  end
end))

-- a __close run while an error unwinds calls a closure over locals of the
-- dying frame: it sees their last values
local reader
flush("upvalues", pcall(function()
  local x <close> = setmetatable({}, {__close = function() log[#log + 1] = "reader:" .. reader() end})
  local y = 10
  reader = function() return y end
  y = 20
  local big = {}
  for i = 1, 100 do big[i] = i end
  error("with upvalue", 0)
end))
print(reader())
-- many variables closed while unwinding a deep recursion
local count = 0
local function deep(n)
  local v <close> = setmetatable({}, {__close = function() count = count + 1 end})
  if n == 0 then error("bottom", 0) end
  deep(n - 1)
end
print(pcall(deep, 20000))
print(count)
