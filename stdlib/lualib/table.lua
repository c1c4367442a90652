-- table.lua — Lua parts of the table library (see vm/lib_table.c).
--
-- lib_table.c checks the arguments (and takes the length, __len included)
-- and calls these only for the element accesses that may run metamethods
-- (__index, __newindex), and for sort with a comparator or with values that
-- are not all numbers or all strings.  Each does the same reads and writes,
-- in the same order, as lua5.4's C library, so metamethods see the same
-- calls.  Loops are 'while' loops mirroring the C ones (no overflow at the
-- ends of the integer range).

-- insert: t[pos .. e-1] move up one place, then t[pos] = v
function L.table_insert(t, e, pos, v)
  local i = e
  while i > pos do
    t[i] = t[i - 1]
    i = i - 1
  end
  t[pos] = v
end

-- remove: returns t[pos]; t[pos+1 .. size] move down one place
function L.table_remove(t, size, pos)
  local v = t[pos]
  while pos < size do
    t[pos] = t[pos + 1]
    pos = pos + 1
  end
  t[pos] = nil
  return v
end

-- move a1[f .. e] to a2[t ..]; 'same' when a2 was not given
function L.table_move(a1, f, e, t, a2, same)
  local n = e - f + 1
  if t > e or t <= f or (not same and a1 ~= a2) then
    local i = 0
    while i < n do
      a2[t + i] = a1[f + i]
      i = i + 1
    end
  else
    local i = n - 1
    while i >= 0 do
      a2[t + i] = a1[f + i]
      i = i - 1
    end
  end
  return a2
end

-- concat: the values t[i .. last] and their count (C joins them), or nil,
-- the index and the type of the first value that is not a string or number
function L.table_concat(t, i, last)
  local r, n = {}, 0
  if i > last then return r, 0 end
  while true do
    local v = t[i]
    local ty = type(v)
    if ty ~= "string" and ty ~= "number" then return nil, i, ty end
    n = n + 1
    r[n] = v
    if i >= last then break end
    i = i + 1
  end
  return r, n
end

-- unpack: r[1 ..] = t[i .. e] (C pushes them; r is presized by C)
function L.table_unpack(t, i, e, r)
  local k = 1
  while i < e do
    r[k] = t[i]
    k = k + 1
    i = i + 1
  end
  r[k] = t[e]
  return r
end

-- sort: the quicksort of lib_table.c (same comparisons, same swaps).
-- Returns false for an inconsistent order function (C raises the error).

local function lessthan(a, b) return a < b end

-- Partition t[lo .. up] around P == t[up - 1]; returns P's final index,
-- or nil when the order function is inconsistent.
local function partition(t, lo, up, lt, P)
  local i, j = lo, up - 1
  while true do
    i = i + 1
    local ai = t[i]
    while lt(ai, P) do
      if i == up - 1 then return nil end    -- a[i] < P == a[up - 1]
      i = i + 1
      ai = t[i]
    end
    j = j - 1
    local aj = t[j]
    while lt(P, aj) do
      if j < i then return nil end          -- j < i but a[j] > P
      j = j - 1
      aj = t[j]
    end
    if j < i then
      t[up - 1] = ai
      t[i] = P
      return i
    end
    t[i] = aj
    t[j] = ai
  end
end

local function auxsort(t, lo, up, lt, rnd, randomize)
  while lo < up do
    local a, b = t[lo], t[up]
    if lt(b, a) then
      t[lo] = b
      t[up] = a
    end
    if up - lo == 1 then break end
    local p
    if up - lo < 100 or rnd == 0 then
      p = (lo + up) // 2
    else
      local r4 = (up - lo) // 4
      p = rnd % (r4 * 2) + (lo + r4)
    end
    local ap, alo = t[p], t[lo]
    if lt(ap, alo) then
      t[p] = alo
      t[lo] = ap
    else
      local aup = t[up]
      if lt(aup, ap) then
        t[p] = aup
        t[up] = ap
      end
    end
    if up - lo == 2 then break end
    local P = t[p]
    t[p] = t[up - 1]
    t[up - 1] = P
    p = partition(t, lo, up, lt, P)
    if not p then return false end
    local n
    if p - lo < up - p then
      if not auxsort(t, lo, p - 1, lt, rnd, randomize) then return false end
      n = p - lo
      lo = p + 1
    else
      if not auxsort(t, p + 1, up, lt, rnd, randomize) then return false end
      n = up - p
      up = p - 1
    end
    if (up - lo) // 128 > n then rnd = randomize() end
  end
  return true
end

function L.table_sort(t, n, lt, randomize)
  return auxsort(t, 1, n, lt or lessthan, 0, randomize)
end
