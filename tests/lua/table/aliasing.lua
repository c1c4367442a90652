-- tables are references: aliasing and shared sub-tables
local a = { 1, 2, 3 }
local b = a
b[1] = 100
print(a[1], a == b, rawequal(a, b))
local c = { table.unpack(a) }
c[2] = 200
print(a[2], c[2], a == c)
-- shallow vs deep copy
local function shallow(t) local r = {} for k, v in pairs(t) do r[k] = v end return r end
local function deep(t, seen)
  if type(t) ~= "table" then return t end
  seen = seen or {}
  if seen[t] then return seen[t] end
  local r = {}
  seen[t] = r
  for k, v in pairs(t) do r[deep(k, seen)] = deep(v, seen) end
  return r
end
local orig = { inner = { x = 1 }, list = { 1, 2 } }
orig.self = orig
local s, d = shallow(orig), deep(orig)
s.inner.x = 2
print(orig.inner.x, d.inner.x, s.self == orig, d.self == d, d.self ~= orig)
-- the same table stored under several keys
local shared = {}
local holder = { a = shared, b = shared, [shared] = shared }
holder.a.v = "set via a"
print(holder.b.v, holder[shared].v, holder[holder.b] == shared)
-- functions receive references
local function fill(t) for i = 1, 3 do t[#t + 1] = i * i end end
local target = {}
fill(target); fill(target)
print(#target, table.concat(target, ","))
-- table equality is identity
print({} == {}, a == a)
