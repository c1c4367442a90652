-- binary_trees.lua: allocate and walk many short-lived binary trees.
-- Stresses: table allocation (small array-like tables), garbage collection,
-- recursion. One long-lived tree stays alive for the whole run.
-- Usage: binary_trees.lua [maxdepth]   (default 14)

local N = tonumber(arg and arg[1]) or 14

local function make(depth)
  if depth == 0 then
    return { false, false }
  end
  depth = depth - 1
  return { make(depth), make(depth) }
end

local function check(tree)
  local left = tree[1]
  if left then
    return 1 + check(left) + check(tree[2])
  end
  return 1
end

local mindepth = 4
local maxdepth = N
if mindepth + 2 > maxdepth then maxdepth = mindepth + 2 end

local stretch = maxdepth + 1
print(string.format("stretch tree of depth %d\t check: %d",
                    stretch, check(make(stretch))))

local longlived = make(maxdepth)

local total = 0
for depth = mindepth, maxdepth, 2 do
  local iterations = 2 ^ (maxdepth - depth + mindepth)
  local sum = 0
  for _ = 1, iterations do
    sum = sum + check(make(depth))
  end
  total = total + sum
  print(string.format("%d\t trees of depth %d\t check: %d",
                      iterations, depth, sum))
end

print(string.format("long lived tree of depth %d\t check: %d",
                    maxdepth, check(longlived)))
print(string.format("total: %d", total))
