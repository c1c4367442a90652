-- expect-exit: 1
-- uncaught arithmetic error inside nested calls, with a named upvalue
local limit
local function step(x) return x * 2 + limit end
local function run() local acc = 0 for i = 1, 3 do acc = acc + step(i) end return acc end
print(pcall(run))
limit = 1
print(run())
limit = nil
print(run())
