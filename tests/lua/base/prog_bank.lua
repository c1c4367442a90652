-- Bank accounts with error objects, transactions rolled back on failure,
-- and an audit log; uses pcall/error with tables, metatables and closures.
local InsufficientFunds = {}
InsufficientFunds.__index = InsufficientFunds
InsufficientFunds.__tostring = function(e) return ("insufficient funds in %s: need %d, have %d"):format(e.account, e.need, e.have) end
local function raise(kind, fields) error(setmetatable(fields, kind)) end

local Bank = {}
Bank.__index = Bank
function Bank.new() return setmetatable({ accounts = {}, log = {} }, Bank) end
function Bank:open(name, initial)
  if self.accounts[name] then error("account exists: " .. name, 2) end
  self.accounts[name] = initial or 0
  self.log[#self.log + 1] = "open " .. name .. " " .. (initial or 0)
end
function Bank:withdraw(name, amount)
  local bal = self.accounts[name] or error("no such account: " .. tostring(name), 2)
  if amount > bal then raise(InsufficientFunds, { account = name, need = amount, have = bal }) end
  self.accounts[name] = bal - amount
end
function Bank:deposit(name, amount)
  if not self.accounts[name] then error("no such account: " .. tostring(name), 2) end
  if math.type(amount) ~= "integer" or amount <= 0 then error("invalid amount: " .. tostring(amount), 2) end
  self.accounts[name] = self.accounts[name] + amount
end
function Bank:transaction(fn)
  local snapshot = {}
  for k, v in pairs(self.accounts) do snapshot[k] = v end
  local ok, err = pcall(fn, self)
  if not ok then
    self.accounts = snapshot
    self.log[#self.log + 1] = "rollback: " .. (type(err) == "table" and tostring(err) or tostring(err):gsub("^.-:%d+: ", ""))
    return false, err
  end
  self.log[#self.log + 1] = "commit"
  return true
end
function Bank:report()
  local names = {}
  for k in pairs(self.accounts) do names[#names + 1] = k end
  table.sort(names)
  local parts = {}
  for i, n in ipairs(names) do parts[i] = n .. "=" .. self.accounts[n] end
  return table.concat(parts, " ")
end

local bank = Bank.new()
bank:open("alice", 100)
bank:open("bob", 50)
bank:open("carol")
print(bank:report())
print(bank:transaction(function(b) b:withdraw("alice", 30); b:deposit("bob", 30) end))
print(bank:report())
local ok, err = bank:transaction(function(b) b:deposit("carol", 500); b:withdraw("bob", 1000) end)
print(ok, getmetatable(err) == InsufficientFunds, tostring(err))
print(bank:report())
ok, err = bank:transaction(function(b) b:withdraw("alice", 10); b:deposit("dave", 10) end)
print(ok, (err:gsub("^.-:%d+: ", "")))
ok, err = bank:transaction(function(b) b:deposit("bob", 2.5) end)
print(ok, (err:gsub("^.-:%d+: ", "")))
print(pcall(bank.open, bank, "alice"))
print(bank:report())
print(table.concat(bank.log, "\n"))
