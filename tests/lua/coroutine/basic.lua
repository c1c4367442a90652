-- create / resume / yield: values flow both ways
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b)
  print("got", c, d)
  local e = coroutine.yield(c * d)
  print("got", e)
  return "done", e
end)
print(type(co))
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co, 5))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1))

-- a coroutine that returns nothing
co = coroutine.create(function() end)
print(coroutine.resume(co))
print(coroutine.status(co))

-- yield with no values, resume with no values
co = coroutine.create(function(...)
  print("args", select('#', ...))
  print("y1", select('#', coroutine.yield()))
  print("y2", select('#', coroutine.yield()))
  return
end)
print(select('#', coroutine.resume(co)))
print(select('#', coroutine.resume(co)))
print(select('#', coroutine.resume(co, nil, nil)))
print(coroutine.status(co))

-- a C function as the body
co = coroutine.create(print)
print(coroutine.resume(co, "printed", "by", "print"))
print(coroutine.status(co))
co = coroutine.create(select)
print(coroutine.resume(co, 2, "a", "b", "c"))
co = coroutine.create(coroutine.yield)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))

-- counters in closures
local function counter(n)
  return coroutine.create(function()
    for i = 1, n do coroutine.yield(i) end
    return "end"
  end)
end
local c = counter(3)
for _ = 1, 5 do print(coroutine.resume(c)) end

-- the same function in two coroutines: independent stacks
local function body(name)
  local x = 0
  while true do
    x = x + 1
    local cmd = coroutine.yield(name .. x)
    if cmd == "stop" then return name .. " stopped at " .. x end
  end
end
local a, b = coroutine.create(body), coroutine.create(body)
print(coroutine.resume(a, "a"), coroutine.resume(b, "b"))
print(select(2, coroutine.resume(a)), select(2, coroutine.resume(b)))
print(select(2, coroutine.resume(a)), select(2, coroutine.resume(a)))
print(coroutine.resume(b, "stop"))
print(coroutine.resume(a, "stop"))
print(coroutine.status(a), coroutine.status(b))

-- upvalues shared between the coroutine and its creator
local shared = 0
co = coroutine.wrap(function()
  while true do shared = shared + 1; coroutine.yield(shared) end
end)
co(); co()
shared = shared + 10
print(co(), shared)

-- recursion inside a coroutine, yield from deep inside
local function walk(t)
  if type(t) == "table" then
    for i = 1, #t do walk(t[i]) end
  else
    coroutine.yield(t)
  end
end
local tree = {1, {2, {3, {4, 5}}, 6}, {{{7}}}, 8}
local out = {}
for v in coroutine.wrap(function() walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))

-- a yield deep inside a recursive call chain, 1000 levels
local function deep(n)
  if n == 0 then coroutine.yield("bottom"); return 0 end
  return 1 + deep(n - 1)
end
co = coroutine.create(deep)
print(coroutine.resume(co, 1000))
print(coroutine.resume(co))
