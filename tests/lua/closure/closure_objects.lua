-- objects whose private state lives in closures
local function Account(owner, balance)
  balance = balance or 0
  local history = {}
  local self = {}
  function self.deposit(v)
    if v <= 0 then error("invalid amount", 2) end
    balance = balance + v
    history[#history + 1] = "+" .. v
    return balance
  end
  function self.withdraw(v)
    if v > balance then return nil, "insufficient funds" end
    balance = balance - v
    history[#history + 1] = "-" .. v
    return balance
  end
  function self.balance() return balance end
  function self.owner() return owner end
  function self.history() return table.concat(history, " ") end
  return self
end
local a = Account("ann", 100)
local b = Account("bob")
a.deposit(50)
b.deposit(10)
print(a.withdraw(500))
print(a.withdraw(30))
assert(a.balance() == 120 and b.balance() == 10)
print(a.owner(), a.balance(), a.history(), b.owner(), b.balance(), b.history())
local ok, err = pcall(a.deposit, -1)
print(ok, err)
-- stack implemented with closures only
local function Stack()
  local items, n = {}, 0
  return {
    push = function(...) for i = 1, select("#", ...) do n = n + 1; items[n] = (select(i, ...)) end return n end,
    pop = function() if n == 0 then return nil end local v = items[n]; items[n] = nil; n = n - 1; return v end,
    peek = function() return items[n] end,
    size = function() return n end,
  }
end
local s = Stack()
s.push(1, 2, 3)
s.push("four")
print(s.size(), s.pop(), s.pop(), s.peek(), s.size())
-- closure counter shared by many instances (class-level state)
local Point
do
  local created = 0
  Point = function(x, y)
    created = created + 1
    local id = created
    return {
      id = function() return id end,
      coords = function() return x, y end,
      move = function(dx, dy) x = x + dx; y = y + dy end,
    }, created
  end
end
local p1 = Point(1, 2)
local p2, total = Point(3, 4)
p1.move(10, 10)
print(p1.id(), p2.id(), total, p1.coords())
print(p2.coords())
