-- expect-exit: 1
-- an uncaught runtime error after some output
for i = 1, 3 do print("line", i) end
local config = {}
print(config.server.port)
