-- LRU cache: hash map + doubly linked list with sentinel nodes
local LRU = {}
LRU.__index = LRU
function LRU.new(cap)
  local head, tail = {}, {}
  head.next, tail.prev = tail, head
  return setmetatable({ cap = cap, size = 0, map = {}, head = head, tail = tail, hits = 0, misses = 0, evicted = {} }, LRU)
end
local function unlink(n) n.prev.next, n.next.prev = n.next, n.prev end
function LRU:_front(n)
  n.next, n.prev = self.head.next, self.head
  self.head.next.prev = n
  self.head.next = n
end
function LRU:get(k)
  local n = self.map[k]
  if not n then self.misses = self.misses + 1 return nil end
  self.hits = self.hits + 1
  unlink(n); self:_front(n)
  return n.value
end
function LRU:put(k, v)
  local n = self.map[k]
  if n then n.value = v; unlink(n); self:_front(n) return end
  if self.size == self.cap then
    local old = self.tail.prev
    unlink(old)
    self.map[old.key] = nil
    self.size = self.size - 1
    self.evicted[#self.evicted + 1] = old.key
  end
  n = { key = k, value = v }
  self.map[k] = n
  self:_front(n)
  self.size = self.size + 1
end
function LRU:keys()
  local out, n = {}, self.head.next
  while n ~= self.tail do out[#out + 1] = tostring(n.key); n = n.next end
  return table.concat(out, " ")
end

local c = LRU.new(3)
c:put("a", 1); c:put("b", 2); c:put("c", 3)
print(c:keys())
assert(c:get("a") == 1)
c:put("d", 4)
print(c:keys(), "evicted:", table.concat(c.evicted, ","))
assert(c:get("b") == nil)
c:put("c", 30)
c:put("e", 5)
print(c:keys(), "evicted:", table.concat(c.evicted, ","))
assert(c:get("c") == 30)
-- workload
local cache = LRU.new(50)
local seed = 1
for i = 1, 5000 do
  seed = (seed * 1103515245 + 12345) % 2147483648
  local k = (seed >> 8) % 120
  if not cache:get(k) then cache:put(k, k * k) end
end
print("hits", cache.hits, "misses", cache.misses, "size", cache.size, "evictions", #cache.evicted)
assert(cache.size == 50 and cache.hits + cache.misses == 5000)
-- consistency check of the list
local cnt, n = 0, cache.head.next
while n ~= cache.tail do cnt = cnt + 1; assert(cache.map[n.key] == n); n = n.next end
assert(cnt == 50)
