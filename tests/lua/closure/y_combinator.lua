-- fixed-point combinators and self application
local function Y(f)
  return (function(x) return x(x) end)(function(x)
    return f(function(...) return x(x)(...) end)
  end)
end
local fact = Y(function(self) return function(n) if n == 0 then return 1 end return n * self(n - 1) end end)
local fib = Y(function(self) return function(n) if n < 2 then return n end return self(n - 1) + self(n - 2) end end)
assert(fact(10) == 3628800 and fib(15) == 610)
print(fact(10), fact(20), fib(15))
-- church numerals
local zero = function(f) return function(x) return x end end
local function succ(n) return function(f) return function(x) return f(n(f)(x)) end end end
local function add(m, n) return function(f) return function(x) return m(f)(n(f)(x)) end end end
local function mul(m, n) return function(f) return m(n(f)) end end
local function toint(n) return n(function(x) return x + 1 end)(0) end
local one = succ(zero)
local two = succ(one)
local three = add(one, two)
local six = mul(two, three)
assert(toint(six) == 6)
print(toint(zero), toint(one), toint(three), toint(six), toint(mul(six, six)))
-- trampolining
local function trampoline(f, ...)
  local r = table.pack(f(...))
  while type(r[1]) == "function" do r = table.pack(r[1]()) end
  return table.unpack(r, 1, r.n)
end
local function count_down(n) if n == 0 then return "landed" end return function() return count_down(n - 1) end end
print(trampoline(count_down, 10000))
