-- local scoping, shadowing, blocks
local x = 1
do
  local x = x + 1
  assert(x == 2)
  do
    local x = x * 10
    assert(x == 20)
    print("inner", x)
  end
  print("middle", x)
end
assert(x == 1)
print("outer", x)

-- a local is not visible in its own initializer
y = "global y"
local y = y .. "!"
assert(y == "global y!")
print(y)

-- local function can recurse, local f = function cannot see itself
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
assert(fact(10) == 3628800)
local g = function(n) return n end
local g = function(n) if n == 0 then return "base" end return g(n - 1) end
assert(g(5) == 4)
print(fact(10), g(5))

-- multiple locals, extra names become nil
local a, b, c = 1, 2
assert(a == 1 and b == 2 and c == nil)
local d, e = (function() return 1, 2, 3 end)()
assert(d == 1 and e == 2)
local p, q, r = 0, (function() return 1, 2, 3 end)()
assert(p == 0 and q == 1 and r == 2)
print(a, b, c, d, e, p, q, r)

-- locals in loops are fresh each iteration
local fs = {}
for i = 1, 3 do local j = i * 2; fs[i] = function() return j end end
assert(fs[1]() == 2 and fs[2]() == 4 and fs[3]() == 6)

-- shadowing a parameter
local function sh(a) local a = a or "dflt"; return a end
assert(sh() == "dflt" and sh(3) == 3)

-- same name declared twice in one statement: last one wins
local z, z = 1, 2
print("z", z)
assert(z == 2)

-- many locals
local l1,l2,l3,l4,l5,l6,l7,l8,l9,l10 = 1,2,3,4,5,6,7,8,9,10
assert(l1+l2+l3+l4+l5+l6+l7+l8+l9+l10 == 55)
print("sum", l1+l2+l3+l4+l5+l6+l7+l8+l9+l10)

-- globals go through _ENV
gx = 10
assert(_ENV.gx == 10 and _G.gx == 10)
local _ENV = { print = print, assert = assert }
gy = 5
assert(gy == 5 and gx == nil)
print("env ok", gy)
