-- __index as table chains and functions
local base = { greet = function() return "hello from base" end, kind = "base" }
local mid = setmetatable({ kind = "mid", midonly = 1 }, { __index = base })
local top = setmetatable({ kind = "top" }, { __index = mid })
assert(top.kind == "top" and top.midonly == 1 and top.greet() == "hello from base")
assert(top.nothing == nil)
print(top.kind, top.midonly, top.greet(), rawget(top, "midonly"))

-- __index function receives the original table and key
local calls = {}
local lazy = setmetatable({}, { __index = function(t, k)
  calls[#calls + 1] = tostring(k)
  local v = type(k) == "number" and k * k or tostring(k):upper()
  rawset(t, k, v)  -- cache
  return v
end })
assert(lazy[4] == 16 and lazy[4] == 16 and lazy.abc == "ABC")
print(table.concat(calls, ","))
assert(#calls == 2)

-- present keys never trigger __index, even if the value is false
local f = setmetatable({ present = false }, { __index = function() return "meta" end })
assert(f.present == false and f.absent == "meta")

-- __index chain through a function then a table
local deep = setmetatable({}, { __index = setmetatable({}, { __index = function(_, k) return "fn:" .. k end }) })
print(deep.x, deep.y)

-- __index on a long chain
local chain = { last = "end of chain" }
for i = 1, 50 do chain = setmetatable({}, { __index = chain }) end
assert(chain.last == "end of chain")
print(chain.last)

-- the metamethod is looked up raw in the metatable
local mt = {}
setmetatable(mt, { __index = function() return function() return "bad" end end })
local obj = setmetatable({}, mt)
assert(obj.anything == nil)

-- changing __index after setmetatable takes effect
local mt2 = {}
local o2 = setmetatable({}, mt2)
assert(o2.v == nil)
mt2.__index = { v = "now" }
assert(o2.v == "now")
mt2.__index = nil
assert(o2.v == nil)
print("dynamic ok")

-- __index used by methods with self
local Cls = {}
Cls.__index = Cls
function Cls:name() return "I am " .. self.n end
local inst = setmetatable({ n = "inst" }, Cls)
print(inst:name())
-- integer keys through __index
local defaults = setmetatable({}, { __index = function(_, i) return 0 end })
defaults[2] = 5
print(defaults[1], defaults[2], defaults[3.0], defaults["x"])
