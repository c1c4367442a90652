-- the closing value, 4th value of a generic for
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. ":" .. tostring(e) end})
end
local function flush(tag) print(tag, table.concat(log, " ")); log = {} end
local function upto(n, name)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer(name)
end

for i in upto(3, "normal") do log[#log + 1] = i end
flush("normal end")
for i in upto(10, "break") do if i == 2 then break end end
flush("break")
local function ret()
  for i in upto(10, "return") do if i == 3 then return i end end
end
print(ret())
flush("return")
print(pcall(function()
  for i in upto(10, "error") do if i == 2 then error("loop error", 0) end end
end))
flush("error")
for i in upto(0, "empty") do log[#log + 1] = "never" end
flush("no iterations")
-- goto out of the loop
for i in upto(5, "goto") do
  if i == 2 then goto done end
end
::done::
flush("goto")
-- nested generic fors
for i in upto(2, "outer") do
  for j in upto(2, "inner" .. i) do log[#log + 1] = i .. j end
end
flush("nested")

-- nil and false as closing values are fine
for i in function(_, c) if c < 2 then return c + 1 end end, nil, 0, nil do log[#log + 1] = i end
flush("nil closing")
for i in function(_, c) if c < 2 then return c + 1 end end, nil, 0, false do log[#log + 1] = i end
flush("false closing")

-- a non-closable closing value is an error before the first iteration
print(pcall(function()
  for i in function() end, nil, nil, 42 do end
end))
print(pcall(function()
  for i in function() end, nil, nil, {} do end
end))
print(pcall(function()
  for i in function() end, nil, nil, "str" do end
end))

-- the closing value is the 4th value: extra values are ignored
local function five()
  return function(_, c) if c < 1 then return c + 1 end end, nil, 0, closer("fourth"), closer("fifth")
end
for i in five() do end
flush("fifth ignored")

-- pairs/ipairs/next-based loops have no closing value
local t = {1, 2, 3}
for _ in ipairs(t) do end
for _ in pairs(t) do end
for _ in next, t do end
print("plain loops ok")

-- io.lines-like iterator closed when the loop breaks (the file would be closed)
local closedfile = false
local function lines()
  local data = {"l1", "l2", "l3"}
  local i = 0
  return function() i = i + 1; return data[i] end, nil, nil,
    setmetatable({}, {__close = function() closedfile = true end})
end
for l in lines() do if l == "l2" then break end end
print("closed on break", closedfile)

-- an error in the closing value's __close after a normal loop end
print(pcall(function()
  for i in function(_, c) if c < 1 then return c + 1 end end, nil, 0,
      setmetatable({}, {__close = function() error("close after loop", 0) end}) do end
  return "unreached"
end))
-- an error in the body and another in __close: the close error wins
print(pcall(function()
  for i in function(_, c) if c < 1 then return c + 1 end end, nil, 0,
      setmetatable({}, {__close = function(_, e) error("close saw " .. tostring(e), 0) end}) do
    error("body", 0)
  end
end))
