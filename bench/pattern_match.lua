-- pattern_match.lua: string.find, string.match and string.gmatch.
-- Stresses: the pattern matcher with character classes (%a %d %s %w %p),
-- sets and complements, quantifiers (* + - ?), anchors, captures (string
-- and position), %b, %f, plain find, init positions, and gmatch loops over
-- a generated text of "log lines".
-- Usage: pattern_match.lua [n]   (default 4000: lines of generated text)

local N = tonumber(arg and arg[1]) or 4000

local find, match, gmatch, format, sub = string.find, string.match,
  string.gmatch, string.format, string.sub

-- deterministic generator (no math.random: same numbers everywhere)
local seed = 42
local function rnd(n)
  seed = (seed * 16807) % 2147483647     -- below 2^53: exact with doubles
  return seed % n
end

local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
  "theta", "iota", "kappa", "lambda", "mu", "GET", "POST", "error", "warn" }
local lines = {}
for i = 1, N do
  local w1, w2 = words[rnd(#words) + 1], words[rnd(#words) + 1]
  lines[i] = format("2024-%02d-%02d %02d:%02d:%02d [%s] user%d@host%d.example.com %s /path/%s/%d?q=%s&n=%d (%d ms) {k=%d}",
    rnd(12) + 1, rnd(28) + 1, rnd(24), rnd(60), rnd(60), w1, rnd(1000), rnd(50),
    w2, w1, rnd(100000), w2, rnd(999), rnd(5000), rnd(77))
end
local text = table.concat(lines, "\n")

local MOD = 1000000007
local h = 0
local function mix(v) h = (h * 31 + v) % MOD end

local ROUNDS = 8
for round = 1, ROUNDS do
  for i = 1, N do
    local l = lines[i]
    -- anchored match with many captures
    local y, mo, d, hh, mi, ss, tag = match(l, "^(%d+)%-(%d+)%-(%d+) (%d+):(%d+):(%d+) %[(%a+)%]")
    mix(tonumber(mo) + tonumber(d) * 3 + tonumber(ss) + #tag)
    -- e-mail-ish: captures with sets
    local user, host = match(l, "([%w_]+)@([%w%.%-]+)")
    mix(#user + #host)
    -- position captures and find with init
    local s, e = find(l, "/path/", 1, true)
    local p1, p2 = match(l, "()%?q=%a+()", e)
    mix(s + e + p1 + p2)
    -- balanced and frontier
    local br = match(l, "%b()")
    mix(#br)
    local fs = find(l, "%f[%a]%a+%f[%A]", 30)
    mix(fs or 0)
    -- lazy quantifier and complement set
    local q = match(l, "q=(.-)&")
    mix(#q)
    local k = match(l, "{k=([^}]*)}")
    mix(tonumber(k))
    -- a miss that scans the whole line
    if find(l, "%d%d%d%d%d%d%d") then mix(7) end
    if match(l, "^.-xyz") then mix(9) end
  end
  -- gmatch over the whole text
  local nw, nn = 0, 0
  for w in gmatch(text, "%a+") do nw = nw + #w end
  for n in gmatch(text, "%d+") do nn = nn + #n end
  mix(nw % 100000)
  mix(nn % 100000)
  local pairs_ = 0
  for k, v in gmatch(text, "(%w+)=(%w+)") do pairs_ = pairs_ + #k + #v end
  mix(pairs_ % 100000)
  local nl = 0
  for line in gmatch(text, "[^\n]+") do nl = nl + 1 end
  mix(nl)
  -- find loop with init
  local pos, cnt = 1, 0
  while true do
    local a, b = find(text, "user%d+", pos)
    if not a then break end
    cnt = cnt + 1
    pos = b + 1
  end
  mix(cnt)
end

io.write(format("pattern_match %d %d\n", N, h))
