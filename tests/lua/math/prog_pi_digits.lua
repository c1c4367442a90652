-- Digits of pi with the Rabinowitz-Wagon spigot (integers only), and e.
local function pi_digits(n)
  local len = n * 10 // 3 + 1
  local a = {}
  for i = 1, len do a[i] = 2 end
  local digits, nines, predigit = {}, 0, 0
  for j = 1, n do
    local q = 0
    for i = len, 1, -1 do
      local x = 10 * a[i] + q * i
      a[i] = x % (2 * i - 1)
      q = x // (2 * i - 1)
    end
    a[1] = q % 10
    q = q // 10
    if q == 9 then nines = nines + 1
    elseif q == 10 then
      digits[#digits + 1] = predigit + 1
      for _ = 1, nines do digits[#digits + 1] = 0 end
      predigit, nines = 0, 0
    else
      if j > 1 then digits[#digits + 1] = predigit end
      predigit = q
      for _ = 1, nines do digits[#digits + 1] = 9 end
      nines = 0
    end
  end
  digits[#digits + 1] = predigit
  return table.concat(digits)
end
local p = pi_digits(200)
print(p:sub(1, 1) .. "." .. p:sub(2, 101))
assert(p:sub(1, 20) == "31415926535897932384")
local function e_digits(n)
  local a = {}
  for i = 1, n + 10 do a[i] = 1 end
  local out = { "2." }
  for _ = 1, n do
    local carry = 0
    for i = n + 10, 1, -1 do
      local x = a[i] * 10 + carry
      a[i] = x % (i + 1)
      carry = x // (i + 1)
    end
    out[#out + 1] = carry
  end
  return table.concat(out)
end
local e = e_digits(80)
print(e)
assert(e:sub(1, 12) == "2.7182818284")
