-- what finalizers can see and do: linked finalizable objects, weak tables
-- pointing at them, globals, errors, and objects made inside finalizers
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local log = {}
local function note(s) log[#log + 1] = s end
local function flush(tag) print(tag, table.concat(log, " ")); log = {} end
-- A refers to B; both unreachable: both finalized in the same cycle, the
-- later-marked one first, and each still sees the other's fields
do
  local B = setmetatable({name = "B"}, {__gc = function(o) note("B") end})
  local A = setmetatable({name = "A", other = B}, {__gc = function(o) note("A sees " .. o.other.name) end})
end
collectgarbage()
flush("linked")
-- a weak-valued table referring to an object being finalized: cleared first
local wv = setmetatable({}, {__mode = "v"})
do
  local o = setmetatable({}, {__gc = function(o) note("weak slot " .. tostring(wv[1])) end})
  wv[1] = o
end
collectgarbage()
flush("weak value")
-- a weak-keyed table keyed by the object: the entry is visible in its finalizer
local wk = setmetatable({}, {__mode = "k"})
do
  local o = setmetatable({}, {__gc = function(o) note("weak key " .. tostring(wk[o])) end})
  wk[o] = "entry"
end
collectgarbage()
flush("weak key")
collectgarbage()
print("entry after", next(wk))
-- finalizer modifying globals and upvalues
local counter = 0
for i = 1, 10 do setmetatable({}, {__gc = function() counter = counter + i end}) end
collectgarbage()
print("counter", counter)
-- userdata-like: files closed by their own finalizer when dropped
do local f = io.tmpfile(); f:write("data") end
collectgarbage()
print("file dropped")
-- a finalizer that raises an error inside pcall inside the finalizer
do setmetatable({}, {__gc = function()
  local ok, e = pcall(error, "inner", 0)
  note("pcall in finalizer " .. tostring(ok) .. " " .. e)
end}) end
collectgarbage()
flush("pcall")
-- a finalizer calling string functions with callbacks and table.sort
do setmetatable({}, {__gc = function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) return a > b end)
  note(table.concat(t) .. (("abc"):gsub("%a", function(c) return c:upper() end)))
end}) end
collectgarbage()
flush("library calls")
-- objects with finalizers kept in a strong table are never finalized early
local holder = {}
for i = 1, 5 do holder[i] = setmetatable({}, {__gc = function() note("holder " .. i) end}) end
collectgarbage()
flush("kept")
holder[3] = nil
collectgarbage()
flush("one released")
holder = nil
collectgarbage()
flush("all released")
