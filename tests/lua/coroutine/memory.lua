-- lurel-only: a suspended coroutine is cheap (issue: well under lua5.4's
-- ~1 KB).  The collector gives back the stack a coroutine grew to yield
-- from a C function; resuming it again gets the room back.
local N = 20000
local function body(a)
  local b = coroutine.yield(a)
  local c = coroutine.yield(a + b)
  return a + b + c
end

local function perco(mk)
  collectgarbage() collectgarbage()
  local before = collectgarbage("count")
  local t = {}
  for i = 1, N do t[i] = mk(i) end
  collectgarbage() collectgarbage()
  local bytes = (collectgarbage("count") - before) * 1024 / N
  return bytes, t
end

-- a closure alone, to take out of the figure
local closure = perco(function() return function(a) return body(a) end end)
local susp, cos = perco(function(i)
  local co = coroutine.create(function(a) return body(a) end)
  assert(coroutine.resume(co, i))
  return co
end)
local cost = susp - closure
assert(cost < 768, ("a suspended coroutine costs %.0f bytes"):format(cost))

-- every one resumes correctly after its stack was shrunk: values survive,
-- and the yield's C frame has its room again (a deep call inside works)
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
for i = 1, N do
  local ok, v = coroutine.resume(cos[i], 10)
  assert(ok and v == i + 10)
end
collectgarbage()
for i = 1, N, 97 do
  local ok, v = coroutine.resume(cos[i], deep(200))
  assert(ok and v == i + 10 + 200, v)
  assert(coroutine.status(cos[i]) == "dead")
end

-- a coroutine suspended deep inside nested calls and a pcall keeps its frames
local co = coroutine.wrap(function()
  local function rec(n)
    if n == 0 then return coroutine.yield("bottom") end
    local ok, v = pcall(rec, n - 1)
    return v .. "+" .. n
  end
  return rec(50)
end)
assert(co() == "bottom")
collectgarbage() collectgarbage()
local r = co("up")
assert(r:sub(1, 6) == "up+1+2" and r:sub(-3) == "+50", r)

-- a coroutine that died by an error keeps its frames for a traceback
local bad = coroutine.create(function() local x = nil; return x.field end)
assert(not coroutine.resume(bad))
collectgarbage() collectgarbage()
assert(debug.traceback(bad):find("in function <"), debug.traceback(bad))
print("ok")
