-- expect-exit: 1
-- an uncaught error with a string message: stderr starts with "<prog>: <chunk>:<line>: boom"
print("before the error")
local function fail() error("boom") end
fail()
print("never printed")
