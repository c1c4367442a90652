-- when the main chunk fails, pending finalizers still run (lua.c closes
-- the state) after the error message; the exit status is 1
local a = setmetatable({}, {__gc = function() print("finalizer a") end})
local b = setmetatable({}, {__gc = function() print("finalizer b") end})
print("before error")
error("the program fails")
