-- an error escaping the main chunk closes its pending variables first
-- (lua.c runs the chunk under lua_pcall), then ends the program with status 1.
-- (lua.c's message handler adds a traceback to the message before the
-- variables see it: only its first line is printed here)
local a <close> = setmetatable({}, {__close = function(_, e)
  print("closing a", (tostring(e):match("^[^\n]*")))
end})
local b <close> = setmetatable({}, {__close = function(_, e)
  print("closing b", (tostring(e):match("^[^\n]*")))
end})
print("main body")
local function fail() error("main failed") end
fail()
print("never")
