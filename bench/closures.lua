-- closures.lua: functional-style Lua.
-- Stresses: closure creation (with 0..3 upvalues), calls through upvalues
-- and function values, upvalue reads and writes (open and closed, shared by
-- several closures), higher-order map / filter / fold over arrays, function
-- composition, and varargs forwarding.
-- Usage: closures.lua [n]   (default 10000)

local N = tonumber(arg and arg[1]) or 10000

local MOD = 1000000007

local function map(f, t)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(p, t)
  local r, n = {}, 0
  for i = 1, #t do
    local v = t[i]
    if p(v) then n = n + 1; r[n] = v end
  end
  return r
end

local function fold(f, acc, t)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function compose(f, g)
  return function(...) return f(g(...)) end
end

local function adder(k) return function(x) return x + k end end
local function multiplier(k) return function(x) return x * k end end

-- A counter object made only of closures sharing one upvalue.
local function make_counter(start)
  local n = start
  local function inc(d) n = n + (d or 1); return n end
  local function get() return n end
  local function reset() local old = n; n = start; return old end
  return inc, get, reset
end

-- Memoising wrapper: the cache is an upvalue of the returned closure.
local function memoize(f)
  local cache = {}
  return function(x)
    local v = cache[x]
    if v == nil then v = f(x); cache[x] = v end
    return v
  end
end

local data = {}
for i = 1, 200 do data[i] = i end

local check = 0
local sum_add = function(a, b) return (a + b) % MOD end
local is_odd = function(x) return x % 2 == 1 end

for round = 1, N do
  -- fresh closures every round
  local add_r = adder(round % 10)
  local mul3 = multiplier(3)
  local f = compose(add_r, mul3)           -- x -> 3x + round%10
  local mapped = map(f, data)
  local odd = filter(is_odd, mapped)
  local total = fold(sum_add, 0, odd)
  check = (check + total) % MOD

  -- an anonymous closure that captures and updates a local of this round
  local hits = 0
  local under = filter(function(x)
    if x < round % 150 + 50 then hits = hits + 1; return true end
    return false
  end, mapped)
  check = (check + #under * 7 + hits) % MOD

  -- closures sharing an upvalue
  local inc, get, reset = make_counter(round)
  for i = 1, 50 do inc(i % 3) end
  inc()
  check = (check + get() + reset() + get()) % MOD
end

-- Upvalues captured in a loop: each iteration gets its own variable.
local fns = {}
for i = 1, 1000 do
  local j = i * 2
  fns[i] = function(x) j = j + x; return j end
end
for r = 1, N do
  for i = r % 7 + 1, 1000, 97 do
    check = (check + fns[i](r % 5)) % MOD
  end
end

-- Memoised recursion through an upvalue holding the function itself.
local ways
ways = memoize(function(n)
  if n < 2 then return 1 end
  return (ways(n - 1) + ways(n - 2)) % MOD
end)
check = (check + ways(N % 500 + 100)) % MOD

-- Varargs forwarding through a chain of wrappers.
local function wrap(g) return function(...) return g(...) end end
local f3 = wrap(wrap(wrap(function(a, b, c) return a + b * 2 + c * 3 end)))
for i = 1, N * 50 do
  check = (check + f3(i, i % 10, 1)) % MOD
end

print(string.format("check: %d", check))
