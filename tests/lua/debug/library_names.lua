-- The functions of debug, io, os, utf8, coroutine and the base library,
-- and the methods of files, are the same as in lua5.4.
for _, lib in ipairs{"debug", "io", "os", "utf8", "coroutine", "_G"} do
  local t = {}
  for k, v in pairs(_G[lib] or _G) do if lib ~= "_G" or type(v) == "function" then t[#t+1] = k .. ":" .. type(v) end end
  table.sort(t) print(lib, table.concat(t, " "))
end
print(debug.setcstacklimit and debug.setcstacklimit(100))
local mt = getmetatable(io.stdout); local t = {} for k in pairs(mt) do t[#t+1] = k end table.sort(t) print(table.concat(t, " "))
t = {} for k in pairs(mt.__index) do t[#t+1] = k end table.sort(t) print(table.concat(t, " "))
