-- Line hooks after a C function's call or return hook: the next line of
-- the Lua caller still gets its line event (also across a yield).
local lines = {}
local function h(e, l) lines[#lines + 1] = e .. (l and (":" .. l) or "") end
local function f()
  local x = 1
  type(x)
  x = 2
  return x
end
debug.sethook(h, "lr")
f()
debug.sethook()
print(table.concat(lines, " "))

lines = {}
debug.sethook(h, "lc")
f()
debug.sethook()
print(table.concat(lines, " "))

lines = {}
debug.sethook(h, "lcr")
f()
debug.sethook()
print(table.concat(lines, " "))

lines = {}
local co = coroutine.create(function(a)
  local x = 1
  coroutine.yield(x)
  x = 2
  return a
end)
debug.sethook(co, h, "lcr")
coroutine.resume(co, 5)
coroutine.resume(co)
print(table.concat(lines, " "))

lines = {}
local function g()
  local s = 0
  for i = 1, 3 do
    s = s + math.abs(-i)
  end
  return s
end
debug.sethook(h, "lr")
g()
debug.sethook()
print(table.concat(lines, " "))
