-- to-be-closed variables in loops: each iteration, break, goto, return
local log = {}
local function C(name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name end})
end
local function flush(tag) print(tag, table.concat(log, " ")); log = {} end

for i = 1, 3 do
  local x <close> = C("num" .. i)
  log[#log + 1] = "i" .. i
end
flush("numeric for")

for i = 1, 10 do
  local x <close> = C("brk" .. i)
  if i == 2 then break end
end
flush("break")

local i = 0
while true do
  i = i + 1
  local w <close> = C("while" .. i)
  if i >= 3 then break end
end
flush("while")

i = 0
repeat
  local r <close> = C("rep" .. i)
  i = i + 1
until i >= 2   -- the until condition sees the local, then it is closed
flush("repeat")

-- repeat-until whose condition uses the tbc variable itself
i = 0
repeat
  i = i + 1
  local r <close> = setmetatable({n = i}, {__close = function(o) log[#log + 1] = "ru" .. o.n end})
until r.n == 2
flush("until uses var")

-- goto backwards re-enters the block: each pass closes
i = 0
::again::
do
  local g <close> = C("goto" .. i)
  i = i + 1
  if i < 3 then goto again end
end
flush("goto back")

-- goto forward out of nested blocks
do
  local a <close> = C("ga")
  do
    local b <close> = C("gb")
    goto out
  end
end
::out::
flush("goto out")

-- continue-style goto inside a loop
for j = 1, 4 do
  local c <close> = C("cont" .. j)
  if j % 2 == 0 then goto continue end
  log[#log + 1] = "odd" .. j
  ::continue::
end
flush("continue")

-- return from inside nested loops closes everything on the way
local function find(t, x)
  local outer <close> = C("fn")
  for a = 1, #t do
    local row <close> = C("row" .. a)
    for b = 1, #t[a] do
      local cell <close> = C("cell" .. a .. b)
      if t[a][b] == x then return a, b end
    end
  end
  return nil
end
print(find({{1, 2}, {3, 4}}, 3))
flush("return")
print(find({{1}}, 9))
flush("not found")

-- nested loops with break in the inner one only
for a = 1, 2 do
  local oa <close> = C("o" .. a)
  for b = 1, 3 do
    local ib <close> = C("i" .. a .. b)
    if b == 2 then break end
  end
end
flush("inner break")

-- closures capturing tbc loop variables see the value after closing
local keep = {}
for k = 1, 2 do
  local obj <close> = setmetatable({k = k, closed = false}, {__close = function(o) o.closed = true end})
  keep[k] = function() return obj.k, obj.closed end
end
print(keep[1]())
print(keep[2]())

-- 1000 iterations, each closing one value: counts match
local n = 0
for _ = 1, 1000 do
  local x <close> = setmetatable({}, {__close = function() n = n + 1 end})
end
print(n)
