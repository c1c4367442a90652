-- many coroutines: 100000 generators alive at once, then dropped
local N = 100000
local gens = {}
for i = 1, N do
  gens[i] = coroutine.wrap(function()
    local x = i
    while true do coroutine.yield(x); x = x + N end
  end)
end
local sum = 0
for i = 1, N do sum = sum + gens[i]() end
for i = 1, N, 7 do sum = sum + gens[i]() end
print("sum", sum)
gens = nil
collectgarbage()
-- 100000 short-lived coroutines, created and finished one after another
local count = 0
for i = 1, N do
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); return a + b end)
  local _, v = coroutine.resume(co, i)
  local _, w = coroutine.resume(co, v)
  if w == 2 * i + 1 then count = count + 1 end
end
print("count", count)
-- coroutine objects held in a table, statuses counted
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function() if i % 3 == 0 then error("x") end; if i % 3 == 1 then coroutine.yield() end end)
  coroutine.resume(cos[i])
end
local st = {}
for i = 1, #cos do local s = coroutine.status(cos[i]); st[s] = (st[s] or 0) + 1 end
print("dead", st.dead, "suspended", st.suspended)
-- memory is bounded: creating and dropping coroutines does not grow the heap
collectgarbage()
local base = collectgarbage("count")
for round = 1, 5 do
  local tmp = {}
  for i = 1, 20000 do
    tmp[i] = coroutine.create(function() coroutine.yield(i) end)
    coroutine.resume(tmp[i])
  end
end
collectgarbage()
collectgarbage()
print("bounded", collectgarbage("count") < base + 2048)
