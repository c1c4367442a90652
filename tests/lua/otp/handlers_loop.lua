-- lurel-only
-- Handlers.loop() in spawned processes, driven by messages from other
-- processes; synchronised only by replies and monitors (no sleeping).

local function check(got, want, what)
  assert(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  print("ok - " .. what .. " = " .. tostring(got))
end

local _ = process._
local me = process.self()

-- a server: its handlers answer to msg.From
local function server()
  local count = 0
  Handlers.add("ping", "Ping", function(msg)
    process.send(msg.From, {Action = "Pong", n = msg.n})
  end)
  Handlers.add("count", "Count", function(msg)
    count = count + 1
    process.send(msg.From, {Action = "Counted", count = count})
  end, 2)
  Handlers.add("audit", function() return "continue" end, function(msg)
    count = count + 0  -- runs for every message, takes none
  end)
  Handlers.add("inbox", "Inbox?", function(msg)
    local items = {}
    for i, m in ipairs(Inbox) do items[i] = type(m) == "table" and (m.Action or "?") or tostring(m) end
    process.send(msg.From, {Action = "InboxIs", n = #Inbox, items = table.concat(items, ",")})
  end)
  Handlers.add("list", "List?", function(msg)
    local names = {}
    for i, h in ipairs(Handlers.list) do names[i] = h.name end
    process.send(msg.From, {Action = "ListIs", names = table.concat(names, ",")})
  end)
  -- handlers sent in messages (closures travel with their upvalues)
  Handlers.add("install", "Install", function(msg)
    Handlers.add(msg.name, msg.pattern, msg.handle)
    process.send(msg.From, {Action = "Installed", name = msg.name})
  end)
  Handlers.add("uninstall", "Uninstall", function(msg)
    process.send(msg.From, {Action = "Uninstalled", ok = Handlers.remove(msg.name)})
  end)
  Handlers.add("stop", "Stop", function(msg) process.exit(msg.reason) end)
  Handlers.add("crash", "Crash", function(msg) error("crash in handler " .. msg.what, 0) end)
  Handlers.loop()
  error("loop returned")
end

local function call(pid, msg, reply_action)
  msg.From = me
  process.send(pid, msg)
  return process.receive({Action = reply_action})
end

local srv, mref = process.spawn_monitor(server)

check(call(srv, {Action = "Ping", n = 1}, "Pong").n, 1, "ping answered")
check(call(srv, {Action = "Ping", n = 2}, "Pong").n, 2, "second ping")
check(call(srv, {Action = "Count"}, "Counted").count, 1, "count 1")
check(call(srv, {Action = "Count"}, "Counted").count, 2, "count 2 (max_runs 2 reached)")
check(call(srv, {Action = "List?"}, "ListIs").names, "ping,audit,inbox,list,install,uninstall,stop,crash",
      "count handler gone after max_runs")

-- messages nobody takes go to the server's Inbox (in order)
process.send(srv, {Action = "Count"})
process.send(srv, "just a string")
process.send(srv, {Action = "Unknown"})
process.send(srv, 42)
local ib = call(srv, {Action = "Inbox?"}, "InboxIs")
check(ib.n, 4, "four in the server's Inbox")
check(ib.items, "Count,just a string,Unknown,42", "in order")
check(Inbox, nil, "the driver's Inbox is untouched (never used Handlers)")

-- install a handler by sending it (a closure with an upvalue)
local greeting = "hello"
local r = call(srv, {Action = "Install", name = "greet", pattern = {Action = "Greet", Who = "_"},
                     handle = function(msg) process.send(msg.From, {Action = "Greeting", text = greeting .. " " .. msg.Who}) end},
               "Installed")
check(r.name, "greet", "handler installed by message")
check(call(srv, {Action = "Greet", Who = "bob"}, "Greeting").text, "hello bob", "installed handler works")
check(call(srv, {Action = "List?"}, "ListIs").names, "ping,audit,inbox,list,install,uninstall,stop,crash,greet",
      "installed at the end")
check(call(srv, {Action = "Uninstall", name = "greet"}, "Uninstalled").ok, true, "uninstalled")
check(call(srv, {Action = "Uninstall", name = "greet"}, "Uninstalled").ok, false, "uninstall again: false")
process.send(srv, {Action = "Greet", Who = "eve"})
check(call(srv, {Action = "Inbox?"}, "InboxIs").n, 5, "greet now goes to the Inbox")

-- registered name as destination
process.register("srv", srv)
process.send("srv", {Action = "Ping", n = 3, From = me})
check(process.receive({Action = "Pong"}).n, 3, "by registered name")

-- a handler that exits the process ends the loop with that reason
process.send(srv, {Action = "Stop", reason = "done"})
local down = process.receive({"DOWN", mref, "process", srv, _})
check(down[5], "done", "process.exit in a handler ends the loop with its reason")
check(process.whereis("srv"), nil, "name freed")

-- an error in a handler ends the process (like any uncaught error): a
-- supervisor or monitor sees it
local srv2, mref2 = process.spawn_monitor(server)
check(call(srv2, {Action = "Ping", n = 9}, "Pong").n, 9, "second server up")
process.send(srv2, {Action = "Crash", what = "X"})
local down2 = process.receive({"DOWN", mref2, "process", srv2, _})
check(down2[5], "crash in handler X", "an error in a handler crashes the looping process")

-- a server driven by a third process; the driver reports to us
local srv3, mref3 = process.spawn_monitor(server)
local driver = process.spawn(function(parent, target)
  local pongs = {}
  for i = 1, 50 do
    process.send(target, {Action = "Ping", n = i, From = process.self()})
  end
  for i = 1, 50 do
    local m = process.receive({Action = "Pong"})
    pongs[#pongs + 1] = m.n
  end
  process.send(parent, {Action = "DriverDone", pongs = pongs})
end, me, srv3)
local done = process.receive({Action = "DriverDone"})
local ordered = #done.pongs == 50
for i = 1, 50 do if done.pongs[i] ~= i then ordered = false end end
check(ordered, true, "50 pings from another process answered in order")

-- a looping process that traps exits dispatches EXIT messages to handlers
local srv4, mref4 = process.spawn_monitor(function(parent)
  process.flag("trap_exit", true)
  Handlers.add("exit", {"EXIT", "_", "_"}, function(msg)
    process.send(parent, {Action = "SawExit", reason = msg[3]})
  end)
  Handlers.add("linkto", "LinkTo", function(msg)
    process.link(msg.pid)
    process.send(parent, {Action = "Linked"})
  end)
  Handlers.once("first", "Hello", function(msg) process.send(parent, {Action = "Hi", once = true}) end)
  Handlers.add("hello", "Hello", function(msg) process.send(parent, {Action = "Hi", once = false}) end)
  Handlers.loop()
end, me)
check(call(srv4, {Action = "Hello"}, "Hi").once, true, "once handler answers first")
check(call(srv4, {Action = "Hello"}, "Hi").once, false, "then the ordinary one")
local victim = process.spawn(function() process.receive("die"); error("victim died", 0) end)
call(srv4, {Action = "LinkTo", pid = victim}, "Linked")
process.send(victim, "die")
check(process.receive({Action = "SawExit"}).reason, "victim died", "EXIT dispatched to a handler")

-- kill the remaining servers and wait for them
process.exit(srv3, "kill")
process.exit(srv4, "kill")
check(process.receive({"DOWN", mref3, "process", srv3, _})[5], "killed", "srv3 killed")
check(process.receive({"DOWN", mref4, "process", srv4, _})[5], "killed", "srv4 killed")

print("handlers_loop: all passed")
