-- to-be-closed variables of the main chunk are closed when it returns,
-- after everything else it printed, in reverse order; finalizers run after
local log = setmetatable({}, {__gc = function() print("finalizer at exit") end})
local a <close> = setmetatable({}, {__close = function(_, e) print("closing a", e) end})
local b <close> = setmetatable({}, {__close = function(_, e) print("closing b", e) end})
local co = coroutine.wrap(function()
  -- a suspended coroutine's variables are not closed at exit
  local c <close> = setmetatable({}, {__close = function() print("never: c") end})
  coroutine.yield()
end)
co()
do
  local inner <close> = setmetatable({}, {__close = function() print("closing inner block") end})
end
print("end of main chunk")
return "ignored", "results"
