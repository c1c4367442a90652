-- finalizers of objects still alive at program end run when the state is
-- closed, in reverse order of marking, after the main chunk's own output
collectgarbage("stop")   -- only the explicit collections run: the same timing everywhere
local order = {}
local function mk(name)
  return setmetatable({name = name}, {__gc = function(o)
    print("finalizing " .. o.name)
    io.stdout:flush()
  end})
end
GLOBAL_OBJ = mk("global 1")
local upv = mk("local 2")
local t = {mk("in table 3"), mk("in table 4")}
mk("garbage 5")           -- unreachable: may be finalized by a collection
collectgarbage()          -- now it is, deterministically
print("after collect")
local late = mk("late 6")
-- an object whose finalizer creates output through a coroutine
setmetatable({}, {__gc = function()
  local g = coroutine.wrap(function() coroutine.yield("coroutine in exit finalizer") end)
  print(g())
end})
-- an object resurrected at exit is not finalized twice
setmetatable({}, {__gc = function(o) SAVED = o; print("resurrecting at exit") end})
-- an erroring finalizer at exit does not stop the others
setmetatable({}, {__gc = function() error("error at exit") end})
print("end of main chunk")
