-- functions as values: map, filter, reduce, compose, curry, partial
local function map(f, t) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(p, t) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(f, acc, t) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local function compose(...)
  local fs = table.pack(...)
  return function(...)
    local r = table.pack(...)
    for i = fs.n, 1, -1 do r = table.pack(fs[i](table.unpack(r, 1, r.n))) end
    return table.unpack(r, 1, r.n)
  end
end
local function curry(f, n)
  n = n or 2
  local function c(args, k)
    return function(x)
      local a = { table.unpack(args) }
      a[#a + 1] = x
      if k == 1 then return f(table.unpack(a)) end
      return c(a, k - 1)
    end
  end
  return c({}, n)
end
local nums = {}
for i = 1, 10 do nums[i] = i end
local sq = map(function(x) return x * x end, nums)
local ev = filter(function(x) return x % 2 == 0 end, sq)
local total = reduce(function(a, b) return a + b end, 0, ev)
print(table.concat(sq, " "))
print(table.concat(ev, " "), total)
assert(total == 220)
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
assert(compose(inc, dbl)(5) == 11 and compose(dbl, inc)(5) == 12)
local add3 = curry(function(a, b, c) return a + b + c end, 3)
assert(add3(1)(2)(3) == 6)
print(compose(inc, dbl)(5), compose(dbl, inc)(5), add3(1)(2)(3))
local swapper = compose(function(a, b) return b, a end, function(a, b) return a * 10, b * 10 end)
print(swapper(1, 2))
-- sort with comparator closures capturing a key
local people = { { n = "bo", a = 30 }, { n = "al", a = 25 }, { n = "cy", a = 35 }, { n = "di", a = 25 } }
local function by(key, desc)
  return function(x, y)
    if x[key] == y[key] then return x.n < y.n end
    if desc then return x[key] > y[key] end
    return x[key] < y[key]
  end
end
table.sort(people, by("a"))
print(table.concat(map(function(p) return p.n end, people), " "))
table.sort(people, by("a", true))
print(table.concat(map(function(p) return p.n end, people), " "))
-- function table dispatch
local ops = { ["+"] = function(a, b) return a + b end, ["*"] = function(a, b) return a * b end, ["max"] = math.max }
local prog = { { "+", 2, 3 }, { "*", 4, 5 }, { "max", 7, 1 } }
for _, ins in ipairs(prog) do io.write(ins[1], "=", ops[ins[1]](ins[2], ins[3]), " ") end
print()
-- 5.4 creates a new closure each time
local made = {}
for i = 1, 2 do made[i] = function() end end
assert(made[1] ~= made[2])
print(made[1] == made[2])
