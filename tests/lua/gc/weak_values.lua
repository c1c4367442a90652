-- weak values: collectable values disappear, strings and numbers stay
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local wv = setmetatable({}, {__mode = "v"})
local keep = {}
for i = 1, 10 do
  local v = {i}
  wv[i] = v
  if i % 3 == 0 then keep[#keep + 1] = v end
end
collectgarbage()
local idx = {}
for k in pairs(wv) do idx[#idx + 1] = k end
table.sort(idx)
print("kept", table.concat(idx, " "))
-- strings are values, not objects: never removed from weak tables
wv.s1 = "a short string"
wv.s2 = string.rep("long string ", 100)
wv.s3 = ("x"):rep(10) .. tostring(12345)
wv.n = 42; wv.f = 1.5; wv.b = false; wv.t = true
collectgarbage()
print(wv.s1, #wv.s2, wv.s3, wv.n, wv.f, wv.b, wv.t)
-- functions and coroutines as values are collected
wv.fn = function() end
wv.co = coroutine.create(print)
local fnkeep = function() return 1 end
wv.fnk = fnkeep
collectgarbage()
print(wv.fn, wv.co, wv.fnk == fnkeep)
-- array part entries
local arr = setmetatable({}, {__mode = "v"})
local holder = {}
for i = 1, 100 do arr[i] = {} ; if i <= 10 then holder[i] = arr[i] end end
collectgarbage()
local n = 0
for i = 1, 100 do if arr[i] then n = n + 1 end end
print("array part left", n)
-- "kv": both weak
local kv = setmetatable({}, {__mode = "kv"})
local k1, v1 = {}, {}
kv[k1] = {}         -- value dies
kv[{}] = v1         -- key dies
kv[k1 == nil] = v1  -- boolean key, live value: stays
kv.str = {}         -- string key, dead value
kv[k1] = kv[k1]
collectgarbage()
print("kv", count(kv), kv[false] == v1)
-- a weak-valued intern table: equal contents map to one object
local interned = setmetatable({}, {__mode = "v"})
local function intern(s)
  local o = interned[s]
  if not o then o = {name = s}; interned[s] = o end
  return o
end
local a, b = intern("x"), intern("x")
print("same object", a == b)
a, b = nil, nil
collectgarbage()
print("interned gone", interned.x)
-- values reachable only through another weak table go too
local w1 = setmetatable({}, {__mode = "v"})
local w2 = setmetatable({}, {__mode = "v"})
do local o = {}; w1[1] = o; w2[1] = o end
collectgarbage()
print(w1[1], w2[1])
-- a value that is also a key of a strong table stays
local strong = {}
do local o = {}; wv.kept_by_key = o; strong[o] = true end
collectgarbage()
print("kept by key", wv.kept_by_key ~= nil)
-- weak values of userdata-like file handles stay while open
wv.stdout = io.stdout
collectgarbage()
print(wv.stdout == io.stdout)
-- mode strings with other letters are fine; only k and v matter
local odd = setmetatable({}, {__mode = "xvz"})
odd[1] = {}
collectgarbage()
print("odd mode", odd[1])
-- a non-string __mode is ignored
local nm = setmetatable({}, {__mode = 1})
nm[1] = {}
collectgarbage()
print("numeric mode", type(nm[1]))
