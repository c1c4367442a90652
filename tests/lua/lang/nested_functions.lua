-- nested functions, upvalues across several levels
local function outer(a)
  local function middle(b)
    local function inner(c)
      return a + b + c
    end
    return inner
  end
  return middle
end
assert(outer(1)(2)(3) == 6)
print(outer(1)(2)(3), outer(10)(20)(30))

-- functions defined with dotted and method names
local M = { sub = {} }
function M.f(x) return x * 2 end
function M.sub.g(x) return x + 1 end
function M:h(x) return self == M, x end
assert(M.f(4) == 8 and M.sub.g(4) == 5)
local isself, v = M:h(9)
assert(isself and v == 9)
print(M.f(4), M.sub.g(4), M:h(9))

-- global function definitions
function gfun(...) return select("#", ...) end
assert(gfun(1, nil, 3, nil) == 4)

-- function values compare by identity
local f1 = function() end
local f2 = function() end
assert(f1 ~= f2 and f1 == f1)

-- immediately invoked
local r = (function(x, y) return x .. y end)("a", "b")
assert(r == "ab")

-- counter generator with multiple nested levels sharing state
local function make()
  local n = 0
  local function inc() n = n + 1; return n end
  local function get() return n end
  local function reset() local old = n; n = 0; return old end
  return inc, get, reset
end
local inc, get, reset = make()
inc(); inc(); inc()
assert(get() == 3 and reset() == 3 and get() == 0)
print("counter", get())

-- mutual recursion through locals declared first
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
assert(iseven(10) and isodd(7) and not isodd(8))
print(iseven(10), isodd(7))

-- deep nesting of anonymous functions
local deep = function() return function() return function() return function() return "deep" end end end end
assert(deep()()()() == "deep")
print(deep()()()())

-- parameters beyond the passed args are nil, extra args dropped
local function p3(a, b, c) return a, b, c end
print(p3(1))
print(p3(1, 2, 3, 4))
print((p3(1, 2, 3)))
