-- line numbers in runtime errors
local function msg(f) local ok, m = pcall(f); return m end
print(msg(function()
  local t = nil
  return t.x        -- line 5
end))
print(msg(function()
  local a = 1
  local b = {}
  return a +
    b               -- error reported on the operator's line
end))
print(msg(function()
  local s = "x" ..
    "y" ..
    {}              -- concat
end))
print(msg(function()
  local f
  f(
    1,
    2
  )
end))
print(msg(function()
  local t = {
    a = 1,
    b = nil .. "x",
  }
end))
print(msg(function() error("on this line") end))
print(msg(function()
  error(
    "multi-line call"
  )
end))
local function thrower() error("thrown", 2) end
print(msg(function()
  local x = 1
  thrower()       -- line 39
end))
print(msg(function()
  for i = 1, 3 do
    if i == 3 then local z = nil; z() end
  end
end))
-- errors inside loaded chunks use the chunk name
print(msg(load("local x\nreturn x.y", "=mychunk")))
print(msg(load("\n\nerror('in string chunk')")))
print(msg(load("return 1 + nil", "@virtual.lua")))
