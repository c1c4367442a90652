-- Random format specifications (fixed seed), compared with lua5.4.
local seed = 777
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
local flags = {"", "", "-", "+", " ", "#", "0", "00", "-0", "+ ", "#0", "-#"}
local widths = {"", "", "1", "5", "10", "99", "100", "0", "05"}
local precs = {"", "", ".", ".0", ".1", ".3", ".10", ".99", ".100"}
local convs = {"d", "i", "u", "c", "x", "X", "o", "e", "E", "f", "F", "g", "G", "a", "A", "q", "s", "%", "y", "l", "", "n"}
local vals = {0, 1, -1, 42, 3.0, 3.5, -2.25, 1e300, -1e-300, 1/0, -1/0, 2^63, -2^63, 9007199254740993, "12", "abc", "", "a\0b", "0x1F", " 7 ", "1e2", true, false, nil, string.rep("z", 120), "\n\r\t\"\\", "\200\1\0012"}
for i = 1, 6000 do
  local spec = "%" .. flags[rnd(#flags)] .. widths[rnd(#widths)] .. precs[rnd(#precs)] .. convs[rnd(#convs)]
  local fmt = (rnd(3) == 1 and "<" or "") .. spec .. (rnd(3) == 1 and ">" or "")
  local v = vals[rnd(#vals)]
  local ok, r = pcall(string.format, fmt, v)
  print(i, string.format("%q", fmt), type(v) == "string" and string.format("%q", v) or tostring(v), ok, ok and string.format("%q", r) or r)
end
