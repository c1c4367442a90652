-- the main chunk is a vararg function
local n = select("#", ...)
print("main args", n)
local t = { ... }
assert(#t == n)
local function f(...)
  local a, b = ...
  return select("#", ...), a, b
end
print(f())
print(f(nil))
print(f(1, nil, nil))
-- chunk loaded by load is vararg too
local chunk = load("return select('#', ...), ...")
print(chunk(1, 2, 3))
print(chunk())
local c2 = load("local a, b = ...; return b, a")
print(c2("x", "y"))
