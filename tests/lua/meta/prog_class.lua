-- A small class system: single inheritance, super calls, class-level
-- metamethod inheritance, mixins, properties with getters/setters, isinstance.
local function class(name, parent)
  local c = { __name = name, super = parent, __props = {} }
  c.__index = function(obj, k)
    local cls = c
    while cls do
      local p = rawget(cls, "__props")[k]
      if p and p.get then return p.get(obj) end
      local v = rawget(cls, k)
      if v ~= nil then return v end
      cls = cls.super
    end
  end
  c.__newindex = function(obj, k, v)
    local cls = c
    while cls do
      local p = rawget(cls, "__props")[k]
      if p then
        if not p.set then error("property '" .. k .. "' is read-only", 2) end
        return p.set(obj, v)
      end
      cls = cls.super
    end
    rawset(obj, k, v)
  end
  if parent then
    for _, ev in ipairs({ "__tostring", "__eq", "__lt", "__le", "__add", "__len", "__call", "__concat" }) do
      if rawget(c, ev) == nil then c[ev] = parent[ev] end
    end
  end
  setmetatable(c, {
    __index = parent,
    __call = function(cls, ...)
      local obj = setmetatable({}, cls)
      if cls.init then cls.init(obj, ...) end
      return obj
    end,
    __tostring = function() return "class " .. name end,
  })
  function c.property(pname, get, set) c.__props[pname] = { get = get, set = set } end
  return c
end

local function isinstance(obj, cls)
  local m = getmetatable(obj)
  while m do
    if m == cls then return true end
    m = m.super
  end
  return false
end

local function include(cls, mixin)
  for k, v in pairs(mixin) do cls[k] = v end
  return cls
end

local Animal = class("Animal")
function Animal:init(name, legs) self.name = name; self._legs = legs or 4 end
function Animal:speak() return self.name .. " makes a sound" end
function Animal:describe() return ("%s has %d legs"):format(self.name, self.legs) end
Animal.__tostring = function(a) return "<" .. getmetatable(a).__name .. " " .. a.name .. ">" end
Animal.__eq = function(a, b) return a.name == b.name end
Animal.__lt = function(a, b) return a.name < b.name end
Animal.property("legs", function(self) return self._legs end)

local Dog = class("Dog", Animal)
function Dog:init(name, trick) Animal.init(self, name, 4); self.trick = trick end
function Dog:speak() return self.name .. " barks" end
function Dog:show() return self:speak() .. " and can " .. self.trick end

local Bird = class("Bird", Animal)
function Bird:init(name) self.super.init(self, name, 2) end
function Bird:speak() return Animal.speak(self) .. " (tweet)" end
Bird.property("wingspan", function(self) return self._ws or 0 end, function(self, v)
  if type(v) ~= "number" or v < 0 then error("bad wingspan", 3) end
  rawset(self, "_ws", v)
end)

local Serializable = {
  serialize = function(self)
    local keys = {}
    for k, v in pairs(self) do if type(v) ~= "function" then keys[#keys + 1] = k end end
    table.sort(keys)
    local parts = {}
    for i, k in ipairs(keys) do parts[i] = k .. "=" .. tostring(self[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end,
}
include(Dog, Serializable)

local rex = Dog("Rex", "sit")
local tweety = Bird("Tweety")
local generic = Animal("Thing", 6)
print(tostring(rex), tostring(tweety), tostring(generic), tostring(Dog))
print(rex:speak(), "|", tweety:speak(), "|", generic:speak())
print(rex:show())
print(rex:describe(), "|", tweety:describe(), "|", generic:describe())
print(rex:serialize())
tweety.wingspan = 25
print(tweety.wingspan, rawget(tweety, "wingspan"), rawget(tweety, "_ws"))
local ok, err = pcall(function() tweety.wingspan = -1 end)
print(ok, (err:gsub("^.-:%d+: ", "")))
ok, err = pcall(function() rex.legs = 3 end)
print(ok, (err:gsub("^.-:%d+: ", "")))
print(isinstance(rex, Dog), isinstance(rex, Animal), isinstance(rex, Bird), isinstance(generic, Dog))
print(rex == Dog("Rex", "roll"), rex == tweety, tweety < rex, generic < tweety)
local zoo = { Dog("Fido", "fetch"), Bird("Polly"), Animal("Ant", 6), Dog("Ace", "spin") }
table.sort(zoo)
local names = {}
for i, a in ipairs(zoo) do names[i] = tostring(a) end
print(table.concat(names, " "))
assert(names[1] == "<Dog Ace>" and names[4] == "<Bird Polly>")
