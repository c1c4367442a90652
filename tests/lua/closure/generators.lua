-- closure-based generators and iterator factories
local function counter(start, step)
  local n = start - step
  return function() n = n + step; return n end
end
local c = counter(10, 5)
print(c(), c(), c())
local function fib_gen()
  local a, b = 0, 1
  return function() local r = a; a, b = b, a + b; return r end
end
local f = fib_gen()
local fs = {}
for i = 1, 15 do fs[i] = f() end
print(table.concat(fs, " "))
local function cycle(t)
  local i = 0
  return function() i = i % #t + 1; return t[i] end
end
local cy = cycle({ "r", "g", "b" })
local out = {}
for _ = 1, 7 do out[#out + 1] = cy() end
print(table.concat(out))
-- iterator over string words with state in upvalues
local function words(s)
  local pos = 1
  return function()
    local a, b = s:find("%S+", pos)
    if not a then return nil end
    pos = b + 1
    return s:sub(a, b), a
  end
end
for w, p in words("  alpha beta   gamma ") do io.write(w, "@", p, " ") end
print()
-- iterator over a binary tree (in-order) with an explicit stack in upvalues
local function node(v, l, r) return { v = v, l = l, r = r } end
local tree = node(5, node(3, node(1), node(4)), node(8, node(7), node(9, nil, node(10))))
local function inorder(t)
  local stack, cur = {}, t
  return function()
    while cur do stack[#stack + 1] = cur; cur = cur.l end
    local n = table.remove(stack)
    if not n then return nil end
    cur = n.r
    return n.v
  end
end
out = {}
for v in inorder(tree) do out[#out + 1] = v end
print(table.concat(out, " "))
-- two independent iterators from the same factory do not interfere
local i1, i2 = counter(0, 1), counter(100, -1)
print(i1(), i2(), i1(), i2(), i1())
