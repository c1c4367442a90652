-- ephemeron tables (weak keys, strong values): a value keeps its key alive
-- only if the key is reachable from outside
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local e = setmetatable({}, {__mode = "k"})
-- a key reachable only from its own value
do local k = {}; e[k] = {ref = k} end
-- a key reachable only from another entry's value, whose key is dead
do local k1, k2 = {}, {}; e[k1] = {ref = k2}; e[k2] = {ref = k1} end
-- a chain: live root -> value -> key of next -> value -> ...
local root = {}
do
  local prev = root
  for i = 1, 10 do
    local nk = {i = i}
    e[prev] = {next = nk}
    prev = nk
  end
  e[prev] = "end of chain"
end
-- (no count before collecting: an incremental step may already have run)
collectgarbage()
print("after", count(e))
-- walking the chain still works
local n, k = 0, root
while type(e[k]) == "table" do n = n + 1; k = e[k].next end
print("chain length", n, e[k])
-- drop the root: the whole chain goes
root = nil
collectgarbage()
print("after root dropped", count(e))

-- a value that refers to its key through a closure
local e2 = setmetatable({}, {__mode = "k"})
do
  local k = {}
  e2[k] = function() return k end
end
collectgarbage()
print("closure value", count(e2))
-- the key reachable from a value of a strong table is alive
local strong = {}
do local k = {}; e2[k] = "alive"; strong[1] = {k} end
collectgarbage()
print("held elsewhere", count(e2))
-- ephemeron whose value holds a key of another ephemeron table
local ea = setmetatable({}, {__mode = "k"})
local eb = setmetatable({}, {__mode = "k"})
local ka = {}
do local kb = {}; ea[ka] = kb; eb[kb] = "reached via ea" end
collectgarbage()
print("cross tables", count(ea), count(eb))
ka = nil
collectgarbage()
print("cross tables after", count(ea), count(eb))
-- private data pattern: objects with hidden state in an ephemeron table
local private = setmetatable({}, {__mode = "k"})
local function new(x) local o = {}; private[o] = {x = x, self = o}; return o end
local objs = {}
for i = 1, 50 do objs[i] = new(i) end
collectgarbage()
print("private live", count(private))
for i = 1, 50, 2 do objs[i] = nil end
collectgarbage()
print("private after", count(private))
local s = 0
for o, d in pairs(private) do s = s + d.x end
print("sum", s)
-- a big ephemeron table, all entries self-referencing: all collected
local big = setmetatable({}, {__mode = "k"})
for i = 1, 5000 do local k = {}; big[k] = {k, i} end
collectgarbage()
print("big", count(big))
