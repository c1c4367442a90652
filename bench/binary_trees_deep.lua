-- binary_trees_deep.lua: binary-trees at a larger depth, GC-heavy.
-- Stresses: allocating and freeing millions of small tables with string
-- keys (hash part), deep recursion, a large long-lived tree, and a ring of
-- recently built trees that survive a few rounds (objects of middle age),
-- so the collector keeps tracing a big live heap while garbage pours in.
-- Usage: binary_trees_deep.lua [maxdepth]   (default 15)

local N = tonumber(arg and arg[1]) or 15

local function make(depth, item)
  if depth == 0 then
    return { item = item }
  end
  depth = depth - 1
  return { item = item, left = make(depth, 2 * item - 1), right = make(depth, 2 * item) }
end

local function check(tree)
  local left = tree.left
  if left then
    return tree.item + check(left) - check(tree.right)
  end
  return tree.item
end

local function count(tree)
  if tree.left then return 1 + count(tree.left) + count(tree.right) end
  return 1
end

local mindepth = 4
local maxdepth = N
if mindepth + 2 > maxdepth then maxdepth = mindepth + 2 end

local stretch = maxdepth + 1
local st = make(stretch, 0)
print(string.format("stretch tree of depth %d\t check: %d\t nodes: %d",
                    stretch, check(st), count(st)))
st = nil

local longlived = make(maxdepth, 0)

-- a ring of recent trees: each lives for RING more constructions
local RING = 8
local ring, slot = {}, 0
local total = 0
for depth = mindepth, maxdepth, 2 do
  local iterations = 2 ^ (maxdepth - depth + mindepth - 1)
  local sum, nodes = 0, 0
  for i = 1, iterations do
    local a = make(depth, i)
    local b = make(depth, -i)
    sum = sum + check(a) + check(b)
    slot = slot % RING + 1
    ring[slot] = a
    nodes = nodes + count(ring[(slot % RING) + 1] or a)
  end
  total = total + sum + nodes
  print(string.format("%d\t trees of depth %d\t check: %d\t ring nodes: %d",
                      iterations * 2, depth, sum, nodes))
end

print(string.format("long lived tree of depth %d\t check: %d\t nodes: %d",
                    maxdepth, check(longlived), count(longlived)))
print(string.format("total: %d", total))
