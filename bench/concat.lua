-- concat.lua: table.concat.
-- Stresses: table.concat of many short strings, of numbers (integers and
-- floats converted on the way), with and without a separator, with i and j
-- ranges, of a few long strings, and of freshly built tables of lines (CSV
-- rows), plus the GC of the large results.
-- Usage: concat.lua [n]   (default 10000)

local N = tonumber(arg and arg[1]) or 10000

local concat, format, byte, sub = table.concat, string.format, string.byte, string.sub

local MOD = 1000000007
local h = 0
local function mix(s)
  local l = #s
  h = (h * 31 + l) % MOD
  if l > 0 then h = (h + byte(s, 1) * 3 + byte(s, l) * 5 + byte(s, (l + 1) / 2 - (l + 1) / 2 % 1)) % MOD end
end

local words = {}
for i = 1, 200 do words[i] = format("w%03d", i) end
local ints = {}
for i = 1, 200 do ints[i] = i * 37 - 500 end
local floats = {}
for i = 1, 200 do floats[i] = i * 0.25 + 0.125 end   -- never integral: 5.1 and 5.4 agree
local long = {}
for i = 1, 8 do long[i] = string.rep(string.char(64 + i), 2000) end

for i = 1, N do
  mix(concat(words))
  mix(concat(words, ","))
  mix(concat(words, ", ", 10, 150))
  mix(concat(ints, " "))
  mix(concat(floats, ";", 1, 100))
  mix(concat(long, "|"))
  -- a freshly built table of CSV rows
  local rows = {}
  for r = 1, 20 do
    local cells = { r, words[(i + r) % 200 + 1], i * r, "x" }
    rows[r] = concat(cells, ",")
  end
  mix(concat(rows, "\n"))
  -- empty and single-element cases
  mix(concat({}, ",") .. "e")
  mix(concat({ "one" }, ","))
  mix(concat(words, "", 5, 4) .. "e")
end

io.write(format("concat %d %d\n", N, h))
