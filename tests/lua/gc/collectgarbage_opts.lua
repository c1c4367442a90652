-- collectgarbage options: results and types (values of "count" are not
-- printed, only their type and relations)
print(collectgarbage())
print(collectgarbage("collect"))
print(math.type(collectgarbage("count")), select('#', collectgarbage("count")))
print(collectgarbage("isrunning"))
print(collectgarbage("stop"))
print(collectgarbage("isrunning"))
print(collectgarbage("restart"))
print(collectgarbage("isrunning"))
-- step: a boolean; with a huge size it finishes a cycle
print(type(collectgarbage("step")))
print(collectgarbage("step", 1000000))
print(type(collectgarbage("step", 0)))
-- mode switches return the previous mode
print(collectgarbage("generational"))
print(collectgarbage("generational"))
print(collectgarbage("incremental"))
print(collectgarbage("incremental"))
print(collectgarbage("incremental", 100, 200, 10))
print(collectgarbage("generational", 20, 100))
print(collectgarbage("incremental"))
-- deprecated setpause / setstepmul return previous values (numbers)
print(math.type(collectgarbage("setpause", 200)), math.type(collectgarbage("setstepmul", 100)))
print(collectgarbage("setpause", 200) == 200)
-- invalid options
print(pcall(collectgarbage, "nonsense"))
print(pcall(collectgarbage, "Collect"))
print(pcall(collectgarbage, 1))
print(pcall(collectgarbage, {}))
print(pcall(collectgarbage, "step", "x"))
print(type(select(2, pcall(collectgarbage, "count", 1))))
-- collection still works after all the switches
local wk = setmetatable({}, {__mode = "k"})
wk[{}] = 1
collectgarbage()
print(next(wk))
-- a stopped collector does not collect on its own, but collect() still works
collectgarbage("stop")
local w = setmetatable({}, {__mode = "v"})
w[1] = {}
for i = 1, 1000 do local _ = {i} end
print("still there while stopped", w[1] ~= nil)
collectgarbage()
print("explicit collect while stopped", w[1])
print(collectgarbage("isrunning"))
collectgarbage("restart")
print(collectgarbage("isrunning"))
-- count goes down after freeing a big structure
local before = collectgarbage("count")
local big = {}
for i = 1, 200000 do big[i] = {} end
local during = collectgarbage("count")
big = nil
collectgarbage()
local after = collectgarbage("count")
print(during > before, after < during, after < before + 100)
-- count is in Kbytes: a 1 MB string is visible
local s = string.rep("x", 1024 * 1024)
local with = collectgarbage("count")
s = nil
collectgarbage()
print(with - collectgarbage("count") > 900)
