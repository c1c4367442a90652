-- Levenshtein distance with the edit script, longest common subsequence and
-- a fuzzy "did you mean" search.
local function levenshtein(a, b)
  local m, n = #a, #b
  local d = {}
  for i = 0, m do d[i] = { [0] = i } end
  for j = 0, n do d[0][j] = j end
  for i = 1, m do
    for j = 1, n do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      d[i][j] = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    end
  end
  local ops, i, j = {}, m, n
  while i > 0 or j > 0 do
    if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (a:byte(i) == b:byte(j) and 0 or 1) then
      if a:byte(i) ~= b:byte(j) then table.insert(ops, 1, "sub " .. a:sub(i, i) .. ">" .. b:sub(j, j)) end
      i, j = i - 1, j - 1
    elseif i > 0 and d[i][j] == d[i - 1][j] + 1 then table.insert(ops, 1, "del " .. a:sub(i, i)); i = i - 1
    else table.insert(ops, 1, "ins " .. b:sub(j, j)); j = j - 1 end
  end
  return d[m][n], table.concat(ops, ", ")
end
local function lcs(a, b)
  local m, n = #a, #b
  local L = {}
  for i = 0, m do L[i] = {} for j = 0, n do L[i][j] = 0 end end
  for i = 1, m do for j = 1, n do
    if a:byte(i) == b:byte(j) then L[i][j] = L[i - 1][j - 1] + 1 else L[i][j] = math.max(L[i - 1][j], L[i][j - 1]) end
  end end
  local out, i, j = {}, m, n
  while i > 0 and j > 0 do
    if a:byte(i) == b:byte(j) then table.insert(out, 1, a:sub(i, i)); i, j = i - 1, j - 1
    elseif L[i - 1][j] >= L[i][j - 1] then i = i - 1 else j = j - 1 end
  end
  return table.concat(out)
end
for _, p in ipairs({ { "kitten", "sitting" }, { "flaw", "lawn" }, { "", "abc" }, { "same", "same" }, { "intention", "execution" } }) do
  print(p[1], p[2], levenshtein(p[1], p[2]))
end
print(lcs("AGGTAB", "GXTXAYB"), lcs("ABCBDAB", "BDCABA"), lcs("abc", "def"))
local words = { "print", "pairs", "ipairs", "tostring", "tonumber", "setmetatable", "getmetatable", "select", "rawget" }
for _, typo in ipairs({ "prnit", "tostirng", "setmetable", "slect", "rawgte", "xyz" }) do
  local best, bestd = nil, math.huge
  for _, w in ipairs(words) do
    local d = levenshtein(typo, w)
    if d < bestd or (d == bestd and w < best) then best, bestd = w, d end
  end
  print(typo, "->", bestd <= 3 and best or "(no suggestion)", bestd)
end
