-- debug.getlocal / debug.setlocal: named locals, temporaries, varargs,
-- parameters of functions not running, coroutines, errors.
local function dump(level)
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    if type(value) == "function" then value = "<function>" end
    out[#out + 1] = name .. "=" .. tostring(value)
    i = i + 1
  end
  return table.concat(out, " ")
end

local function f(a, b, ...)
  local x = a + b
  local y = "str"
  do
    local inner = true
    print(dump(1))
  end
  print(dump(1))
  -- varargs are negative indices
  local j = -1
  while true do
    local name, value = debug.getlocal(1, j)
    if not name then break end
    io.write(name, "=", tostring(value), " ")
    j = j - 1
  end
  print()
  return x
end
f(1, 2, "va1", nil, "va3")
f(10, 20)

-- parameters of a function value (not active): names only
local function params(p1, p2, p3, ...) local l = 1 end
for i = 1, 5 do io.write(tostring(debug.getlocal(params, i)), " ") end
print()
print(debug.getlocal(print, 1))
print(debug.getlocal(function(...) end, 1), debug.getlocal(function(...) end, -1))

-- setlocal changes a running function's local
local function g()
  local v = 1
  local w = "w"
  local function set() print(debug.setlocal(2, 1, 100), debug.setlocal(2, 2, "changed")) end
  set()
  print(v, w)
  print(debug.setlocal(1, 50, 0))
  return v
end
print(g())

-- setlocal of a vararg
local function h(...)
  print(debug.setlocal(1, -1, "new first"), debug.setlocal(1, -3, "x"))
  return ...
end
print(h("a", "b"))

-- for-loop internal variables
local function loops()
  for i = 1, 2 do
    local names = {}
    local k = 1
    while true do
      local n = debug.getlocal(1, k)
      if not n then break end
      names[#names + 1] = n
      k = k + 1
    end
    print(table.concat(names, ","))
  end
  for key, val in pairs({ a = 1 }) do
    local names = {}
    local k = 1
    while true do
      local n = debug.getlocal(1, k)
      if not n then break end
      names[#names + 1] = n
      k = k + 1
    end
    print(table.concat(names, ","))
  end
end
loops()

-- locals of the main chunk at level 1 from a function called by it
local mainlocal = "visible"
local function peek()
  local i = 1
  while true do
    local n, v = debug.getlocal(2, i)
    if not n then return nil end
    if n == "mainlocal" then return v end
    i = i + 1
  end
end
print(peek())

-- coroutines
local co = coroutine.create(function(p)
  local inside = p * 2
  coroutine.yield()
  print("after yield", inside)
end)
coroutine.resume(co, 21)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 2, 99))
coroutine.resume(co)

-- to-be-closed variables and constants
local function attribs()
  local c <const> = 10
  local t <close> = nil
  local z = 3
  print(dump(1))
end
attribs()

-- errors
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.setlocal, 50, 1, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.getlocal, co, 5, 1))
print(pcall(debug.getlocal, {}, 1))
print(debug.getlocal(1, 1000))
