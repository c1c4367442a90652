-- A double-ended queue with integer indices that may go negative, plus a
-- ring-buffer queue and a binary-heap priority queue.
local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({ first = 0, last = -1 }, Deque) end
function Deque:push_front(v) self.first = self.first - 1; self[self.first] = v end
function Deque:push_back(v) self.last = self.last + 1; self[self.last] = v end
function Deque:pop_front()
  if self.first > self.last then return nil end
  local v = self[self.first]; self[self.first] = nil; self.first = self.first + 1
  return v
end
function Deque:pop_back()
  if self.first > self.last then return nil end
  local v = self[self.last]; self[self.last] = nil; self.last = self.last - 1
  return v
end
function Deque:size() return self.last - self.first + 1 end
function Deque:items()
  local i = self.first - 1
  return function() i = i + 1; if i <= self.last then return self[i] end end
end

local d = Deque.new()
for i = 1, 5 do d:push_back(i) end
for i = 1, 3 do d:push_front(-i) end
local got = {}
for v in d:items() do got[#got + 1] = v end
print(table.concat(got, " "), d:size())
assert(d:pop_front() == -3 and d:pop_back() == 5 and d:size() == 6)
while d:size() > 0 do d:pop_back() end
assert(d:pop_front() == nil and d:pop_back() == nil)

-- sliding window maximum using the deque
local function window_max(a, k)
  local dq, out = Deque.new(), {}
  for i = 1, #a do
    while dq:size() > 0 and dq[dq.first] <= i - k do dq:pop_front() end
    while dq:size() > 0 and a[dq[dq.last]] <= a[i] do dq:pop_back() end
    dq:push_back(i)
    if i >= k then out[#out + 1] = a[dq[dq.first]] end
  end
  return out
end
local res = window_max({1, 3, -1, -3, 5, 3, 6, 7}, 3)
assert(table.concat(res, ",") == "3,3,5,5,6,7")
print("window max", table.concat(res, ","))

-- ring buffer
local Ring = {}
Ring.__index = Ring
function Ring.new(cap) return setmetatable({ cap = cap, head = 1, n = 0, buf = {} }, Ring) end
function Ring:push(v)
  if self.n == self.cap then error("ring full", 2) end
  self.buf[(self.head + self.n - 1) % self.cap + 1] = v
  self.n = self.n + 1
end
function Ring:pop()
  if self.n == 0 then return nil end
  local v = self.buf[self.head]
  self.buf[self.head] = nil
  self.head = self.head % self.cap + 1
  self.n = self.n - 1
  return v
end
local r = Ring.new(3)
r:push("a"); r:push("b"); r:push("c")
local ok, err = pcall(r.push, r, "d")
print(ok, (err:gsub("^.-:%d+: ", "")))
assert(r:pop() == "a")
r:push("d")
local order = {}
for _ = 1, 4 do order[#order + 1] = tostring(r:pop()) end
print(table.concat(order, " "))

-- binary heap
local Heap = {}
Heap.__index = Heap
function Heap.new(cmp) return setmetatable({ n = 0, cmp = cmp or function(a, b) return a < b end }, Heap) end
function Heap:push(v)
  self.n = self.n + 1
  local i = self.n
  self[i] = v
  while i > 1 do
    local p = i // 2
    if self.cmp(self[i], self[p]) then self[i], self[p] = self[p], self[i]; i = p else break end
  end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local top = self[1]
  self[1] = self[self.n]; self[self.n] = nil; self.n = self.n - 1
  local i = 1
  while true do
    local l, rr, m = 2 * i, 2 * i + 1, i
    if l <= self.n and self.cmp(self[l], self[m]) then m = l end
    if rr <= self.n and self.cmp(self[rr], self[m]) then m = rr end
    if m == i then break end
    self[i], self[m] = self[m], self[i]
    i = m
  end
  return top
end
local h = Heap.new()
local seed = 7
for _ = 1, 50 do seed = (seed * 1103515245 + 12345) % 2147483648; h:push(seed % 1000) end
local prev, sorted = -1, {}
while h.n > 0 do
  local v = h:pop()
  assert(v >= prev)
  prev = v
  sorted[#sorted + 1] = v
end
print(#sorted, table.concat(sorted, " ", 1, 10))
local mh = Heap.new(function(a, b) return a.pri > b.pri end)
mh:push({ pri = 2, name = "two" }); mh:push({ pri = 9, name = "nine" }); mh:push({ pri = 5, name = "five" })
print(mh:pop().name, mh:pop().name, mh:pop().name, mh:pop())
