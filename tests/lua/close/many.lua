-- many to-be-closed variables: in one function, in loops, through pcall
local count = 0
local function inc() return setmetatable({}, {__close = function() count = count + 1 end}) end
local src = {"local inc = ...", "return function()"}
for i = 1, 150 do src[#src + 1] = ("local v%d <close> = inc()"):format(i) end
src[#src + 1] = "return 'done' end"
local f = assert(load(table.concat(src, "\n")))(inc)
print(f(), count)
count = 0
for _ = 1, 20000 do
  local a <close> = inc()
  local b <close> = inc()
end
print(count)
count = 0
for i = 1, 5000 do
  pcall(function()
    local a <close> = inc()
    if i % 2 == 0 then error("even") end
  end)
end
print(count)
-- close order over many variables
local order = {}
do
  local vars = {}
  local function mk(i) return setmetatable({}, {__close = function() order[#order + 1] = i end}) end
  local a1 <close> = mk(1)
  local a2 <close> = mk(2)
  local a3 <close> = mk(3)
  local a4 <close> = mk(4)
  local a5 <close> = mk(5)
  local a6 <close> = mk(6)
  local a7 <close> = mk(7)
  local a8 <close> = mk(8)
end
print(table.concat(order, ""))
-- memory stays bounded while creating and closing many objects
collectgarbage()
local before = collectgarbage("count")
for _ = 1, 50000 do
  local x <close> = setmetatable({payload = {1, 2, 3}}, {__close = function(o) o.payload = nil end})
end
collectgarbage()
print(collectgarbage("count") < before + 1024)
