-- expect-exit: 1
-- an error object with __tostring is printed with it
local E = setmetatable({ msg = "custom failure" }, { __tostring = function(e) return "E: " .. e.msg end })
print("start")
error(E)
