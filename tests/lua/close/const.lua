-- <const> and <close> attributes: compile errors reported by load, and values
local function compile(src)
  local f, e = load(src, "=src")
  if f then return "ok" end
  return e
end
print(compile("local x <const> = 1; x = 2"))
print(compile("local x <const> = 1; local function f() x = 2 end"))
print(compile("local x <const> = {}; x.field = 2"))     -- fields may change
print(compile("local a, b <const> = 1, 2; b = 3"))
print(compile("local a <const>, b = 1, 2; b = 3"))
print(compile("local x <close> = nil; x = 1"))
print(compile("local x <foo> = 1"))
print(compile("local x <CONST> = 1"))
print(compile("local x < const > = 1"))
print(compile("local x <const>"))
print(compile("local a <close>, b <close> = nil, nil"))
print(compile("local a <close>, b = nil, nil"))
print(compile("local a, b <close> = nil, nil"))
print(compile("local x <const> = 1; do local x = 2; x = 3 end"))
print(compile("local x <const> = 1; for x = 1, 2 do x = 3 end"))
print(compile("local x <const> = 1; local function g() return function() x = 1 end end"))
print(compile("local function f() end; local f <const> = f; f = nil"))
print(compile("local x <const> = 1; x, y = 1, 2"))
print(compile("local x <const> = 1; y, x = 1, 2"))
print(compile("for i <const> = 1, 2 do end"))
print(compile("local x <const> = 1 x = 1"))
print(compile("local t <const> = {}; t[1] = 1; t = nil"))
print(compile("local s <close> = nil; local function f() s = 1 end"))
print(compile("local <const> x = 1"))
print(compile("local function f <const> () end"))

-- const values: constant folding of numbers and strings, used at run time
local N <const> = 10
local S <const> = "abc"
local F <const> = 2.5
local B <const> = true
local Z <const> = nil
local I <const> = math.maxinteger
print(N * 2, S .. "d", F * 2, not B, Z, I + 1 == math.mininteger)
local function usesconst() return N + #S, S:upper() end
print(usesconst())
-- const of a non-constant expression
local T <const> = {1, 2, 3}
T[4] = 4
print(#T)
local G <const> = print
G("const function call")
-- const shadowed by a non-const local
do local N = 5; N = N + 1; print(N) end
print(N)
-- consts in nested functions are upvalues or folded: either way, same value
local function outer()
  local K <const> = 7
  return function(x) return x * K end
end
print(outer()(6))
-- integer division and float consts folded the same way as at run time
local A <const> = 7
local D <const> = 2
print(A // D, A / D, A % D, -A // D, A ^ D, A << D, A >> 1, A & D, A | D, A ~ D)
local Q <const> = 1 // 1
print(Q, math.type(Q))
-- runtime error messages name a const like a constant
local C1 <const> = "x"
print(pcall(function() return C1 + 1 end))
local C2 <const> = {}
print(pcall(function() return C2.a.b end))

-- close attribute with nil and false values is allowed and ignored
local function nilclose()
  local a <close> = nil
  local b <close> = false
  return "fine"
end
print(nilclose())
-- non-closable values raise with the variable name
for _, v in ipairs{1, "s", {}, print, 2.5, true, coroutine.create(print)} do
  local ok, e = pcall(function() local mine <close> = v end)
  print(type(v), ok, e)
end
-- a table with a metatable lacking __close
print(pcall(function() local m <close> = setmetatable({}, {__index = {}}) end))
-- __close must be in the metatable at the time of declaration
print(pcall(function() local m <close> = setmetatable({}, {}) end))
-- __close as a callable table
local called
local callable = setmetatable({}, {__call = function(self, obj, e) called = "callable " .. tostring(e) end})
do local x <close> = setmetatable({}, {__close = callable}) end
print(called)
-- __close removed after declaration: error at close time
print(pcall(function()
  local mt = {__close = function() end}
  local x <close> = setmetatable({}, mt)
  mt.__close = nil
end))
-- __close replaced after declaration: the new one is called
do
  local mt = {__close = function() print("old") end}
  local x <close> = setmetatable({}, mt)
  mt.__close = function() print("new") end
end
-- userdata with __close: a file handle from io.tmpfile is closed
local fh
do
  local f <close> = io.tmpfile()
  fh = f
  f:write("x")
end
print(io.type(fh))
