-- A strict _G (its __index raises on an unknown name): tracebacks and
-- argument errors must not look up globals of their own.
setmetatable(_G, {
  __index = function(_, k) error("undefined variable " .. tostring(k), 2) end,
  __newindex = function(_, k) error("assignment to undeclared " .. tostring(k), 2) end,
})
print(pcall(function() return zz end))
print(pcall(function() yy = 1 end))
print(xpcall(function() return zz end, debug.traceback))
print(debug.traceback("tb"))
print(pcall(string.rep))
print(pcall(io.write, {}))
print(select(2, xpcall(string.rep, debug.traceback)))
local co = coroutine.create(function() return zz end)
print(coroutine.resume(co))
print(debug.traceback(co))
print(pcall(error))
rawset(_G, "declared", 1)
print(declared)
