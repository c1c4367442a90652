-- string_build.lua: building and taking apart strings.
-- Stresses: the concatenation operator (two and many operands, in loops),
-- table.concat, string.format (%d %s %x %f with widths), string.rep,
-- string.sub, string.byte (one and many results), string.char, string
-- interning / hashing of many short strings, and the GC of dead strings.
-- Usage: string_build.lua [n]   (default 120000)

local N = tonumber(arg and arg[1]) or 120000

local format, rep, sub, byte, char = string.format, string.rep,
  string.sub, string.byte, string.char
local concat = table.concat

-- Rolling hash over all bytes of s, folded into h. Kept below 2^53 so that
-- implementations with only doubles compute the same value.
local MOD = 1000000007
local function hash(h, s)
  local len = #s
  local i = 1
  -- 8 bytes per string.byte call where possible
  while i + 7 <= len do
    local a, b, c, d, e, f, g, k = byte(s, i, i + 7)
    h = (h * 31 + a + b * 3 + c * 5 + d * 7 + e * 11 + f * 13 + g * 17 + k * 19) % MOD
    i = i + 8
  end
  while i <= len do
    h = (h * 31 + byte(s, i)) % MOD
    i = i + 1
  end
  return h
end

local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
                "theta", "iota", "kappa", "lambda", "mu" }
local nwords = #words

local h = 7
local total_len = 0

-- 1. Formatted records joined with table.concat.
local lines = {}
for i = 1, N do
  local w = words[i % nwords + 1]
  lines[i] = format("%6d|%-8s|%10.3f|%x|%s", i, w, i / 7, i * 31, w:upper())
end
local doc = concat(lines, "\n")
total_len = total_len + #doc
h = hash(h, doc)

-- 2. Incremental concatenation, in bounded chunks (s = s .. x).
local pieces = {}
local np = 0
for i = 1, N do
  local s = ""
  for j = 1, 12 do
    s = s .. words[(i + j) % nwords + 1] .. ","
  end
  s = s .. i .. ";" .. (i * 3) .. "\n"     -- multi-operand concat with integers
  np = np + 1
  pieces[np] = s
  if np == 200 then
    local chunk = concat(pieces, "", 1, np)
    total_len = total_len + #chunk
    h = hash(h, sub(chunk, 1, 64))
    np = 0
  end
end
if np > 0 then
  local chunk = concat(pieces, "", 1, np)
  total_len = total_len + #chunk
  h = hash(h, chunk)
end

-- 3. string.rep, string.sub windows, byte/char transformations.
local base = rep("abcdefghij", 30, "-")       -- 329 bytes
local shifted = {}
for i = 1, math.floor(N / 4) do
  local from = i % 200 + 1
  local piece = sub(base, from, from + 40)
  -- Caesar shift via byte/char, building a table of single characters
  local out = {}
  for k = 1, #piece do
    local b = byte(piece, k)
    if b >= 97 and b <= 122 then
      b = (b - 97 + i) % 26 + 97
    end
    out[k] = char(b)
  end
  local s = concat(out)
  shifted[#shifted + 1] = s
  if #shifted == 50 then
    local joined = concat(shifted, "|")
    total_len = total_len + #joined
    h = hash(h, joined)
    shifted = {}
  end
end
if #shifted > 0 then
  local joined = concat(shifted, "|")
  total_len = total_len + #joined
  h = hash(h, joined)
end

-- 4. Many short interned strings used as table keys.
local counts = {}
for i = 1, N do
  local key = "k" .. (i % 1000)
  counts[key] = (counts[key] or 0) + 1
end
local distinct = 0
for _ in pairs(counts) do distinct = distinct + 1 end

print(format("length: %d", total_len))
print(format("hash: %d", h))
print(format("distinct keys: %d", distinct))
