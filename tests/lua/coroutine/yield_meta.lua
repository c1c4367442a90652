-- yields from inside metamethods called by the VM
local log = {}
local function Y(tag, v)
  local r = coroutine.yield(tag)
  log[#log + 1] = tag
  if r ~= nil then return r end
  return v
end

local mt = {}
mt.__index = function(t, k) return Y("index", "idx:" .. tostring(k)) end
mt.__newindex = function(t, k, v) Y("newindex"); rawset(t, k, v * 2) end
mt.__add = function(a, b) return Y("add", 100) end
mt.__sub = function(a, b) return Y("sub", 200) end
mt.__mul = function(a, b) return Y("mul", 300) end
mt.__div = function(a, b) return Y("div", 1.5) end
mt.__mod = function(a, b) return Y("mod", 7) end
mt.__pow = function(a, b) return Y("pow", 8) end
mt.__unm = function(a) return Y("unm", -1) end
mt.__idiv = function(a, b) return Y("idiv", 9) end
mt.__band = function(a, b) return Y("band", 10) end
mt.__bor = function(a, b) return Y("bor", 11) end
mt.__bxor = function(a, b) return Y("bxor", 12) end
mt.__shl = function(a, b) return Y("shl", 13) end
mt.__shr = function(a, b) return Y("shr", 14) end
mt.__bnot = function(a) return Y("bnot", 15) end
mt.__len = function(a) return Y("len", 42) end
mt.__concat = function(a, b) return Y("concat", "cat") end
mt.__eq = function(a, b) return Y("eq", true) end
mt.__lt = function(a, b) return Y("lt", true) end
mt.__le = function(a, b) return Y("le", false) end
mt.__call = function(self, a, b) return Y("call", (a or 0) + (b or 0)), "second" end
mt.__close = function(self, e) Y("close") end

local function run(name, f)
  local co = coroutine.create(f)
  local tags = {}
  local r = table.pack(coroutine.resume(co))
  while coroutine.status(co) == "suspended" do
    tags[#tags + 1] = tostring(r[2])
    r = table.pack(coroutine.resume(co))
  end
  local vals = {}
  for i = 2, r.n do vals[#vals + 1] = tostring(r[i]) end
  print(name, r[1], table.concat(tags, ","), "->", table.concat(vals, " "))
end

local a, b = setmetatable({}, mt), setmetatable({}, mt)
run("index", function() return a.foo end)
run("index2", function() return a[1] .. a.x end)
run("newindex", function() a.z = 21; return rawget(a, "z") end)
run("arith", function() return (a + 1) + (2 - a) + (a * a) end)
run("div", function() return a / 2, a % 3, a ^ 2, a // 2 end)
run("unm", function() return -a end)
run("bits", function() return a & 1, 1 | a, a ~ a, a << 1, 1 >> a, ~a end)
run("len", function() return #a end)
run("concat", function() return "x" .. a end)
run("concat3", function() return "x" .. a .. "y" .. a .. "z" end)
run("eq", function() return a == b, a ~= b end)
run("lt", function() return a < b, a > b, a < 1, 1 < a end)
run("le", function() return a <= b, a >= b end)
run("call", function() return a(1, 2) end)
run("callmulti", function() return select('#', a()), (a(3, 4)) end)
run("method", function() local o = setmetatable({}, {__index = function(_, k) return function(self, x) return Y("m", x) end end}); return o:foo(5) end)
run("close", function() do local c <close> = a end; return "after close" end)
run("if", function() if a < b then return "yes" else return "no" end end)
run("while", function() local n = 0; while a < b and n < 3 do n = n + 1 end; return n end)
run("chain", function()
  local p = setmetatable({}, {__index = a})
  return p.deep
end)
print(table.concat(log, " "))

-- a metamethod that yields many times
local multi = setmetatable({}, {__add = function(x, y)
  local s = 0
  for i = 1, 5 do s = s + coroutine.yield(i) end
  return s
end})
local co = coroutine.create(function() return multi + 1 end)
local r = {coroutine.resume(co)}
local seq = {}
while coroutine.status(co) ~= "dead" do
  seq[#seq + 1] = r[2]
  r = {coroutine.resume(co, r[2] * 10)}
end
print(table.concat(seq, ","), r[1], r[2])

-- yield inside __index during a numeric for over a proxy
local proxy = setmetatable({}, {__index = function(_, i) return coroutine.yield(i) end})
co = coroutine.wrap(function()
  local s = 0
  for i = 1, 4 do s = s + proxy[i] end
  return "sum", s
end)
local v = co()
while v ~= "sum" do v, s = co(v * 2) end
print(v, s)

-- yield inside __eq used by a comparison in a table search
local E = {__eq = function(x, y) coroutine.yield("cmp"); return x.id == y.id end}
local list = {}
for i = 1, 3 do list[i] = setmetatable({id = i}, E) end
co = coroutine.create(function()
  local key = setmetatable({id = 3}, E)
  for i, item in ipairs(list) do if item == key then return "found", i end end
  return "none"
end)
local n = 0
local ok, res, idx = coroutine.resume(co)
while res == "cmp" do n = n + 1; ok, res, idx = coroutine.resume(co) end
print(n, res, idx)

-- yielding from __lt used by a sorting routine written in Lua
local L = {__lt = function(x, y) coroutine.yield(); return x.v < y.v end}
local arr = {}
for i, v in ipairs({5, 3, 8, 1, 9, 2}) do arr[i] = setmetatable({v = v}, L) end
co = coroutine.wrap(function()
  for i = 2, #arr do
    local j = i
    while j > 1 and arr[j] < arr[j - 1] do arr[j], arr[j - 1] = arr[j - 1], arr[j]; j = j - 1 end
  end
  return "sorted"
end)
local steps = 0
while co() ~= "sorted" do steps = steps + 1 end
local vs = {}
for i = 1, #arr do vs[i] = arr[i].v end
print(steps, table.concat(vs, " "))
