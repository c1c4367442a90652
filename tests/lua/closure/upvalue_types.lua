-- upvalues of every type, modified through closures
local vals = { nil, true, 42, 4.5, "str", {}, print }
local getters, setters = {}, {}
for i = 1, 7 do
  local v = vals[i]
  getters[i] = function() return v end
  setters[i] = function(x) v = x end
end
for i = 1, 7 do io.write(type(getters[i]()), " ") end
print()
for i = 1, 7 do setters[i](i * 10) end
for i = 1, 7 do io.write(getters[i](), " ") end
print()
-- an upvalue holding a function that is reassigned
local op = function(a, b) return a + b end
local function apply(a, b) return op(a, b) end
print(apply(2, 3))
op = function(a, b) return a * b end
print(apply(2, 3))
-- upvalue that is a table: mutation vs reassignment
local t = { n = 1 }
local function getn() return t.n end
t.n = 2
print(getn())
t = { n = 3 }
print(getn())
-- parameters and varargs captured
local function cap(a, ...)
  local rest = { ... }
  return function() return a, #rest end
end
print(cap(1, 2, 3)())
-- capture of a for-loop variable and of an outer local modified later
local outer = "before"
local fns = {}
for i = 1, 2 do fns[i] = function() return i .. outer end end
outer = "after"
print(fns[1](), fns[2]())
