-- an error raised by a __close of the main chunk when it returns normally
-- is the program's error (status 1, message on stderr)
local a <close> = setmetatable({}, {__close = function(_, e) print("closing a", (tostring(e):match("^[^\n]*"))) end})
local b <close> = setmetatable({}, {__close = function(_, e)
  print("closing b", e)
  error("close failed", 0)
end})
print("main body")
