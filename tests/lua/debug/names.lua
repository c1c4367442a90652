-- Names of functions run by the machinery rather than called by code:
-- hooks ("?", "hook"), finalizers (metamethod '__gc') from collectgarbage,
-- from an automatic collection and at exit, and their tracebacks.
debug.sethook(function()
  local i = debug.getinfo(1, "n")
  print("hook:", i.name, i.namewhat)
  debug.sethook()
end, "l")
local x = 1

-- a C function as the hook: argument errors name it '?'
local co = coroutine.create(function()
  debug.sethook(select, "l")
  local z = 1
  return z
end)
print(coroutine.resume(co))
co = coroutine.create(function()
  debug.sethook(function(e, l) error("hook error on line " .. l) end, "l")
  local z = 1
end)
print(coroutine.resume(co))

-- hooks see who called
debug.sethook(function(e)
  if e == "call" then
    local i = debug.getinfo(2, "n")
    print(e, i.name, i.namewhat)
  end
end, "c")
local s = ("x"):rep(2)
local t = table.concat({ 1, 2 }, s)
debug.sethook()

-- finalizers
setmetatable({}, { __gc = function()
  local i = debug.getinfo(1, "n")
  print("gc:", i.name, i.namewhat, debug.getinfo(2, "S").what)
  print(debug.traceback("in __gc"))
end })
collectgarbage()

local got = {}
local function make()
  setmetatable({}, { __gc = function()
    local i = debug.getinfo(1, "n")
    got[#got + 1] = tostring(i.name) .. "/" .. i.namewhat
  end })
end
for _ = 1, 50 do make() end
for i = 1, 20000 do local _ = { i } end
collectgarbage()
print(#got > 0, got[1])

-- an error in __gc is a warning (off): the program goes on
setmetatable({}, { __gc = function() error("finalizer failed") end })
collectgarbage()
print("after failing finalizer")

-- at exit
setmetatable({}, { __gc = function()
  local i = debug.getinfo(1, "n")
  print("at exit:", i.name, i.namewhat)
end })
print("end of main chunk")
