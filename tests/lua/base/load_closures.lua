-- every call of load produces a new function with its own upvalues
local src = "local n = 0; return function() n = n + 1; return n end"
local f1 = load(src)()
local f2 = load(src)()
f1(); f1()
print(f1(), f2())
-- the same loaded chunk called twice creates fresh locals each time
local chunk = load(src)
local g1, g2 = chunk(), chunk()
g1()
print(g1(), g2())
-- loaded chunks see globals at call time
local reader = load("return shared_global")
shared_global = "first"
print(reader())
shared_global = "second"
print(reader())
shared_global = nil
-- chunks that define functions with upvalues over the chunk's varargs
local mk = load("local a, b = ...; return function() return a + b end")
local add = mk(3, 4)
print(add())
-- nested load inside a loaded chunk
local outer = load("return load('return 6 * 7')()")
print(outer())
-- load of a chunk returning many values
local many = load("return " .. string.rep("1,", 99) .. "1")
print(select("#", many()))
