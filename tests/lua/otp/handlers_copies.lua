-- lurel-only
-- Handlers functions copied into another process (closures travel with
-- copies of their upvalues) act on that process's own Handlers, not on a
-- stale copy of the sender's: a copied Handlers.loop, a captured
-- Handlers.add sent in a message, Handlers.evaluate passed as an argument.

local function check(got, want, what)
  assert(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  print("ok - " .. what .. " = " .. tostring(got))
end
local _ = process._
local me = process.self()

-- the parent has handlers of its own; they must not leak into children
Handlers.add("parent-only", function() return true end, function()
  error("the parent's handler ran in a child")
end)

local add = Handlers.add                                   -- captured: a copy travels
-- copies of the parent's functions, called in another process, work on that
-- process's own Handlers
local helper = process.spawn(function(parent, captured_add, captured_eval, captured_list)
  captured_add("mine", "Hi", function(msg) process.send(msg.From, {Action = "HiBack", who = "helper"}) end)
  local names = {}
  for i, h in ipairs(Handlers.list) do names[i] = h.name end
  local taken = captured_eval({Action = "Hi", From = parent})
  process.send(parent, {Action = "HelperDone", names = table.concat(names, ","),
                        taken = taken, same = (captured_list == Handlers.list)})
end, me, add, Handlers.evaluate, Handlers.list)
check(process.receive({Action = "HiBack"}).who, "helper", "captured add + evaluate used the helper's handlers")
local hd = process.receive({Action = "HelperDone"})
check(hd.names, "mine", "the helper's list has only its own handler")
check(hd.taken, true, "captured evaluate dispatched in the helper")
check(hd.same, false, "a copied list is just a copy (the helper's Handlers.list is its own)")

-- a copied Handlers.loop (as in process.spawn(Handlers.loop)) dispatches
-- over the running process's handlers: with a stale copy of the parent's it
-- would run "parent-only" (and crash) instead of answering
local loop = Handlers.loop
local child2, mref2 = process.spawn_monitor(function(parent, copied_add, copied_loop)
  copied_add("ping", "Ping", function(msg) process.send(msg.From, {Action = "Pong", n = #Handlers.list}) end)
  Handlers.add("install", "Install", function(msg) Handlers.add(msg.name, msg.pattern, msg.handle) end)
  process.send(parent, {Action = "Ready"})
  copied_loop()
end, me, add, loop)
process.receive({Action = "Ready"})
process.send(child2, {Action = "Ping", From = me})
check(process.receive({Action = "Pong"}).n, 2, "copied add and copied loop share the child's list")
process.send(child2, {Action = "Install", name = "echo", pattern = "Echo",
                      handle = function(msg) process.send(msg.From, {Action = "Echoed", text = msg.text}) end})
process.send(child2, {Action = "Echo", From = me, text = "hi"})
check(process.receive({Action = "Echoed"}).text, "hi", "a handler added while the copied loop runs is seen")
process.exit(child2, "kill")
check(process.receive({"DOWN", mref2, "process", child2, _})[5], "killed", "second child killed")

-- the parent's own state is untouched by all this
check(#Handlers.list, 1, "parent still has one handler")
check(Handlers.list[1].name, "parent-only", "the parent's handler")

print("handlers_copies: all passed")
