-- collectgarbage inside a finalizer: every option fails (returns nil);
-- setpause/setstepmul round-trip through lua5.4's quarter-value encoding
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local r = {}
do setmetatable({}, {__gc = function()
  r[#r+1] = tostring(collectgarbage())
  r[#r+1] = tostring(collectgarbage("count") ~= nil)
  r[#r+1] = tostring(collectgarbage("step"))
  r[#r+1] = tostring(collectgarbage("isrunning"))
  r[#r+1] = tostring(collectgarbage("incremental"))
end}) end
collectgarbage()
print(table.concat(r, " "))
print(collectgarbage("setpause", 50), collectgarbage("setpause"), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 100))
