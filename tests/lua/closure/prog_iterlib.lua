-- A lazy iterator library built only from closures (no coroutines).
local It = {}
It.__index = It
local function wrap(gen) return setmetatable({ gen = gen }, It) end

function It.range(a, b, step)
  step = step or 1
  return wrap(function()
    local i = a - step
    return function()
      i = i + step
      if (step > 0 and i <= b) or (step < 0 and i >= b) then return i end
    end
  end)
end
function It.from(t) return wrap(function() local i = 0 return function() i = i + 1 return t[i] end end) end
function It.chars(s) return wrap(function() local i = 0 return function() i = i + 1 if i <= #s then return s:sub(i, i) end end end) end
function It.naturals() return wrap(function() local i = 0 return function() i = i + 1 return i end end) end

function It:map(f) local g = self.gen return wrap(function() local nx = g() return function() local v = nx() if v ~= nil then return f(v) end end end) end
function It:filter(p) local g = self.gen return wrap(function() local nx = g() return function() while true do local v = nx() if v == nil or p(v) then return v end end end end) end
function It:take(n) local g = self.gen return wrap(function() local nx, k = g(), 0 return function() k = k + 1 if k <= n then return nx() end end end) end
function It:skip(n) local g = self.gen return wrap(function() local nx = g() for _ = 1, n do nx() end return nx end) end
function It:takewhile(p) local g = self.gen return wrap(function() local nx, done = g(), false return function() if done then return nil end local v = nx() if v == nil or not p(v) then done = true return nil end return v end end) end
function It.zip(a, b) return wrap(function() local x, y = a.gen(), b.gen() return function() local u, v = x(), y() if u ~= nil and v ~= nil then return { u, v } end end end) end
function It.chain(a, b) return wrap(function() local x, y, first = a.gen(), b.gen(), true return function() if first then local v = x() if v ~= nil then return v end first = false end return y() end end) end
function It:each() return self.gen() end
function It:totable() local t = {} for v in self:each() do t[#t + 1] = v end return t end
function It:fold(f, acc) for v in self:each() do acc = f(acc, v) end return acc end
function It:count() return self:fold(function(a) return a + 1 end, 0) end

local function show(t) local s = {} for i, v in ipairs(t) do s[i] = tostring(v) end return table.concat(s, " ") end

print(show(It.range(1, 10):totable()))
print(show(It.range(10, 1, -3):totable()))
print(show(It.naturals():filter(function(x) return x % 3 == 0 end):map(function(x) return x * x end):take(6):totable()))
print(It.range(1, 100):fold(function(a, b) return a + b end, 0))
print(show(It.chars("hello"):map(string.upper):totable()))
print(show(It.naturals():skip(5):take(3):totable()))
print(show(It.naturals():takewhile(function(x) return x * x < 50 end):totable()))
print(show(It.zip(It.chars("abc"), It.naturals()):map(function(p) return p[1] .. p[2] end):totable()))
print(show(It.chain(It.from({ "x", "y" }), It.range(1, 3)):totable()))
assert(It.naturals():take(1000):count() == 1000)
-- iterators are restartable: each 'each' builds a fresh generator
local evens = It.naturals():filter(function(x) return x % 2 == 0 end):take(4)
print(show(evens:totable()), show(evens:totable()))
-- primes by trial division, lazily
local primes = It.naturals():skip(1):filter(function(n)
  for d = 2, math.floor(math.sqrt(n)) do if n % d == 0 then return false end end
  return true
end)
print(show(primes:take(15):totable()))
-- generic for directly over an It
local acc = {}
for v in It.range(1, 5):map(function(x) return x * 10 end):each() do acc[#acc + 1] = v end
print(show(acc))
