-- finalizers can resurrect their object; it is not finalized again unless
-- setmetatable marks it again; weak tables see resurrection the 5.4 way
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local saved = {}
local mt = {}
mt.__gc = function(o) saved[#saved + 1] = o end
do setmetatable({name = "phoenix"}, mt) end
collectgarbage()
print(#saved, saved[1] and saved[1].name)
-- resurrected and dropped again: no second finalization
local n = 0
mt.__gc = function(o) n = n + 1 end
saved = {}
collectgarbage(); collectgarbage()
print("second finalization", n)
-- setmetatable again re-arms the finalizer
local again = {}
do
  local o = setmetatable({}, {__gc = function(o)
    again[#again + 1] = "fin" .. #again
    if #again < 3 then setmetatable(o, getmetatable(o)) end
  end})
end
for _ = 1, 4 do collectgarbage() end
print(table.concat(again, " "))
-- weak values: a resurrected object is removed from weak-value tables
-- before its finalizer runs; weak keys keep it until it is really dead
local wv = setmetatable({}, {__mode = "v"})
local wk = setmetatable({}, {__mode = "k"})
local back
do
  local o = setmetatable({}, {__gc = function(o) back = o end})
  wv[1] = o
  wk[o] = "key entry"
end
collectgarbage()
print("weak value after", wv[1], "weak key after", back and wk[back])
back = nil
collectgarbage()
local c = 0
for _ in pairs(wk) do c = c + 1 end
print("weak key after real death", c)
-- a finalizer storing the object in a global table keeps it reachable
RESURRECTED = nil
do setmetatable({msg = "I'm back"}, {__gc = function(o) RESURRECTED = o end}) end
collectgarbage()
print(RESURRECTED and RESURRECTED.msg)
RESURRECTED = nil
-- the resurrected object's fields and metatable are intact
local keepmt
do
  local m = {__gc = function(o) keepmt = getmetatable(o) end, __index = {x = 1}}
  setmetatable({}, m)
end
collectgarbage()
print(keepmt and keepmt.__index.x)
