-- bank_account.lua — state in a receive loop, and request/reply with refs.
--
--   build/lurel docs/examples/bank_account.lua
--
-- A process keeps its state in the arguments of its loop: each message may
-- produce a new state, and the loop calls itself with it (a tail call, so it
-- can run forever).  No variable is shared with other processes: the only way
-- to read or change the balance is to send the account a message.

local _ = process._

local function account(balance)
  local msg = process.receive()
  local op = msg[1]
  if op == "deposit" then                        -- {"deposit", amount}: no reply
    return account(balance + msg[2])
  elseif op == "withdraw" then                   -- {"withdraw", amount, from, ref}
    local amount, from, ref = msg[2], msg[3], msg[4]
    if amount > balance then
      process.send(from, {ref, "error", "insufficient funds"})
      return account(balance)
    end
    process.send(from, {ref, "ok", balance - amount})
    return account(balance - amount)
  elseif op == "balance" then                    -- {"balance", from, ref}
    process.send(msg[2], {msg[3], "ok", balance})
    return account(balance)
  elseif op == "close" then                      -- {"close"}: the loop ends,
    return                                      -- and so does the process
  end
  return account(balance)                        -- ignore anything else
end

-- A request with a reply.  make_ref() gives a value unique in the whole
-- runtime; the reply carries it back, so receive({ref, ...}) can only take
-- the answer to THIS request, whatever else is in the mailbox.  A monitor
-- (see links_monitors.lua) turns "the account died" into a message, so the
-- caller never waits forever.
local function call(pid, ...)
  local ref = process.make_ref()
  local mon = process.monitor(pid)
  local request = table.pack(...)
  request[request.n + 1] = process.self()
  request[request.n + 2] = ref
  process.send(pid, request)
  local reply = process.receive(process.any({ref, _}, {"DOWN", mon, _, _, _}))
  process.demonitor(mon, true)    -- true: also drop a DOWN that may be queued
  if reply[1] == "DOWN" then error("account is gone: " .. tostring(reply[5]), 0) end
  return reply[2], reply[3]
end

local acc = process.spawn(account, 100)

process.send(acc, {"deposit", 50})                -- fire and forget
print("balance:", call(acc, "balance"))           --> ok 150
assert(select(2, call(acc, "balance")) == 150)

print("withdraw 30:", call(acc, "withdraw", 30))  --> ok 120
print("withdraw 500:", call(acc, "withdraw", 500)) --> error insufficient funds
local status, why = call(acc, "withdraw", 500)
assert(status == "error" and why == "insufficient funds")

-- Messages from one process to another arrive in the order they were sent,
-- so the deposits are all counted before the balance request is answered.
for _ = 1, 10 do process.send(acc, {"deposit", 1}) end
local _status, b = call(acc, "balance")   -- (not `local _, b`: that would hide the wildcard)
print("after ten deposits of 1:", b)
assert(b == 130)

-- Close it, then show that call fails cleanly instead of hanging.
local mon = process.monitor(acc)
process.send(acc, {"close"})
local down = process.receive({"DOWN", mon, "process", acc, _})
print("account closed, reason: " .. down[5])      --> normal
assert(down[5] == "normal")
local ok, err = pcall(call, acc, "balance")
print("call after close:", ok, err)
assert(not ok and err:find("noproc"))
