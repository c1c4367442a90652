-- a long chain of closures, each capturing the previous one
local f = function(x) return x end
for i = 1, 1000 do
  local prev = f
  f = function(x) return prev(x) + 1 end
end
print(f(0))
-- composing many small functions
local fns = {}
for i = 1, 200 do fns[i] = function(x) return x * 1 + (i % 2 == 0 and 1 or -1) end end
local acc = 0
for _, g in ipairs(fns) do acc = g(acc) end
print(acc)
-- nesting depth of function definitions
local function nest(n) if n == 0 then return function() return "bottom" end end local inner = nest(n - 1) return function() return inner() end end
print(nest(150)())
