-- invariants of // and % over many integer pairs, including limits
local vals = { 0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255, -256, 1 << 32, -(1 << 32),
  math.maxinteger, math.mininteger, math.maxinteger - 1, math.mininteger + 1 }
local h, count = 0, 0
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    if b ~= 0 then
      local q, r = a // b, a % b
      assert(q * b + r == a, a .. " " .. b)
      assert(r == 0 or (r < 0) == (b < 0))
      if not (a == math.mininteger and b == -1) then
        -- |r| < |b| (careful with mininteger)
        assert(math.ult(r < 0 and -r or r, b < 0 and -b or b) or b == math.mininteger)
      end
      h = (h * 131 + q * 7 + r) & 0x7FFFFFFFFFFF
      count = count + 1
    end
  end
end
print("pairs", count, "hash", h)
-- float versions agree with math.floor for exactly representable values
for _, a in ipairs({ 7.0, -7.0, 7.5, -7.5, 0.25 }) do
  for _, b in ipairs({ 2.0, -2.0, 0.5, -0.5 }) do
    assert(a // b == math.floor(a / b))
    assert(a % b == a - math.floor(a / b) * b)
  end
end
print("float division invariants ok")
