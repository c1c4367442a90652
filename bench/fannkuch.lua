-- fannkuch.lua: fannkuch-redux. For every permutation of 1..n (generated in
-- a fixed order with a counting scheme), repeatedly reverse the first p[1]
-- elements until 1 comes first; report the maximum number of flips and a
-- checksum (flips added for even, subtracted for odd permutation index).
-- Stresses: small integer arrays, tight integer loops, swaps via multiple
-- assignment, branches.
-- Usage: fannkuch.lua [n] [reps]   (default n = 9, reps = 2)
-- n = 10 is ten times the work of n = 9, so the work is tuned with reps: the
-- whole computation is repeated reps times and the results must agree.

local N = tonumber(arg and arg[1]) or 9
local REPS = tonumber(arg and arg[2]) or 2

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do perm1[i] = i end
  local maxflips, checksum = 0, 0
  local permcount = 0
  local r = n
  while true do
    -- reset the counters below r
    while r ~= 1 do
      count[r] = r
      r = r - 1
    end

    -- count flips for the current permutation
    local first = perm1[1]
    if first ~= 1 then
      for i = 1, n do perm[i] = perm1[i] end
      local flips = 0
      local k = first
      repeat
        local lo, hi = 1, k
        while lo < hi do
          perm[lo], perm[hi] = perm[hi], perm[lo]
          lo = lo + 1
          hi = hi - 1
        end
        flips = flips + 1
        k = perm[1]
      until k == 1
      if flips > maxflips then maxflips = flips end
      if permcount % 2 == 0 then
        checksum = checksum + flips
      else
        checksum = checksum - flips
      end
    end

    -- next permutation: rotate the first r+1 elements left by one, with
    -- carries through the counters
    while true do
      if r == n then
        return checksum, maxflips, permcount + 1
      end
      local p0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = p0
      local c = count[r + 1] - 1
      count[r + 1] = c
      if c > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end

local checksum, maxflips, perms = fannkuch(N)
for _ = 2, REPS do
  local c, m, p = fannkuch(N)
  if c ~= checksum or m ~= maxflips or p ~= perms then
    error("fannkuch: repeated run disagrees")
  end
end
print(string.format("%d", checksum))
print(string.format("Pfannkuchen(%d) = %d", N, maxflips))
print(string.format("permutations: %d", perms))
