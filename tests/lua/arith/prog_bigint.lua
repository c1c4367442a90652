-- Arbitrary precision non-negative integers in base 10^7, with add, sub, mul,
-- divmod by small ints, comparison and tostring. Checks factorials, powers
-- and Fibonacci numbers.
local BASE, WIDTH = 10000000, 7
local Big = {}
Big.__index = Big

local function norm(a)
  while #a > 1 and a[#a] == 0 do a[#a] = nil end
  return a
end

function Big.new(n)
  if type(n) == "string" then
    local a = setmetatable({}, Big)
    for i = #n, 1, -WIDTH do
      local j = math.max(1, i - WIDTH + 1)
      a[#a + 1] = tonumber(n:sub(j, i))
    end
    return norm(a)
  end
  assert(math.type(n) == "integer" and n >= 0)
  local a = setmetatable({}, Big)
  repeat a[#a + 1] = n % BASE; n = n // BASE until n == 0
  return a
end

function Big.__add(a, b)
  if type(a) == "number" then a = Big.new(a) end
  if type(b) == "number" then b = Big.new(b) end
  local r, carry = setmetatable({}, Big), 0
  for i = 1, math.max(#a, #b) do
    local s = (a[i] or 0) + (b[i] or 0) + carry
    r[i] = s % BASE; carry = s // BASE
  end
  if carry > 0 then r[#r + 1] = carry end
  return r
end

function Big.__sub(a, b)
  if type(b) == "number" then b = Big.new(b) end
  assert(a >= b, "negative result")
  local r, borrow = setmetatable({}, Big), 0
  for i = 1, #a do
    local s = a[i] - (b[i] or 0) - borrow
    if s < 0 then s = s + BASE; borrow = 1 else borrow = 0 end
    r[i] = s
  end
  return norm(r)
end

function Big.__mul(a, b)
  if type(a) == "number" then a = Big.new(a) end
  if type(b) == "number" then b = Big.new(b) end
  local r = setmetatable({}, Big)
  for i = 1, #a + #b do r[i] = 0 end
  for i = 1, #a do
    local carry, ai = 0, a[i]
    for j = 1, #b do
      local cur = r[i + j - 1] + ai * b[j] + carry
      r[i + j - 1] = cur % BASE; carry = cur // BASE
    end
    local k = i + #b
    while carry > 0 do
      local cur = r[k] + carry
      r[k] = cur % BASE; carry = cur // BASE; k = k + 1
    end
  end
  return norm(r)
end

function Big.divmod(a, d)
  local q, rem = setmetatable({}, Big), 0
  for i = #a, 1, -1 do
    local cur = rem * BASE + a[i]
    q[i] = cur // d; rem = cur % d
  end
  return norm(q), rem
end

function Big.__eq(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end
function Big.__lt(a, b)
  if #a ~= #b then return #a < #b end
  for i = #a, 1, -1 do if a[i] ~= b[i] then return a[i] < b[i] end end
  return false
end
function Big.__le(a, b) return not (b < a) end
function Big.__tostring(a)
  local parts = { tostring(a[#a]) }
  for i = #a - 1, 1, -1 do parts[#parts + 1] = string.format("%07d", a[i]) end
  return table.concat(parts)
end

local function fact(n) local r = Big.new(1) for i = 2, n do r = r * i end return r end
local f50 = fact(50)
print("50!", tostring(f50))
assert(tostring(f50) == "30414093201713378043612608166064768844377641568960512000000000000")
local f100 = fact(100)
print("100! digits", #tostring(f100))
local s = 0
for c in tostring(f100):gmatch("%d") do s = s + tonumber(c) end
assert(s == 648)
print("100! digit sum", s)

local p = Big.new(1)
for _ = 1, 200 do p = p * 2 end
print("2^200", tostring(p))
assert(tostring(p) == "1606938044258990275541962092341162602522202993782792835301376")

local a, b = Big.new(0), Big.new(1)
for _ = 1, 300 do a, b = b, a + b end
print("fib(300)", tostring(a))

local x = Big.new("123456789012345678901234567890")
local y = Big.new("987654321098765432109876543210")
print("x+y", tostring(x + y))
print("y-x", tostring(y - x))
print("x*y", tostring(x * y))
local q, r = Big.divmod(y, 97)
print("y divmod 97", tostring(q), r)
assert(q * 97 + r == y)
assert(x < y and not (y < x) and x <= x and x == Big.new("123456789012345678901234567890"))
print(x < y, y <= x, x == y)
local ok, err = pcall(function() return x - y end)
print(ok, (err:gsub("^.-:%d+: ", "")))
