-- expect-exit: 1
-- level 0 message and a number message
local function check(n)
  if n > 2 then error("value too large: " .. n, 0) end
  return n
end
for i = 1, 5 do print(check(i)) end
