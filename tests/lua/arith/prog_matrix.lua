-- A small matrix module: construction, multiplication, transpose, identity,
-- determinant by Gaussian elimination with exact rational-free integer
-- (Bareiss) algorithm, and float inverse checked against identity.
local M = {}
M.__index = M

function M.new(rows) return setmetatable({ n = #rows, m = #rows[1], rows }, M) end
function M.zeros(n, m)
  local r = {}
  for i = 1, n do r[i] = {} for j = 1, m do r[i][j] = 0 end end
  return M.new(r)
end
function M.identity(n)
  local z = M.zeros(n, n)
  for i = 1, n do z[1][i][i] = 1 end
  return z
end
function M:get(i, j) return self[1][i][j] end
function M:set(i, j, v) self[1][i][j] = v end
function M.__mul(a, b)
  if type(a) == "number" then a, b = b, a end
  if type(b) == "number" then
    local r = M.zeros(a.n, a.m)
    for i = 1, a.n do for j = 1, a.m do r:set(i, j, a:get(i, j) * b) end end
    return r
  end
  assert(a.m == b.n, "dimension mismatch")
  local r = M.zeros(a.n, b.m)
  for i = 1, a.n do
    for j = 1, b.m do
      local s = 0
      for k = 1, a.m do s = s + a:get(i, k) * b:get(k, j) end
      r:set(i, j, s)
    end
  end
  return r
end
function M.__add(a, b)
  local r = M.zeros(a.n, a.m)
  for i = 1, a.n do for j = 1, a.m do r:set(i, j, a:get(i, j) + b:get(i, j)) end end
  return r
end
function M.__eq(a, b)
  if a.n ~= b.n or a.m ~= b.m then return false end
  for i = 1, a.n do for j = 1, a.m do if a:get(i, j) ~= b:get(i, j) then return false end end end
  return true
end
function M:transpose()
  local r = M.zeros(self.m, self.n)
  for i = 1, self.n do for j = 1, self.m do r:set(j, i, self:get(i, j)) end end
  return r
end
function M:det()  -- Bareiss, exact for integers
  local n = self.n
  local a = {}
  for i = 1, n do a[i] = {} for j = 1, n do a[i][j] = self:get(i, j) end end
  local sign, prev = 1, 1
  for k = 1, n - 1 do
    if a[k][k] == 0 then
      local swap
      for i = k + 1, n do if a[i][k] ~= 0 then swap = i break end end
      if not swap then return 0 end
      a[k], a[swap] = a[swap], a[k]
      sign = -sign
    end
    for i = k + 1, n do
      for j = k + 1, n do
        a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
      end
    end
    prev = a[k][k]
  end
  return sign * a[n][n]
end
function M:inverse()
  local n = self.n
  local a = {}
  for i = 1, n do
    a[i] = {}
    for j = 1, n do a[i][j] = self:get(i, j) + 0.0 end
    for j = 1, n do a[i][n + j] = (i == j) and 1.0 or 0.0 end
  end
  for c = 1, n do
    local p = c
    for r = c + 1, n do if math.abs(a[r][c]) > math.abs(a[p][c]) then p = r end end
    a[c], a[p] = a[p], a[c]
    local pv = a[c][c]
    assert(pv ~= 0, "singular")
    for j = 1, 2 * n do a[c][j] = a[c][j] / pv end
    for r = 1, n do
      if r ~= c then
        local f = a[r][c]
        for j = 1, 2 * n do a[r][j] = a[r][j] - f * a[c][j] end
      end
    end
  end
  local rows = {}
  for i = 1, n do rows[i] = {} for j = 1, n do rows[i][j] = a[i][n + j] end end
  return M.new(rows)
end
function M.__tostring(a)
  local lines = {}
  for i = 1, a.n do
    local cells = {}
    for j = 1, a.m do
      local v = a:get(i, j)
      cells[j] = math.type(v) == "float" and string.format("%8.4f", v) or string.format("%4d", v)
    end
    lines[i] = table.concat(cells, " ")
  end
  return table.concat(lines, "\n")
end

local A = M.new{{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}}
local B = M.new{{1, 2}, {3, 4}, {5, 6}}
print(tostring(A * B))
print(tostring(B:transpose() * A))
assert(A * M.identity(3) == A)
assert((A * B):transpose() == B:transpose() * A:transpose())
print("det A", A:det())
assert(A:det() == 4)
local H = M.new{{1, 2, 3, 4}, {5, 6, 7, 8}, {2, 6, 4, 8}, {3, 1, 1, 2}}
print("det H", H:det())
local Ai = A:inverse()
print(tostring(Ai))
local P = A * Ai
for i = 1, 3 do for j = 1, 3 do
  assert(math.abs(P:get(i, j) - (i == j and 1 or 0)) < 1e-12)
end end
print(tostring(2 * A + A * 3))
-- fibonacci via matrix power
local function mpow(m, e)
  local r = M.identity(m.n)
  while e > 0 do
    if e % 2 == 1 then r = r * m end
    m = m * m
    e = e // 2
  end
  return r
end
local F = mpow(M.new{{1, 1}, {1, 0}}, 90)
print("fib(90)", F:get(1, 2))
assert(F:get(1, 2) == 2880067194370816120)
local ok, err = pcall(function() return A * M.new{{1, 2}} end)
print(ok, (err:gsub("^.-:%d+: ", "")))
