-- producer / consumer, filters and pipes (PiL style)
local function receive(prod)
  local status, value = coroutine.resume(prod)
  return value
end
local function send(x) coroutine.yield(x) end
local function producer(items)
  return coroutine.create(function()
    for _, v in ipairs(items) do send(v) end
    send(nil)
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local line = 1
    while true do
      local x = receive(prod)
      if x == nil then send(nil); return end
      send(string.format("%5d %s", line, x))
      line = line + 1
    end
  end)
end
local function consumer(prod)
  local out = {}
  while true do
    local x = receive(prod)
    if x == nil then break end
    out[#out + 1] = x
  end
  return out
end
for _, l in ipairs(consumer(filter(producer({"alpha", "beta", "gamma"})))) do print(l) end

-- consumer-driven: the consumer is the coroutine, the producer pushes
local function make_consumer()
  local total, n = 0, 0
  local co = coroutine.create(function(first)
    local v = first
    while v ~= "eof" do
      total = total + v; n = n + 1
      v = coroutine.yield(total)
    end
    return "avg", total / n
  end)
  return co
end
local c = make_consumer()
for i = 1, 10 do coroutine.resume(c, i) end
print(coroutine.resume(c, "eof"))

-- a pipeline of N stages, each adding one
local function stage(src)
  return coroutine.wrap(function()
    for v in src do coroutine.yield(v + 1) end
  end)
end
local src = coroutine.wrap(function() for i = 1, 5 do coroutine.yield(i * 10) end end)
for _ = 1, 50 do src = stage(src) end
local got = {}
for v in src do got[#got + 1] = v end
print(table.concat(got, " "))

-- bounded buffer between a producer and a consumer coroutine, driven by a scheduler
local buffer, cap = {}, 3
local log = {}
local prod = coroutine.create(function()
  for i = 1, 10 do
    while #buffer >= cap do coroutine.yield("full") end
    buffer[#buffer + 1] = i
    log[#log + 1] = "p" .. i
  end
  return "producer done"
end)
local cons = coroutine.create(function()
  local got = 0
  while got < 10 do
    if #buffer == 0 then coroutine.yield("empty")
    else
      local v = table.remove(buffer, 1)
      log[#log + 1] = "c" .. v
      got = got + 1
      if got % 2 == 0 then coroutine.yield("took2") end
    end
  end
  return "consumer done"
end)
local rounds = 0
while coroutine.status(prod) ~= "dead" or coroutine.status(cons) ~= "dead" do
  rounds = rounds + 1
  if coroutine.status(prod) ~= "dead" then coroutine.resume(prod) end
  if coroutine.status(cons) ~= "dead" then coroutine.resume(cons) end
end
print(rounds, table.concat(log, " "))

-- sieve of Eratosthenes with a chain of filter coroutines
local function gen(n)
  return coroutine.wrap(function() for i = 2, n do coroutine.yield(i) end end)
end
local function sfilter(p, g)
  return coroutine.wrap(function()
    for n in g do if n % p ~= 0 then coroutine.yield(n) end end
  end)
end
local primes = {}
local g = gen(300)
while true do
  local p = g()
  if p == nil then break end
  primes[#primes + 1] = p
  g = sfilter(p, g)
end
print(#primes, primes[#primes], table.concat(primes, ",", 1, 15))

-- permutations generator
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
local ps = {}
for p in permutations({"a", "b", "c"}) do ps[#ps + 1] = table.concat(p) end
print(#ps, table.concat(ps, " "))
local cnt = 0
for _ in permutations({1, 2, 3, 4, 5, 6, 7}) do cnt = cnt + 1 end
print(cnt)

-- a round-robin scheduler of tasks that sleep for a number of ticks
local tasks, out = {}, {}
local function spawn(name, n, step)
  tasks[#tasks + 1] = {name = name, co = coroutine.create(function()
    for i = 1, n do
      out[#out + 1] = name .. i
      coroutine.yield(step)
    end
  end), wake = 0}
end
spawn("A", 3, 1); spawn("B", 2, 2); spawn("C", 4, 0)
local tick = 0
while #tasks > 0 do
  tick = tick + 1
  for i = #tasks, 1, -1 do
    local t = tasks[i]
    if t.wake <= tick then
      local ok, step = coroutine.resume(t.co)
      if coroutine.status(t.co) == "dead" then table.remove(tasks, i)
      else t.wake = tick + step end
    end
  end
end
print(tick, table.concat(out, " "))
