-- fib.lua: naive doubly-recursive Fibonacci.
-- Stresses: Lua-to-Lua calls and returns, integer add/sub, comparisons.
-- Usage: fib.lua [n]   (default 35)

local n = tonumber(arg and arg[1]) or 35

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

-- A global function too, so global lookup + call is exercised as well.
function gfib(k)
  if k < 2 then return k end
  return gfib(k - 1) + gfib(k - 2)
end

local a = fib(n)
local b = gfib(n - 4)
print(string.format("fib(%d) = %d", n, a))
print(string.format("gfib(%d) = %d", n - 4, b))
