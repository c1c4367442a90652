-- a small program: memoization with weak tables, an object registry with
-- finalizers, and a resource pool; checks results and what gets reclaimed
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
-- memoize a function of a table argument; results die with the argument
local function memoize(f)
  local cache = setmetatable({}, {__mode = "k"})
  return function(x)
    local r = cache[x]
    if r == nil then r = f(x); cache[x] = r end
    return r
  end, cache
end
local calls = 0
local norm, cache = memoize(function(v) calls = calls + 1; return math.sqrt(v.x * v.x + v.y * v.y) end)
local vs = {}
for i = 1, 100 do vs[i] = {x = i, y = i} end
local total = 0
for _ = 1, 3 do for i = 1, 100 do total = total + norm(vs[i]) end end
print(string.format("%.3f", total), calls, count(cache))
for i = 1, 100, 2 do vs[i] = nil end
collectgarbage()
print("cache after", count(cache))
-- registry of live objects: ids from a counter, entries vanish when collected
local registry = setmetatable({}, {__mode = "v"})
local released = {}
local nextid = 0
local function new(kind)
  nextid = nextid + 1
  local o = setmetatable({id = nextid, kind = kind}, {__gc = function(o) released[#released + 1] = o.id end})
  registry[nextid] = o
  return o
end
local live = {}
for i = 1, 20 do local o = new(i % 2 == 0 and "even" or "odd"); if o.kind == "even" then live[#live + 1] = o end end
collectgarbage()
table.sort(released)
print("released", #released, released[1], released[#released], "registered", count(registry))
-- a pool that recycles objects through a finalizer
local pool = {}
local made = 0
local function acquire()
  local o = table.remove(pool)
  if not o then made = made + 1; o = {} end
  return setmetatable(o, {__gc = function(x) pool[#pool + 1] = x end})
end
for round = 1, 5 do
  for i = 1, 10 do local o = acquire(); o.round = round end
  collectgarbage()
end
print("objects made", made, "in pool", #pool)
