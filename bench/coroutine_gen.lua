-- coroutine_gen.lua: generators and producer/consumer pipelines.
-- Stresses: coroutine.resume/yield switches (values passed both ways),
-- coroutine.wrap generators in generic for loops, recursive generators
-- (yield from deep inside a recursion), chains of filter coroutines,
-- creating and finishing many short-lived coroutines.
-- Usage: coroutine_gen.lua [n]   (default 500000)

local N = tonumber(arg and arg[1]) or 500000
local yield, wrap, create, resume = coroutine.yield, coroutine.wrap, coroutine.create, coroutine.resume

-- 1. a range generator consumed by a generic for
local function range(n)
  return wrap(function() for i = 1, n do yield(i) end end)
end
local s1 = 0
for i in range(N) do s1 = s1 + i % 7 end

-- 2. producer -> filter -> filter -> consumer, driven by resume
local function producer(n)
  return create(function()
    for i = 1, n do yield(i * 3 + 1) end
    return nil
  end)
end
local function filter(src, f)
  return create(function()
    while true do
      local ok, v = resume(src)
      if v == nil then return nil end
      local r = f(v)
      if r then yield(r) end
    end
  end)
end
local chain = filter(filter(producer(N), function(v) if v % 2 == 0 then return v / 2 end end),
                     function(v) return v % 1000 end)
local s2, c2 = 0, 0
while true do
  local ok, v = resume(chain)
  if v == nil then break end
  s2 = s2 + v; c2 = c2 + 1
end

-- 3. in-order walk of a binary search tree with a recursive generator
local function insert(t, k)
  if t == nil then return {key = k} end
  if k < t.key then t.left = insert(t.left, k) else t.right = insert(t.right, k) end
  return t
end
local root
local x = 12345
for _ = 1, N / 10 do
  x = (x * 16807) % 2147483647
  root = insert(root, x % 100000)
end
local function walk(t)
  if t then walk(t.left); yield(t.key); walk(t.right) end
end
local s3, prev, sorted = 0, -1, true
for _ = 1, 5 do
  for k in wrap(function() walk(root) end) do
    if k < prev then sorted = false end
    prev = k
    s3 = s3 + k
  end
  prev = -1
end

-- 4. many short-lived coroutines: each does a handshake and finishes
local s4 = 0
for i = 1, N / 4 do
  local co = create(function(a)
    local b = yield(a + 1)
    local c = yield(b * 2)
    return a + b + c
  end)
  local _, r1 = resume(co, i)
  local _, r2 = resume(co, r1)
  local _, r3 = resume(co, r2 % 100)
  s4 = s4 + r3 % 1000
end

-- 5. permutations of 8 elements by a recursive generator
local function permgen(a, n)
  if n <= 1 then yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local s5, np = 0, 0
for p in wrap(function() permgen({1, 2, 3, 4, 5, 6, 7, 8}, 8) end) do
  np = np + 1
  s5 = s5 + p[1] * p[8]
end

-- 6. a round-robin scheduler of worker coroutines
local workers = {}
for w = 1, 50 do
  workers[w] = create(function()
    local acc = 0
    for i = 1, N / 100 do acc = acc + (i * w) % 13; yield() end
    return acc
  end)
end
local s6, alive = 0, #workers
while alive > 0 do
  alive = 0
  for w = 1, #workers do
    local co = workers[w]
    if co then
      local ok, r = resume(co)
      if coroutine.status(co) == "dead" then s6 = s6 + r; workers[w] = false
      else alive = alive + 1 end
    end
  end
end

print(string.format("range: %d", s1))
print(string.format("pipeline: %d values, sum %d", c2, s2))
print(string.format("tree walk: sum %d, sorted %s", s3, tostring(sorted)))
print(string.format("handshakes: %d", s4))
print(string.format("permutations: %d, sum %d", np, s5))
print(string.format("scheduler: %d", s6))
