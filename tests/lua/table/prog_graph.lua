-- Graph algorithms on adjacency tables: BFS, DFS, topological sort,
-- Dijkstra with a simple binary heap, connected components.
local edges = {
  { "a", "b", 4 }, { "a", "c", 2 }, { "b", "c", 5 }, { "b", "d", 10 }, { "c", "e", 3 },
  { "e", "d", 4 }, { "d", "f", 11 }, { "e", "f", 20 }, { "g", "h", 1 },
}
local G = {}
local function addnode(n) G[n] = G[n] or {} end
for _, e in ipairs(edges) do
  addnode(e[1]); addnode(e[2])
  table.insert(G[e[1]], { to = e[2], w = e[3] })
  table.insert(G[e[2]], { to = e[1], w = e[3] })
end
local function sorted_nodes() local t = {} for k in pairs(G) do t[#t + 1] = k end table.sort(t) return t end
for _, n in ipairs(sorted_nodes()) do table.sort(G[n], function(x, y) return x.to < y.to end) end

local function bfs(start)
  local order, dist, q, head = {}, { [start] = 0 }, { start }, 1
  while head <= #q do
    local n = q[head]; head = head + 1
    order[#order + 1] = n .. dist[n]
    for _, e in ipairs(G[n]) do
      if dist[e.to] == nil then dist[e.to] = dist[n] + 1; q[#q + 1] = e.to end
    end
  end
  return table.concat(order, " ")
end
print("bfs", bfs("a"))

local function dfs(start)
  local seen, order = {}, {}
  local function visit(n)
    seen[n] = true
    order[#order + 1] = n
    for _, e in ipairs(G[n]) do if not seen[e.to] then visit(e.to) end end
  end
  visit(start)
  return table.concat(order, " ")
end
print("dfs", dfs("a"))

local function dijkstra(src)
  local dist, heap = { [src] = 0 }, { { 0, src } }
  local function push(item)
    heap[#heap + 1] = item
    local i = #heap
    while i > 1 and heap[i // 2][1] > heap[i][1] do heap[i], heap[i // 2] = heap[i // 2], heap[i]; i = i // 2 end
  end
  local function pop()
    local top = heap[1]
    heap[1] = heap[#heap]; heap[#heap] = nil
    local i = 1
    while true do
      local l, r, m = 2 * i, 2 * i + 1, i
      if heap[l] and heap[l][1] < heap[m][1] then m = l end
      if heap[r] and heap[r][1] < heap[m][1] then m = r end
      if m == i then break end
      heap[i], heap[m] = heap[m], heap[i]; i = m
    end
    return top
  end
  while #heap > 0 do
    local d, n = table.unpack(pop())
    if d <= dist[n] then
      for _, e in ipairs(G[n]) do
        local nd = d + e.w
        if dist[e.to] == nil or nd < dist[e.to] then dist[e.to] = nd; push({ nd, e.to }) end
      end
    end
  end
  local out = {}
  for _, n in ipairs(sorted_nodes()) do out[#out + 1] = n .. "=" .. tostring(dist[n]) end
  return table.concat(out, " ")
end
print("dijkstra", dijkstra("a"))

local function components()
  local comp, seen = {}, {}
  for _, n in ipairs(sorted_nodes()) do
    if not seen[n] then
      local members, stack = {}, { n }
      seen[n] = true
      while #stack > 0 do
        local x = table.remove(stack)
        members[#members + 1] = x
        for _, e in ipairs(G[x]) do if not seen[e.to] then seen[e.to] = true; stack[#stack + 1] = e.to end end
      end
      table.sort(members)
      comp[#comp + 1] = "{" .. table.concat(members, ",") .. "}"
    end
  end
  return table.concat(comp, " ")
end
print("components", components())

-- topological sort (Kahn) of a DAG with deterministic tie-breaking
local deps = { shirt = { "tie", "belt" }, tie = { "jacket" }, pants = { "shoes", "belt" }, belt = { "jacket" }, socks = { "shoes" }, undershorts = { "pants", "shoes" }, watch = {}, shoes = {}, jacket = {} }
local indeg = {}
for n in pairs(deps) do indeg[n] = indeg[n] or 0 for _, m in ipairs(deps[n]) do indeg[m] = (indeg[m] or 0) + 1 end end
local ready = {}
for n, d in pairs(indeg) do if d == 0 then ready[#ready + 1] = n end end
local order = {}
while #ready > 0 do
  table.sort(ready, function(x, y) return x > y end)
  local n = table.remove(ready)
  order[#order + 1] = n
  for _, m in ipairs(deps[n]) do indeg[m] = indeg[m] - 1; if indeg[m] == 0 then ready[#ready + 1] = m end end
end
print("topo", table.concat(order, " "))
assert(#order == 9)
