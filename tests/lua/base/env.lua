-- _ENV as an ordinary upvalue/local
local function with_env()
  local _ENV = { print = print, x = "inner x" }
  print(x)
  y = "set in custom env"
  return _ENV
end
local e = with_env()
print(e.y, y)
-- functions capture the _ENV in scope when they are created
local function make(env)
  local _ENV = env
  return function() return value end
end
local a = make({ value = "A" })
local b = make({ value = "B" })
print(a(), b())
-- changing the table changes what the function sees
local shared = { value = 1 }
local get = make(shared)
shared.value = 2
print(get())
-- _ENV as a parameter
local function run(_ENV) return k1 + k2 end
print(run({ k1 = 3, k2 = 4 }))
-- assigning to _ENV inside a block
do
  local _ENV = setmetatable({}, { __index = _G })
  newvar = "block-local global"
  print(newvar, _G.newvar)
end
print(newvar)
-- globals inside loaded chunks use the chunk's _ENV
local chunk = load("return function() return gv end", "=c", "t", { gv = "from chunk env" })()
gv = "from _G"
print(chunk(), gv)
