-- gsub.lua: string.gsub with string, table and function replacements.
-- Stresses: gsub's replacement string with %0-%9 and %%, table lookups
-- (hits and misses), function replacements with one and several captures
-- (returning a string, a number, nil or false), the max-replacements
-- argument, anchored patterns, empty matches, and building the result.
-- Usage: gsub.lua [n]   (default 1500: lines of generated text)

local N = tonumber(arg and arg[1]) or 1500

local gsub, format, upper, byte = string.gsub, string.format, string.upper, string.byte

local seed = 7
local function rnd(n)
  seed = (seed * 16807) % 2147483647     -- below 2^53: exact with doubles
  return seed % n
end

local words = { "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
  "lorem", "ipsum", "dolor", "sit", "amet", "name", "value", "key" }
local lines = {}
for i = 1, N do
  local parts = {}
  for j = 1, 12 do
    local w = words[rnd(#words) + 1]
    if rnd(5) == 0 then w = "$" .. w end
    if rnd(7) == 0 then w = w .. "=" .. rnd(1000) end
    parts[j] = w
  end
  lines[i] = table.concat(parts, " ") .. format(" <%d> & \"%s\"", rnd(100000), words[rnd(#words) + 1])
end

local vars = { the = "THE", fox = "wolf", dog = "cat", name = "n", value = "v", key = "k" }
local html = { ["<"] = "&lt;", [">"] = "&gt;", ["&"] = "&amp;", ['"'] = "&quot;" }

local MOD = 1000000007
local h = 0
local function mix(s, n)
  h = (h * 31 + #s * 7 + n) % MOD
  -- sample a few bytes so that the content counts, not just the length
  local l = #s
  if l > 0 then h = (h + byte(s, 1) + byte(s, l) + byte(s, (l + 1) / 2 - (l + 1) / 2 % 1)) % MOD end
end

local function cap_fn(w) return upper(w) end
local function num_fn(d) return tonumber(d) * 2 end
local function maybe_fn(w) if #w > 4 then return nil end return w .. w end
local function kv_fn(k, v) return v .. ":" .. k end

local ROUNDS = 12
for round = 1, ROUNDS do
  for i = 1, N do
    local l = lines[i]
    -- string replacements
    mix(gsub(l, "(%a+)=(%d+)", "%2=%1"))
    mix(gsub(l, "%s+", " "))
    mix(gsub(l, "o", "0"))
    mix(gsub(l, "%w+", "<%0>", 5))
    mix(gsub(l, "%%", "%%%%"))
    mix(gsub(l, "^%a+", "[%0]"))
    -- table replacements: hits and misses
    mix(gsub(l, "%a+", vars))
    mix(gsub(l, "[<>&\"]", html))
    mix(gsub(l, "%$(%a+)", vars))
    -- function replacements
    mix(gsub(l, "%f[%a]%a", cap_fn))
    mix(gsub(l, "%d+", num_fn))
    mix(gsub(l, "%a+", maybe_fn))
    mix(gsub(l, "(%a+)=(%d+)", kv_fn))
    -- empty matches
    mix(gsub(l, "Z*", "-", 20))
  end
end

io.write(format("gsub %d %d\n", N, h))
