-- the 5.4 rules for __gc: the field must be in the metatable when
-- setmetatable is called; a non-function __gc is ignored silently
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local log = {}
-- __gc added after setmetatable: the object is not marked for finalization
do
  local mt = {}
  setmetatable({}, mt)
  mt.__gc = function() log[#log + 1] = "late" end
end
collectgarbage()
print("added late:", #log)
-- a placeholder __gc at setmetatable time, replaced by a function later: used
do
  local mt = {__gc = true}
  setmetatable({}, mt)
  mt.__gc = function() log[#log + 1] = "replaced" end
end
collectgarbage()
print(table.concat(log, " "))
log = {}
-- __gc removed after setmetatable: nothing is called
do
  local mt = {__gc = function() log[#log + 1] = "removed" end}
  setmetatable({}, mt)
  mt.__gc = nil
end
collectgarbage()
print("removed:", #log)
-- non-function values: ignored, no error
for _, v in ipairs{1, "str", {}, true} do
  do setmetatable({}, {__gc = v}) end
end
collectgarbage()
print("non-functions ignored")
-- a callable table as __gc is not called either (it must be a function)
do setmetatable({}, {__gc = setmetatable({}, {__call = function() log[#log + 1] = "callable" end})}) end
collectgarbage()
print("callable table:", #log)
-- the metatable changed to another one with __gc: the new __gc runs
do
  local o = setmetatable({}, {__gc = function() log[#log + 1] = "first mt" end})
  setmetatable(o, {__gc = function() log[#log + 1] = "second mt" end})
end
collectgarbage()
print(table.concat(log, " "))
log = {}
-- metatable removed: the object stays marked, but there is no __gc to call
do
  local o = setmetatable({}, {__gc = function() log[#log + 1] = "gone" end})
  setmetatable(o, nil)
end
collectgarbage()
print("metatable removed:", #log)
-- a __metatable-protected metatable with __gc
do setmetatable({}, {__gc = function() log[#log + 1] = "protected" end, __metatable = "locked"}) end
collectgarbage()
print(table.concat(log, " "))
log = {}
-- getmetatable still sees __gc
local o = setmetatable({}, {__gc = function() print("finalizer of o at exit") end})
print(type(getmetatable(o).__gc))
-- strings, numbers etc. cannot get per-value metatables; tables only
print(pcall(setmetatable, "s", {__gc = print}))
