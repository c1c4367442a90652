-- sort.lua: table.sort with and without a comparator.
-- Stresses: sorting arrays of integers, floats and strings with the default
-- order; sorting with Lua comparators (descending, by a field of records,
-- by several keys, case-insensitive strings); already sorted, reversed and
-- many-duplicate inputs.
-- Usage: sort.lua [n]   (default 40000 elements per array)

local N = tonumber(arg and arg[1]) or 40000

local sort, format, lower = table.sort, string.format, string.lower

local seed = 12345
local function rnd(n)
  seed = (seed * 16807) % 2147483647     -- below 2^53: exact with doubles
  return seed % n
end

local MOD = 1000000007
local h = 0
-- order-only checksum: position-weighted sum of a few sampled values
local function mixarr(a, key)
  local n = #a
  local step = n > 1000 and (n - n % 1000) / 1000 or 1
  local i = 1
  while i <= n do
    local v = a[i]
    if key then v = key(v) end
    h = (h * 31 + v % 100003 + i) % MOD
    i = i + step
  end
end

local function strkey(s) return #s * 1000 + s:byte(1) * 10 + s:byte(#s) end

local ROUNDS = 3
for round = 1, ROUNDS do
  -- integers, default order
  local a = {}
  for i = 1, N do a[i] = rnd(1000000) end
  sort(a)
  mixarr(a)
  -- already sorted and reversed inputs
  sort(a)
  mixarr(a)
  local r = {}
  for i = 1, N do r[i] = a[N + 1 - i] end
  sort(r)
  mixarr(r)
  -- descending with a comparator
  sort(a, function(x, y) return x > y end)
  mixarr(a)
  -- many duplicates
  local d = {}
  for i = 1, N do d[i] = rnd(10) end
  sort(d)
  mixarr(d)
  -- floats
  local f = {}
  for i = 1, N do f[i] = rnd(1000000) / 7 end
  sort(f)
  mixarr(f, function(v) return v * 7 - (v * 7) % 1 end)
  -- strings, default order and case-insensitive
  local s = {}
  for i = 1, N / 2 do s[i] = format("%s%d", i % 3 == 0 and "Key" or "key", rnd(100000)) end
  sort(s)
  mixarr(s, strkey)
  sort(s, function(x, y)
    local lx, ly = lower(x), lower(y)
    if lx ~= ly then return lx < ly end
    return x < y
  end)
  mixarr(s, strkey)
  -- records by several keys
  local recs = {}
  for i = 1, N / 2 do recs[i] = { group = rnd(50), score = rnd(1000), id = i } end
  sort(recs, function(x, y)
    if x.group ~= y.group then return x.group < y.group end
    if x.score ~= y.score then return x.score > y.score end
    return x.id < y.id
  end)
  mixarr(recs, function(v) return v.group * 1000000 + v.score * 1000 + v.id % 1000 end)
end

io.write(format("sort %d %d\n", N, h))
