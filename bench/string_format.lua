-- string_format.lua: string.format with many specifiers.
-- Stresses: %d %i %u-free integer formats with flags and widths (%5d %-8d
-- %05d %+d), %x %X %o, %c, %s with widths and precisions, %q of strings,
-- %f %e %g with precisions, %%, many arguments per call, and
-- formatting of integer-valued floats.
-- Usage: string_format.lua [n]   (default 60000)

local N = tonumber(arg and arg[1]) or 60000

local format, byte = string.format, string.byte

local MOD = 1000000007
local h = 0
local function mix(s)
  local l = #s
  h = (h * 31 + l * 7) % MOD
  if l > 0 then h = (h + byte(s, 1) + byte(s, l) + byte(s, (l + 1) / 2 - (l + 1) / 2 % 1)) % MOD end
end

local names = { "alpha", "beta", "gamma", "delta", "a \"quoted\" one", "tab\there",
  "new\nline", "", "x", "longer name with spaces" }

for i = 1, N do
  local f = i / 64 - 1234.4997       -- never a tie at the precisions used
  local s = names[i % #names + 1]
  mix(format("%d", i))
  mix(format("%5d|%-8d|%05d|%+d", i, i * 3, i % 1000, i - 30000))
  mix(format("%x %X %o %#x", i * 2654435, i * 40503, i, i))
  mix(format("%c%c%c", 65 + i % 26, 97 + i % 26, 48 + i % 10))
  mix(format("%s", s))
  mix(format("[%10s][%-10s][%.3s]", s, s, s))
  mix(format("%q", s))
  mix(format("%q", s .. i))
  mix(format("%.2f", f))
  mix(format("%10.4f|%-12.3e|%g", f, f * 1000, f / 7))
  mix(format("%.0f %.10g %e", f, f / 3, i))
  mix(format("%g %g %g", i * 1.5, 1 / (i + 0.7), i * 1e15))
  mix(format("%5.1f%%", (i % 1000) / 10))
  mix(format("%s=%d (%s) %5.2f %x %s", s, i, "lit", f, i, "end"))
end

io.write(format("string_format %d %d\n", N, h))
