-- memoization with closures
local calls = 0
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local fib
fib = memoize(function(n)
  calls = calls + 1
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end)
assert(fib(90) == 2880067194370816120)
assert(calls == 91)
print("fib(90)", fib(90), "calls", calls)

-- multi-argument memoization with a key builder
local function memo2(f)
  local cache = {}
  local hits = 0
  return function(a, b)
    local k = a .. "," .. b
    if cache[k] ~= nil then hits = hits + 1; return cache[k] end
    local v = f(a, b)
    cache[k] = v
    return v
  end, function() return hits end
end
local binom, hits
binom, hits = memo2(function(n, k)
  if k == 0 or k == n then return 1 end
  return binom(n - 1, k - 1) + binom(n - 1, k)
end)
assert(binom(30, 15) == 155117520)
print("C(30,15)", binom(30, 15), "hits", hits())
-- memoize nil results using a sentinel
local NIL = {}
local function memo_nil(f)
  local cache = {}
  local n = 0
  return function(x)
    local v = cache[x]
    if v == nil then
      n = n + 1
      v = f(x)
      if v == nil then v = NIL end
      cache[x] = v
    end
    if v == NIL then return nil end
    return v
  end, function() return n end
end
local lookup, evals = memo_nil(function(x) if x % 2 == 0 then return x // 2 end end)
for _ = 1, 3 do lookup(1); lookup(2); lookup(3) end
assert(evals() == 3 and lookup(4) == 2 and lookup(5) == nil)
print("evals", evals())
-- longest collatz chain below 10000 with memo
local clen = { [1] = 1 }
local function collatz(n)
  local v = clen[n]
  if v then return v end
  if n % 2 == 0 then v = 1 + collatz(n // 2) else v = 1 + collatz(3 * n + 1) end
  clen[n] = v
  return v
end
local best, bestn = 0, 0
for i = 1, 10000 do local l = collatz(i); if l > best then best, bestn = l, i end end
print("collatz", bestn, best)
assert(bestn == 6171 and best == 262)
