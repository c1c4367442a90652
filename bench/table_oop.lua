-- table_oop.lua: object-oriented Lua with metatables.
-- Stresses: method calls (self:m()), instance field reads/writes, method
-- lookup through __index chains of depth 1 to 4, constructors (table
-- allocation + setmetatable), calls to overridden "super" methods, and
-- arithmetic metamethods (__add, __eq, __lt) on small objects.
-- Usage: table_oop.lua [n]   (default 250000)

local N = tonumber(arg and arg[1]) or 250000

local setmetatable = setmetatable

-- Minimal class system: each class is its own metatable; a subclass finds
-- missing methods in its parent through the class's own metatable.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local o = setmetatable({}, c)
    o:init(...)
    return o
  end
  return c
end

---------------------------------------------------------------------------
-- 2D integer vectors with operator metamethods

local Vec = class()
function Vec:init(x, y) self.x = x; self.y = y end
function Vec:dot(o) return self.x * o.x + self.y * o.y end
function Vec:len1() return math.abs(self.x) + math.abs(self.y) end
Vec.__add = function(a, b) return Vec.new(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return Vec.new(a.x - b.x, a.y - b.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__lt = function(a, b) return a:len1() < b:len1() end

---------------------------------------------------------------------------
-- A four-level hierarchy: Entity > Actor > Walker > (Dog | Cat | Robot)

local Entity = class()
function Entity:init(id) self.id = id; self.ticks = 0 end
function Entity:tick() self.ticks = self.ticks + 1; return 1 end
function Entity:kind() return 1 end
function Entity:weight() return self.id % 7 + 1 end

local Actor = class(Entity)
function Actor:init(id, energy)
  Entity.init(self, id)
  self.energy = energy
end
function Actor:spend(k)
  local e = self.energy - k
  if e < 0 then e = e + 100 end
  self.energy = e
  return e
end
function Actor:kind() return 2 end

local Walker = class(Actor)
function Walker:init(id, energy, x, y)
  Actor.init(self, id, energy)
  self.pos = Vec.new(x, y)
  self.steps = 0
end
function Walker:step(dx, dy)
  local p = self.pos
  p.x = p.x + dx
  p.y = p.y + dy
  self.steps = self.steps + 1
  return self:spend(1)
end
function Walker:kind() return 3 end

local Dog = class(Walker)
function Dog:speak() return 3 end
function Dog:act(i)
  self:tick()
  return self:step(1, i % 3 - 1) + self:speak()
end

local Cat = class(Walker)
function Cat:speak() return 5 end
function Cat:kind() return 4 + Walker.kind(self) end   -- super call
function Cat:act(i)
  self:tick()
  if i % 2 == 0 then return self:step(-1, 0) + self:speak() end
  return self:speak() + self:weight()
end

local Robot = class(Walker)
function Robot:init(id, energy, x, y)
  Walker.init(self, id, energy, x, y)
  self.battery = 50
end
function Robot:speak() return 7 end
function Robot:act(i)
  self:tick()
  self.battery = self.battery - 1
  if self.battery == 0 then self.battery = 50; self.energy = 100 end
  return self:step(0, 1) + self:speak() + self.battery
end

---------------------------------------------------------------------------

local MOD = 1000000007
local check = 0

-- Phase 1: a population of actors, polymorphic method calls.
local kinds = { Dog, Cat, Robot }
local pop = {}
local npop = 300
for i = 1, npop do
  pop[i] = kinds[i % 3 + 1].new(i, 50 + i % 50, i % 17, -(i % 13))
end
local rounds = math.floor(N / npop) * 4
for r = 1, rounds do
  for i = 1, npop do
    local a = pop[i]
    check = check + a:act(r + i)
  end
  check = check % MOD
end

for i = 1, npop do
  local a = pop[i]
  check = (check * 3 + a:kind() + a.ticks + a.steps + a.energy
           + a.pos:len1() + a:weight()) % MOD
end

-- Phase 2: short-lived objects, metamethod arithmetic and comparisons.
local acc = Vec.new(0, 0)
local origin = Vec.new(0, 0)
local lt, eq = 0, 0
for i = 1, N do
  local v = Vec.new(i % 11 - 5, i % 7 - 3)
  local w = v + Vec.new(1, 2)
  acc = acc + w - v
  if v < w then lt = lt + 1 end
  if v == origin then eq = eq + 1 end
  check = (check + w:dot(v) + 13) % MOD
end

print(string.format("check: %d", check))
print(string.format("acc: %d %d", acc.x, acc.y))
print(string.format("lt: %d eq: %d", lt, eq))
