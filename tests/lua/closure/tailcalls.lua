-- proper tail calls do not grow the stack
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
assert(loop(1000000, 0) == 1000000)
print("loop", loop(1000000, 0))

local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
assert(even(100001) == false and odd(100001) == true)
print("mutual", even(100000), odd(99999))

-- tail calls in methods
local obj = { n = 0 }
function obj:count(k)
  if k == 0 then return self.n end
  self.n = self.n + 1
  return self:count(k - 1)
end
assert(obj:count(100000) == 100000)
print("method", obj.n)

-- tail call through a table of functions (state machine)
local states = {}
function states.a(n) if n == 0 then return "a" end return states.b(n - 1) end
function states.b(n) if n == 0 then return "b" end return states.c(n - 1) end
function states.c(n) if n == 0 then return "c" end return states.a(n - 1) end
print("fsm", states.a(100000), states.a(100001), states.a(100002))

-- vararg tail calls
local function va(n, ...)
  if n == 0 then return select("#", ...), ... end
  return va(n - 1, ...)
end
print("va", va(50000, "x", nil, "z"))

-- tail call to a C function and to a function with upvalues needing close
local function tc(s) return string.upper(s) end
assert(tc("abc") == "ABC")
local function closing(n)
  local captured = n
  local g = function() return captured end
  if n == 0 then return g() end
  return closing(n - 1)
end
assert(closing(50000) == 0)
print("closing", closing(20000))

-- tail call returning multiple results
local function multi(n) if n == 0 then return 1, 2, 3 end return multi(n - 1) end
print("multi", multi(50000))

-- a tail call with parentheses is not a tail call but still works for small depth
local function notail(n) if n == 0 then return 1, 2 end return (notail(n - 1)) end
print("notail", notail(100))
