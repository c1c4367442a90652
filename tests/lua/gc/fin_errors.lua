-- errors in finalizers become warnings (on stderr, not compared here) and
-- the program goes on; non-callable __gc values too
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
warn("@on")
do setmetatable({}, {__gc = 42}) end
collectgarbage()
do setmetatable({}, {__gc = function() error("fin error") end}) end
collectgarbage()
do setmetatable({}, {__gc = function() error({}) end}) end
collectgarbage()
do setmetatable({}, {__gc = function() error("no pos", 0) end}) end
collectgarbage()
do setmetatable({}, {__gc = function() error(setmetatable({}, {__tostring = function() return "ts" end})) end}) end
collectgarbage()
do setmetatable({}, {__gc = function() local x = nil; return x.y end}) end
collectgarbage()
print("done")
warn("@off")
do setmetatable({}, {__gc = function() error("silent") end}) end
collectgarbage()
print("end")
-- an error in one finalizer does not stop the others of the same cycle
local ran = {}
warn("@on")
do
  for i = 1, 5 do
    setmetatable({}, {__gc = function() ran[#ran + 1] = i; if i == 3 then error("third") end end})
  end
end
collectgarbage()
print(table.concat(ran, " "))
-- warn itself: messages go to stderr only when on; control messages
warn("@off")
warn("not shown")
warn("@on")
warn("shown ", "in ", "pieces")
print(pcall(warn))
print(pcall(warn, 1, {}))
print(pcall(warn, "a", nil))
warn("@unknown control is ignored")
warn("@off")
