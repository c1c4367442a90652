-- lurel-only
-- Messages are copied: cycles and shared sub-tables keep their shape,
-- metatables travel with tables, closures carry copies of their upvalues
-- (shared upvalues stay shared), big strings, mutations stay local
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- an echo process: sends back what it gets (a copy of a copy)
local echo = P.spawn(function()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    P.send(m.from, m.v)
  end
end)
local function roundtrip(v)
  P.send(echo, {from = me, v = v})
  return P.receive()
end

-- plain copy: a different table with the same contents
local t = {1, 2, 3, x = "y", nested = {a = {b = {c = "deep"}}}}
local c = roundtrip(t)
ok(c ~= t, "the received table is a different table")
ok(c[1] == 1 and c[3] == 3 and c.x == "y" and c.nested.a.b.c == "deep", "contents copied")
ok(#c == 3, "length kept")

-- cycles
local cyc = {name = "cyc"}
cyc.self = cyc
cyc.child = {parent = cyc}
c = roundtrip(cyc)
ok(c.self == c, "a self-cycle is kept")
ok(c.child.parent == c, "a two-step cycle is kept")
local ring = {}
local node = ring
for i = 1, 1000 do node.next = {i = i}; node = node.next end
node.next = ring
c = roundtrip(ring)
local p, n = c.next, 0
while p ~= c do n = n + 1; p = p.next end
ok(n == 1000, "a 1001-node ring comes back as a ring")

-- shared sub-tables stay shared
local shared = {"shared"}
local s = {a = shared, b = shared, list = {shared, shared}}
c = roundtrip(s)
ok(c.a == c.b and c.a == c.list[1] and c.list[1] == c.list[2], "a shared sub-table is one table after the copy")
c.a[1] = "changed"
ok(c.b[1] == "changed", "... so changing it through one path shows through the other")
ok(shared[1] == "shared", "the sender's table is untouched")

-- tables as keys, shared between key and value
local k = {"key"}
local kt = {[k] = k}
c = roundtrip(kt)
local ck = next(c)
ok(type(ck) == "table" and ck[1] == "key" and c[ck] == ck, "a table used as key and value stays one table")

-- key types
local keys = {[1] = "i", [2.5] = "f", [true] = "b", ["s"] = "str", [2^53] = "big", [-7] = "neg", [me] = "pid"}
c = roundtrip(keys)
ok(c[1] == "i" and c[2.5] == "f" and c[true] == "b" and c.s == "str" and c[2^53] == "big" and c[-7] == "neg",
   "integer, float, boolean, string and large keys")
ok(c[me] == "pid", "a pid key")
ok(math.type(next({[1.0] = 1})) == "integer", "(float keys with integer value normalise, as in Lua)")

-- arrays with holes and big arrays
local holes = {1, nil, 3, nil, 5}
c = roundtrip(holes)
ok(c[1] == 1 and c[2] == nil and c[3] == 3 and c[5] == 5, "an array with holes")
local big = {}
for i = 1, 100000 do big[i] = i * 2 end
big.tag = "big"
c = roundtrip(big)
local sum, okb = 0, true
for i = 1, 100000 do if c[i] ~= i * 2 then okb = false end end
ok(okb and #c == 100000 and c.tag == "big", "a 100000-element table")

-- strings: keys of received tables work with literals, and received strings
-- work as keys in local tables
c = roundtrip({alpha = 1, beta = 2, ["with space"] = 3})
ok(c.alpha == 1 and c.beta == 2 and c["with space"] == 3, "received string keys found by literal keys")
local local_tab = {gamma = "g"}
local rs = roundtrip("gamma")
ok(local_tab[rs] == "g", "a received string indexes a local table")
ok(rs == "gamma" and #rs == 5, "a received short string equals the literal")
local seen = {}
for _, w in ipairs(roundtrip({"a", "b", "a"})) do seen[w] = (seen[w] or 0) + 1 end
ok(seen.a == 2 and seen.b == 1, "equal received strings are equal keys")

-- big strings
local bigs = string.rep("0123456789", 1000000)     -- 10 MB
local rb = roundtrip(bigs)
ok(#rb == #bigs and rb == bigs, "a 10 MB string arrives equal")
ok(rb:sub(-3) == "789" and rb:byte(5000001) == string.byte("0"), "and usable")
local bt = {[bigs] = "found"}
ok(bt[rb] == "found", "a received long string finds its key")
local many = {}
for i = 1, 200 do many[i] = string.rep(string.char(65 + i % 26), 1000 + i) end
c = roundtrip(many)
local okm = true
for i = 1, 200 do if c[i] ~= many[i] then okm = false end end
ok(okm, "200 long strings arrive equal")
local withnul = "a\0b\0c" .. string.rep("\255", 100)
ok(roundtrip(withnul) == withnul, "strings with NUL and high bytes")

-- metatables travel with their tables
local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({x = a.x + b.x}, Vec) end
Vec.__tostring = function(v) return "Vec(" .. v.x .. ")" end
function Vec.double(v) return v.x * 2 end
local v1, v2 = setmetatable({x = 1}, Vec), setmetatable({x = 2}, Vec)
c = roundtrip({v1, v2})
ok(getmetatable(c[1]) ~= nil and getmetatable(c[1]) == getmetatable(c[2]), "a shared metatable stays shared")
ok(getmetatable(c[1]) ~= Vec, "it is a copy")
ok((c[1] + c[2]).x == 3, "__add works after the copy")
ok(c[2]:double() == 4, "__index methods work after the copy")
ok(tostring(c[1]) == "Vec(1)", "__tostring works after the copy")
local selfmt = {}
setmetatable(selfmt, selfmt)
selfmt.__index = function(_, key) return "dflt-" .. key end
c = roundtrip(selfmt)
ok(getmetatable(c) == c and c.anything == "dflt-anything", "a table that is its own metatable")

-- closures carry copies of their upvalues
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
c = roundtrip({inc = inc, get = get})
ok(c.get() == 2, "a closure's upvalue value is copied")
c.inc(); c.inc(); c.inc()
ok(c.get() == 5, "two closures sharing an upvalue still share it after the copy")
ok(get() == 2, "the sender's upvalue is untouched")

-- a closure sent to another process runs there with its upvalues
local base = 100
local adder = function(x) return x + base end
local worker = P.spawn(function()
  local m = P.receive()
  P.send(m.from, m.f(5))
end)
P.send(worker, {from = me, f = adder})
ok(P.receive() == 105, "a closure runs in another process with its copied upvalue")

-- recursive local function (upvalue refers to itself)
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
c = roundtrip(fact)
ok(c(10) == 3628800 and c ~= fact, "a recursive local function works after the copy")

-- a closure whose upvalue is a table that points back to the closure
local obj = {}
obj.method = function() return obj end
c = roundtrip(obj)
ok(c.method() == c, "a closure and its table keep their cycle")

-- vararg and nested closures
local function mk(...)
  local args = {...}
  return function() return function() return #args, args[2] end end
end
local nested = mk("a", "b", "c")
c = roundtrip(nested)
local na, second = c()()
ok(na == 3 and second == "b", "nested closures copy all the levels of upvalues")

-- C functions and library functions
c = roundtrip({f = string.format, p = print, s = string.rep})
ok(c.f("%d-%s", 1, "x") == "1-x" and c.s("ab", 2) == "abab", "C library functions travel")

-- mutating a received table does not change the sender's
local orig = {list = {1, 2, 3}, name = "orig"}
local mutator = P.spawn(function()
  local m = P.receive()
  m.v.name = "mutated"
  table.insert(m.v.list, 4)
  m.v.list[1] = 100
  P.send(m.from, m.v)
end)
P.send(mutator, {from = me, v = orig})
local mut = P.receive()
ok(mut.name == "mutated" and #mut.list == 4 and mut.list[1] == 100, "the receiver changed its copy")
ok(orig.name == "orig" and #orig.list == 3 and orig.list[1] == 1, "the sender's table is intact")

-- a table changed after the send: the message keeps the value at send time
local later = {v = 1}
P.send(me, later)
later.v = 2
ok(P.receive().v == 1, "the message is the value at the time of the send")

-- deep nesting does not overflow anything
local deep = {}
local cur = deep
for i = 1, 100000 do cur.next = {}; cur = cur.next end
cur.leaf = "bottom"
c = roundtrip(deep)
local depth = 0
cur = c
while cur.next do cur = cur.next; depth = depth + 1 end
ok(depth == 100000 and cur.leaf == "bottom", "a 100000-deep nesting is copied")

-- pids, refs and the wildcard inside tables
local r = P.make_ref()
c = roundtrip({me, r, P._, {r}})
ok(c[1] == me and c[2] == r and c[3] == P._ and c[4][1] == r, "pids, refs and the wildcard inside tables")

-- numbers keep their subtypes; special floats
c = roundtrip({1, 1.0, -0.0, math.huge, -math.huge, math.pi, math.mininteger})
ok(math.type(c[1]) == "integer" and math.type(c[2]) == "float", "integer and float subtypes")
ok(1 / c[3] == -math.huge, "-0.0 keeps its sign")
ok(c[4] == math.huge and c[5] == -math.huge and c[6] == math.pi and c[7] == math.mininteger, "special values")

-- an open upvalue (its function still running) is copied by value
do
  local x = "before"
  local getx = function() return x end
  P.send(me, getx)
  x = "after"
  local f = P.receive()
  ok(f() == "before" and getx() == "after", "an open upvalue is copied with its value at the send")
end

-- received messages survive garbage collection, and dropped ones are freed
local keep = roundtrip({data = {1, 2, 3}, f = function() return "alive" end, s = string.rep("k", 100000)})
local mem0 = collectgarbage("count")
for i = 1, 200 do
  P.send(me, {i, string.rep("z", 10000), {nested = {i}}})
  P.receive()
end
collectgarbage(); collectgarbage()
ok(keep.data[3] == 3 and keep.f() == "alive" and #keep.s == 100000, "a received message survives collections")
ok(collectgarbage("count") < mem0 + 1024, "200 dropped messages of 10 KB are collected")

-- long strings as keys inside a message
local long = string.rep("L", 100) .. "key"
c = roundtrip({[long] = "v1", [string.rep("M", 60)] = "v2", short = "v3"})
ok(c[string.rep("L", 100) .. "key"] == "v1" and c[string.rep("M", 60)] == "v2" and c.short == "v3",
   "long-string keys of a received table are found by equal local strings")
local lk = {}
for i = 1, 500 do lk[string.rep("k", 50) .. i] = i end
c = roundtrip(lk)
local okk = true
for i = 1, 500 do if c[string.rep("k", 50) .. i] ~= i then okk = false end end
ok(okk, "500 long-string keys")

-- queued messages (not yet received) survive collections
for i = 1, 1000 do P.send(me, {i, {tostring(i)}, string.rep("s", 50) .. i}) end
P.spawn(function(parent) for i = 1, 1000 do P.send(parent, {"other", {i}}) end end, me)
collectgarbage(); collectgarbage()
local junk = {}
for i = 1, 100000 do junk[i] = {i} end
junk = nil
collectgarbage(); collectgarbage()
local okq = true
for i = 1, 1000 do
  local m = P.receive({P._, P._, P._})
  if not (m[1] == i and m[2][1] == tostring(i) and m[3] == string.rep("s", 50) .. i) then okq = false end
end
for i = 1, 1000 do
  if P.receive({"other"})[2][1] ~= i then okq = false end
end
ok(okq, "2000 queued messages survive garbage collection intact")

P.send(echo, "stop")
print("copy: all done")
