-- hello.lua — what `make run` runs.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("hello from " .. _VERSION .. " on Lurel")
print("fib(20) = " .. fib(20))
