-- handlers.lua — Handlers: a process as a list of named message handlers.
--
--   build/lurel docs/examples/handlers.lua
--
-- Instead of writing a receive loop, a process can register handlers: each
-- has a name, a pattern that says which messages it wants, and a function
-- that handles them.  Handlers.loop() then receives messages forever and
-- gives each one to the handlers in order (the style of AO's aos).  Messages
-- are tables with an Action field, by convention.

local me = process.self()

-- A small shop.  Every function below runs inside the shop process.
local function shop()
  local stock = {apple = 3, pear = 1}
  local log = {}

  -- "continue": runs for every message but lets it go on to the others.
  Handlers.add("log", function(msg) return "continue" end, function(msg)
    log[#log + 1] = type(msg) == "table" and tostring(msg.Action) or tostring(msg)
  end)

  -- A string pattern matches msg.Action.
  Handlers.add("stock", "Stock", function(msg)
    process.send(msg.From, {Action = "StockIs", apple = stock.apple, pear = stock.pear})
  end)

  -- A table pattern: each key must be there; "_" accepts any value; a
  -- function value checks the field.
  Handlers.add("buy", {Action = "Buy", Item = "_", Qty = function(q) return math.type(q) == "integer" and q > 0 end},
    function(msg)
      local have = stock[msg.Item] or 0
      if have < msg.Qty then
        process.send(msg.From, {Action = "Refused", Item = msg.Item, Have = have})
      else
        stock[msg.Item] = have - msg.Qty
        process.send(msg.From, {Action = "Sold", Item = msg.Item, Qty = msg.Qty})
      end
    end)

  -- A welcome gift with the first apple: a function pattern that says
  -- "continue" (so "buy" still gets the message), put just before "buy",
  -- and removed after one run (max_runs = 1).
  Handlers.before("buy").add("gift",
    function(msg) return msg.Action == "Buy" and msg.Item == "apple" and "continue" or "skip" end,
    function(msg) process.send(msg.From, {Action = "Gift", Item = "a sticker"}) end,
    1)

  -- Handlers can be added at run time, by a handler.
  Handlers.add("restock", "Restock", function(msg)
    stock[msg.Item] = (stock[msg.Item] or 0) + msg.Qty
    process.send(msg.From, {Action = "Restocked", Item = msg.Item, Now = stock[msg.Item]})
  end)

  -- A report: the handler names in order, what nobody handled, the log.
  Handlers.add("report", "Report", function(msg)
    local names = {}
    for i, h in ipairs(Handlers.list) do names[i] = h.name end
    local unhandled = {}
    for i, m in ipairs(Inbox) do unhandled[i] = type(m) == "table" and tostring(m.Action) or tostring(m) end
    process.send(msg.From, {Action = "ReportIs", handlers = table.concat(names, ","),
                            inbox = table.concat(unhandled, ","), log = table.concat(log, ",")})
  end)

  Handlers.add("close", "Close", function(msg) process.exit("normal") end)

  Handlers.loop()          -- receive and dispatch, forever
end

local s = process.spawn(shop)

-- send a message and wait for the answer with the given Action(s)
local function ask(msg, ...)
  msg.From = me
  process.send(s, msg)
  local answers = {}
  for i, action in ipairs({...}) do answers[i] = process.receive({Action = action}, 5000) end
  return table.unpack(answers)
end

local st = ask({Action = "Stock"}, "StockIs")
print(("stock: %d apples, %d pear"):format(st.apple, st.pear))

local gift, sold = ask({Action = "Buy", Item = "apple", Qty = 2}, "Gift", "Sold")
print("bought " .. sold.Qty .. " " .. sold.Item .. "s and got " .. gift.Item)
sold = ask({Action = "Buy", Item = "apple", Qty = 1}, "Sold")
print("bought " .. sold.Qty .. " more apple (no gift the second time)")
assert(process.receive({Action = "Gift"}, 0) == nil)

local no = ask({Action = "Buy", Item = "pear", Qty = 5}, "Refused")
print("asked for 5 pears: refused, there is only " .. no.Have)

local re = ask({Action = "Restock", Item = "pear", Qty = 10}, "Restocked")
print("restocked pears: now " .. re.Now)

-- Messages no handler takes go to the process's Inbox.
process.send(s, {Action = "Haggle"})
process.send(s, {Action = "Buy", Item = "apple", Qty = -1})   -- Qty fails the check
process.send(s, "just a string")

local rep = ask({Action = "Report"}, "ReportIs")
print("handlers now: " .. rep.handlers)
print("unhandled (in the Inbox): " .. rep.inbox)
print("the log saw: " .. rep.log)
assert(rep.handlers == "log,stock,buy,restock,report,close")       -- "gift" ran once and is gone
assert(rep.inbox == "Haggle,Buy,just a string")
assert(rep.log == "Stock,Buy,Buy,Buy,Restock,Haggle,Buy,just a string,Report")

local ref = process.monitor(s)
process.send(s, {Action = "Close"})
local down = process.receive({"DOWN", ref, "process", s, process._})
print("shop closed: " .. down[5])
