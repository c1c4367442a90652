-- lurel-only
-- Blocking inside anything: receive and sleep from coroutines, pcall,
-- metamethods, callbacks of C functions; the process suspends and resumes
-- there
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- a helper that sends what it is asked to, after we are blocked
local helper = P.spawn(function()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    P.yield()
    P.send(m.to, m.msg)
  end
end)
local function later(msg) P.send(helper, {to = me, msg = msg}) end

-- inside a coroutine
local co = coroutine.wrap(function(a)
  later("for-co")
  local m = P.receive("for-co")
  local b = coroutine.yield(m .. a)
  later({"second", b})
  local m2 = P.receive({"second"})
  return m2[2] * 2
end)
ok(co("!") == "for-co!", "receive inside a coroutine, then yield its result")
ok(co(21) == 42, "a second receive inside the resumed coroutine")

-- a coroutine-based message generator
local gen = coroutine.wrap(function()
  while true do coroutine.yield(P.receive({"item"})) end
end)
for i = 1, 5 do P.send(me, {"item", i}) end
local s = 0
for i = 1, 5 do s = s + gen()[2] end
ok(s == 15, "a generator that receives inside a coroutine")

-- nested coroutines
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function()
    later("deep")
    return P.receive("deep")
  end)
  return "outer got " .. inner()
end)
ok(outer() == "outer got deep", "receive in a coroutine inside a coroutine")

-- inside pcall, and an error after the receive is caught
local okc, v = pcall(function()
  later("in-pcall")
  local m = P.receive("in-pcall")
  error(m .. "-error", 0)
end)
ok(not okc and v == "in-pcall-error", "receive inside pcall, then an error caught by it")

-- a timeout inside xpcall
local okx, r = xpcall(function() return P.receive("never", 20) end, debug.traceback)
ok(okx and r == nil, "a receive timeout inside xpcall")

-- inside metamethods
local lazy = setmetatable({}, {__index = function(t, k)
  later({"value", k})
  local m = P.receive({"value", k})
  return m[2] .. "!"
end})
ok(lazy.abc == "abc!", "receive inside __index")
local adder = setmetatable({}, {__add = function(a, b)
  later({"sum", b})
  return P.receive({"sum"})[2] + 1
end})
ok(adder + 41 == 42, "receive inside __add")
local cmp = setmetatable({}, {__lt = function(a, b)
  P.sleep(1)
  return true
end})
ok(cmp < cmp, "sleep inside __lt")
local called = setmetatable({}, {__call = function(self, x)
  later({"call", x})
  return P.receive({"call"})[2]
end})
ok(called("ring") == "ring", "receive inside __call")

-- inside callbacks of C functions
local t = {3, 1, 2}
table.sort(t, function(a, b)
  P.send(me, "tick")
  P.receive("tick")
  return a < b
end)
ok(t[1] == 1 and t[2] == 2 and t[3] == 3, "receive inside a table.sort comparator")
local out = string.gsub("abc", "%w", function(c)
  later({"up", c:upper()})
  return P.receive({"up"})[2]
end)
ok(out == "ABC", "receive inside a gsub callback")
local str = tostring(setmetatable({}, {__tostring = function()
  later("tostr")
  return P.receive("tostr")
end}))
ok(str == "tostr", "receive inside __tostring")

-- inside a __close handler
local closed_with
do
  local x <close> = setmetatable({}, {__close = function()
    later("closing")
    closed_with = P.receive("closing")
  end})
end
ok(closed_with == "closing", "receive inside __close")

-- sleep inside a coroutine inside pcall
local t0 = P.monotonic()
local okc2 = pcall(coroutine.wrap(function() P.sleep(30) end))
ok(okc2 and P.monotonic() - t0 >= 29, "sleep inside a coroutine inside pcall")

-- an exit signal reaches a process blocked in a receive inside a coroutine
local blocked, bref = P.spawn_monitor(function(parent)
  coroutine.wrap(function()
    pcall(function()
      P.send(parent, "blocked")
      P.receive("never")
    end)
  end)()
end, me)
P.receive("blocked")
P.exit(blocked, "wake-up-dead")
ok(P.receive({"DOWN", bref})[5] == "wake-up-dead", "an exit signal ends a process blocked inside coroutine+pcall")

-- a trapping process blocked in a coroutine gets the EXIT message there
local trapper = P.spawn(function(parent)
  P.flag("trap_exit", true)
  local m = coroutine.wrap(function()
    P.send(parent, "trapping")
    return P.receive({"EXIT"})
  end)()
  P.send(parent, {"trapped", m[3]})
end, me)
P.receive("trapping")
P.exit(trapper, "as-message")
ok(P.receive({"trapped"})[2] == "as-message", "EXIT received inside a coroutine")

-- a coroutine that receives is closed with coroutine.close while suspended
local c2 = coroutine.create(function()
  coroutine.yield(P.receive({"c2"}))
  P.receive({"c2-never"})
end)
P.send(me, {"c2", 1})
local _, got = coroutine.resume(c2)
ok(got[2] == 1 and coroutine.close(c2), "a receiving coroutine can be closed between receives")

-- spawn, link and monitor from inside a coroutine
local cpid, cref = coroutine.wrap(function()
  assert(P.self() == me, "self() inside a coroutine is the process's pid")
  return P.spawn_monitor(function(parent) P.send(parent, "spawned-in-co") end, me)
end)()
ok(P.receive("spawned-in-co") == "spawned-in-co" and P.receive({"DOWN", cref})[5] == "normal",
   "spawn_monitor from inside a coroutine")
local args = {}
for i = 1, 100 do args[i] = i end
P.spawn(function(parent)
  local co = coroutine.create(function(...)
    P.spawn(function(parent, ...) P.send(parent, {"co-args", select("#", ...)}) end, parent, ...)
  end)
  coroutine.resume(co, table.unpack(args))
end, me)
ok(P.receive({"co-args"})[2] == 100, "spawn with 100 arguments from a coroutine in a child")

P.send(helper, "stop")
print("receive_contexts: all done")
