-- Sparse matrices stored as dictionaries of rows: multiply, transpose,
-- power iteration for the dominant eigenvector of a small graph.
local function new() return { rows = {} } end
local function set(m, i, j, v) if v ~= 0 then m.rows[i] = m.rows[i] or {}; m.rows[i][j] = v end end
local function get(m, i, j) local r = m.rows[i] return r and r[j] or 0 end
local function mul(a, b)
  local c = new()
  for i, row in pairs(a.rows) do
    for k, av in pairs(row) do
      local brow = b.rows[k]
      if brow then for j, bv in pairs(brow) do set(c, i, j, get(c, i, j) + av * bv) end end
    end
  end
  return c
end
local function transpose(a) local t = new() for i, row in pairs(a.rows) do for j, v in pairs(row) do set(t, j, i, v) end end return t end
local function nnz(a) local n = 0 for _, row in pairs(a.rows) do for _ in pairs(row) do n = n + 1 end end return n end
local function dense(a, n)
  local lines = {}
  for i = 1, n do
    local cells = {}
    for j = 1, n do cells[j] = string.format("%3d", get(a, i, j)) end
    lines[i] = table.concat(cells)
  end
  return table.concat(lines, "\n")
end
local A = new()
for i = 1, 6 do set(A, i, i, 2); if i < 6 then set(A, i, i + 1, -1); set(A, i + 1, i, -1) end end
print(dense(A, 6))
local A2 = mul(A, A)
print(dense(A2, 6), nnz(A), nnz(A2))
assert(nnz(transpose(A2)) == nnz(A2) and get(transpose(A2), 1, 3) == get(A2, 3, 1))
-- power iteration on an adjacency matrix
local G = new()
local edges = { { 1, 2 }, { 2, 3 }, { 3, 1 }, { 3, 4 }, { 4, 5 }, { 5, 3 }, { 2, 5 } }
for _, e in ipairs(edges) do set(G, e[1], e[2], 1); set(G, e[2], e[1], 1) end
local v = { 1, 1, 1, 1, 1 }
for _ = 1, 100 do
  local w = {}
  for i = 1, 5 do local s = 0 for j = 1, 5 do s = s + get(G, i, j) * v[j] end w[i] = s end
  local norm = 0
  for i = 1, 5 do norm = norm + w[i] * w[i] end
  norm = math.sqrt(norm)
  for i = 1, 5 do v[i] = w[i] / norm end
end
local out = {}
for i = 1, 5 do out[i] = string.format("%.6f", v[i]) end
print("eigenvector", table.concat(out, " "))
