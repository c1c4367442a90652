-- closures created in the same scope share upvalues
local function make()
  local n = 0
  local function inc(d) n = n + (d or 1); return n end
  local function dec() n = n - 1; return n end
  local function get() return n end
  return inc, dec, get
end
local inc, dec, get = make()
inc(); inc(5); dec()
assert(get() == 5)
local inc2, _, get2 = make()
inc2()
assert(get() == 5 and get2() == 1)
print(get(), get2())

-- an upvalue captured while the local is still active sees later changes
local x = 1
local function rx() return x end
x = 2
assert(rx() == 2)
local function wx(v) x = v end
wx(42)
assert(x == 42 and rx() == 42)
print("x", x, rx())

-- parameter captured and modified
local function acc(total)
  return function(v) total = total + v; return total end
end
local a1, a2 = acc(10), acc(100)
a1(1); a2(2); a1(3)
assert(a1(0) == 14 and a2(0) == 102)
print(a1(0), a2(0))

-- upvalue chain through three levels, all sharing one variable
local function l1()
  local v = "a"
  local function l2()
    local function l3(s) v = v .. s; return v end
    return l3
  end
  return l2(), function() return v end
end
local app, rd = l1()
app("b"); app("c")
assert(rd() == "abc")
print(rd())

-- swapping closures between tables keeps their own state
local objs = {}
for i = 1, 3 do
  local state = i * 100
  objs[i] = { get = function() return state end, set = function(v) state = v end }
end
objs[2].set(7)
objs[1].get, objs[3].get = objs[3].get, objs[1].get
print(objs[1].get(), objs[2].get(), objs[3].get())
assert(objs[1].get() == 300 and objs[2].get() == 7 and objs[3].get() == 100)
