local kb = collectgarbage("count")
assert(type(kb) == "number" and kb > 0)
print("count is a number", math.type(kb))
assert(collectgarbage() == 0)
assert(collectgarbage("collect") == 0)
print("collect returns", collectgarbage("collect"))
assert(type(collectgarbage("isrunning")) == "boolean")
print("isrunning", collectgarbage("isrunning"))
local r = collectgarbage("step")
assert(type(r) == "boolean")
print("step returns boolean", type(r))
-- memory grows with allocation and shrinks after collection
local before = collectgarbage("count")
local big = {}
for i = 1, 100000 do big[i] = { i } end
local during = collectgarbage("count")
assert(during > before)
big = nil
collectgarbage()
collectgarbage()
local after = collectgarbage("count")
assert(after < during)
print("grew and shrank", during > before, after < during)
print(pcall(collectgarbage, "nonsense"))
