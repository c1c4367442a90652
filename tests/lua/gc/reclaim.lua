-- memory that should be reclaimed is: build and drop large structures in a
-- loop and check that the heap stays bounded (only booleans are printed)
collectgarbage()
collectgarbage()
local base = collectgarbage("count")
local peak = 0
local function note() local c = collectgarbage("count"); if c > peak then peak = c end end

-- trees of tables
local function tree(d) if d == 0 then return {} end return {tree(d - 1), tree(d - 1)} end
for _ = 1, 30 do local t = tree(12); note() end
collectgarbage()
print("trees", collectgarbage("count") < base + 512)

-- long strings
for i = 1, 200 do local s = string.rep("abc", 10000 + i); note() end
collectgarbage()
print("long strings", collectgarbage("count") < base + 512)

-- many short distinct strings (interned, then dropped)
for r = 1, 20 do
  local t = {}
  for i = 1, 5000 do t[i] = "key" .. r .. "_" .. i end
end
collectgarbage()
print("short strings", collectgarbage("count") < base + 512)

-- closures and upvalues
for _ = 1, 20 do
  local fs = {}
  for i = 1, 5000 do local x = i; fs[i] = function() return x end end
end
collectgarbage()
print("closures", collectgarbage("count") < base + 512)

-- coroutines with stacks
for _ = 1, 20 do
  local cs = {}
  for i = 1, 500 do
    cs[i] = coroutine.create(function() local a = {}; coroutine.yield(a) end)
    coroutine.resume(cs[i])
  end
end
collectgarbage()
print("coroutines", collectgarbage("count") < base + 512)

-- tables with big array and hash parts
for _ = 1, 20 do
  local t = {}
  for i = 1, 20000 do t[i] = i; t["k" .. (i % 1000)] = i end
end
collectgarbage()
print("big tables", collectgarbage("count") < base + 512)

-- cycles through metatables and finalizers
for _ = 1, 20 do
  for i = 1, 1000 do
    local a, b = {}, {}
    a.b = b; b.a = a
    setmetatable(a, {__index = b, __gc = function() end})
  end
end
collectgarbage(); collectgarbage()
print("cycles with finalizers", collectgarbage("count") < base + 512)

-- weak caches drop their contents
local cache = setmetatable({}, {__mode = "v"})
for i = 1, 50000 do cache[i] = {i} end
collectgarbage()
print("weak cache emptied", next(cache) == nil)

-- the automatic collector keeps the heap bounded without explicit calls
local auto_peak = 0
for i = 1, 300000 do
  local t = {i, i + 1, {i}}
  if i % 1000 == 0 then local c = collectgarbage("count"); if c > auto_peak then auto_peak = c end end
end
print("automatic collection bounded", auto_peak < base + 64 * 1024)
print("peak during explicit phases bounded", peak < base + 256 * 1024)
