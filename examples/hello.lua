-- hello.lua — what `make run` runs first (README.md shows it).
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("hello from " .. _VERSION .. " on Lurel")
print("fib(20) = " .. fib(20))

local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)
print(gen(), gen(), gen())          --> 1  4  9
