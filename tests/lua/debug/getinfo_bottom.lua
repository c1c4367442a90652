-- Below the main chunk, lua5.4 has the C function that runs it (the
-- traceback's "[C]: in ?"): debug.getinfo describes it; one more is nil.
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = k .. "=" .. (type(v) == "function" and "fn" or tostring(v)) end
  table.sort(ks)
  return table.concat(ks, " ")
end
print(keys(debug.getinfo(2)))
print(debug.getinfo(3))
print(debug.getinfo(2, "S").what, debug.getinfo(2, "l").currentline)
local function depth()
  local n = 0
  while debug.getinfo(n + 1, "l") do n = n + 1 end
  return n
end
print(depth())
print((function() return depth() + 0 end)())
print(coroutine.wrap(depth)())
print(pcall(debug.getlocal, 4, 1))
print(pcall(debug.getlocal, 5, 1))
print(debug.traceback("end"))
