-- deterministic integer PRNGs and hashes exercising wrap-around and shifts
local function xorshift64(s)
  return function()
    s = s ~ (s << 13)
    s = s ~ (s >> 7)
    s = s ~ (s << 17)
    return s
  end
end
local r = xorshift64(88172645463325252)
local out = {}
for i = 1, 8 do out[i] = string.format("%016x", r()) end
print(table.concat(out, " "))
-- splitmix64
local function splitmix(seed)
  return function()
    seed = seed + 0x9e3779b97f4a7c15
    local z = seed
    z = (z ~ (z >> 30)) * 0xbf58476d1ce4e5b9
    z = (z ~ (z >> 27)) * 0x94d049bb133111eb
    return z ~ (z >> 31)
  end
end
local sm = splitmix(0)
out = {}
for i = 1, 5 do out[i] = string.format("%016x", sm()) end
print(table.concat(out, " "))
assert(out[1] == "e220a8397b1dcdaf")
-- LCG in 32 bits with masking
local state = 12345
local vals = {}
for i = 1, 10 do
  state = (state * 1103515245 + 12345) & 0x7fffffff
  vals[i] = state % 100
end
print(table.concat(vals, ","))
-- djb2 string hash
local function djb2(s)
  local h = 5381
  for i = 1, #s do h = ((h << 5) + h + s:byte(i)) & 0xffffffff end
  return h
end
print(djb2(""), djb2("a"), djb2("hello world"), djb2(("x"):rep(100)))
assert(djb2("a") == 177670)
-- unsigned comparisons and division helpers
local function udiv(a, b)
  if b < 0 then return math.ult(a, b) and 0 or 1 end
  local q = ((a >> 1) // b) << 1
  local rem = a - q * b
  if not math.ult(rem, b) then q = q + 1 end
  return q
end
print(udiv(-1, 10), udiv(-1, 3), udiv(100, 7), udiv(-2, -1), udiv(math.mininteger, 2))
