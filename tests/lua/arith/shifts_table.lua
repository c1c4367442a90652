-- left and right shifts of several values by -70..70
local vals = { 1, -1, 0x0123456789ABCDEF, math.mininteger, math.maxinteger }
for _, v in ipairs(vals) do
  local h = 0
  local parts = {}
  for n = -70, 70 do
    local l, r = v << n, v >> n
    assert(l == v >> -n and r == v << -n)
    if n >= 64 or n <= -64 then assert(l == 0 and r == 0) end
    h = (h * 31 + l + r * 7) & 0xFFFFFFFFFFFF
    if n % 9 == 0 then parts[#parts + 1] = string.format("%x", l) end
  end
  print(string.format("%x", v), h, table.concat(parts, " "))
end
-- shifting by a float with integral value and by strings through metamethods
print(1 << 3.0, 256 >> 4.0, pcall(function() return 1 << 1.5 end))
-- shift amounts given as huge values
print(1 << math.maxinteger, 1 >> math.maxinteger, -1 << math.mininteger, -1 >> math.mininteger)
