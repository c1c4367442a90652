-- weak keys: entries whose key is only reachable through the table go away
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local wk = setmetatable({}, {__mode = "k"})
local keep = {}
for i = 1, 10 do
  local k = {i}
  wk[k] = i
  if i % 2 == 0 then keep[#keep + 1] = k end
end
print("before", count(wk))
collectgarbage()
print("after", count(wk))
local sum = 0
for k, v in pairs(wk) do sum = sum + v; assert(k[1] == v) end
print("sum of kept", sum)
-- non-collectable keys (numbers, strings, booleans) stay
wk[1] = "one"; wk["str"] = "s"; wk[true] = "t"; wk[2.5] = "f"
collectgarbage()
print(wk[1], wk.str, wk[true], wk[2.5])
-- values that are objects do not keep their entries alive: the key decides
local val = {}
wk[{}] = val
collectgarbage()
local found = false
for k, v in pairs(wk) do if v == val then found = true end end
print("entry with dead key and live value", found)
-- functions, coroutines and tables as keys
local f = function() end
local co = coroutine.create(function() end)
wk[f] = "f"; wk[co] = "co"
wk[function() end] = "dead f"; wk[coroutine.create(print)] = "dead co"
collectgarbage()
local names = {}
for _, v in pairs(wk) do if type(v) == "string" then names[#names + 1] = v end end
table.sort(names)
print(table.concat(names, " "))
-- dropping the last strong reference later
keep = nil
collectgarbage()
local objs = 0
for k in pairs(wk) do if type(k) == "table" then objs = objs + 1 end end
print("table keys left", objs)
-- a weak-keyed cache for computed properties
local cache = setmetatable({}, {__mode = "k"})
local function area(r) local a = cache[r]; if not a then a = r.w * r.h; cache[r] = a end; return a end
local rects = {}
for i = 1, 100 do rects[i] = {w = i, h = 2} end
local total = 0
for i = 1, 100 do total = total + area(rects[i]) end
print("total", total, count(cache))
for i = 1, 50 do rects[i] = nil end
collectgarbage()
print("cache after dropping half", count(cache))
-- __mode set after entries were added still applies
local late = {}
local lk = {}
late[lk] = 1; late[{}] = 2
setmetatable(late, {__mode = "k"})
collectgarbage()
print("late mode", count(late), late[lk])
-- weak keys and next() during traversal with collection between steps
local wt = setmetatable({}, {__mode = "k"})
local hold = {}
for i = 1, 20 do local k = {}; wt[k] = i; hold[i] = k end
local seen = 0
for k, v in pairs(wt) do seen = seen + 1; if seen == 5 then collectgarbage() end end
print("traversal", seen)
