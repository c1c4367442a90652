-- multiple inheritance: __index searches a list of parents in order
local function createClass(...)
  local parents = { ... }
  local c = {}
  setmetatable(c, { __index = function(_, k)
    for _, p in ipairs(parents) do
      local v = p[k]
      if v ~= nil then return v end
    end
  end })
  c.__index = c
  function c:new(o) return setmetatable(o or {}, c) end
  return c
end
local Named = { getname = function(self) return self.name end, setname = function(self, n) self.name = n end, kind = "named" }
local Account = { balance = 0, deposit = function(self, v) self.balance = self.balance + v end, kind = "account" }
local NamedAccount = createClass(Named, Account)
local acc = NamedAccount:new({ name = "Paul" })
print(acc:getname(), acc.kind)
acc:deposit(100)
acc:setname("Paula")
print(acc:getname(), acc.balance, rawget(acc, "balance"), Account.balance)
-- a method defined in the class overrides parents
function NamedAccount:getname() return "Mx. " .. self.name end
print(acc:getname())
-- caching inherited methods on first use
local lookups = 0
local Cached = setmetatable({}, { __index = function(t, k)
  lookups = lookups + 1
  local v = Named[k] or Account[k]
  t[k] = v
  return v
end })
Cached.__index = Cached
local o = setmetatable({ name = "x", balance = 0 }, Cached)
for _ = 1, 5 do o:deposit(1); o:getname() end
print(o.balance, lookups)
