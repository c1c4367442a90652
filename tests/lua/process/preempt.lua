-- lurel-only
-- Preemption: a process spinning in any kind of loop (pure loops, tail
-- calls, inside table.sort, gsub, metamethods, coroutines, pcall, ...) does
-- not stop the others, and an exit signal reaches it
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- a third process that answers pings
local ponger = P.spawn(function()
  while true do
    local m = P.receive()
    if m == "stop" then return end
    P.send(m, "pong")
  end
end)

local spinners = {
  {"while true do end", function() while true do end end},
  {"repeat until false", function() repeat until false end},
  {"numeric for with a huge count", function() for i = 1, math.maxinteger do end end},
  {"generic for over an endless iterator", function() for _ in function() return 1 end do end end},
  {"goto loop", function() ::top:: goto top end},
  {"tail-recursive loop", function() local function f(n) return f(n + 1) end return f(0) end},
  {"mutual tail recursion", function()
    local g
    local function f(n) return g(n + 1) end
    g = function(n) return f(n + 1) end
    return f(0)
  end},
  {"table.sort comparator that never returns", function()
    table.sort({5, 4, 3, 2, 1}, function(a, b) while true do end end)
  end},
  {"table.sort with a __lt that never returns", function()
    local mt = {__lt = function(a, b) while true do end end}
    local t = {}
    for i = 1, 10 do t[i] = setmetatable({}, mt) end
    table.sort(t)
  end},
  {"gsub callback that never returns", function()
    string.gsub("abc", "%w", function(c) while true do end end)
  end},
  {"__index that never returns", function()
    local t = setmetatable({}, {__index = function() while true do end end})
    return t.x
  end},
  {"__add that never returns", function()
    local t = setmetatable({}, {__add = function() while true do end end})
    return t + 1
  end},
  {"__tostring that never returns", function()
    return tostring(setmetatable({}, {__tostring = function() while true do end end}))
  end},
  {"__eq that never returns", function()
    local mt = {__eq = function() while true do end end}
    return setmetatable({}, mt) == setmetatable({}, mt)
  end},
  {"__close that never returns", function()
    do local x <close> = setmetatable({}, {__close = function() while true do end end}) end
  end},
  {"loop inside pcall", function() pcall(function() while true do end end) end},
  {"loop inside an xpcall handler", function()
    xpcall(error, function() while true do end end)
  end},
  {"loop inside a coroutine", function()
    coroutine.resume(coroutine.create(function() while true do end end))
  end},
  {"loop inside coroutine.wrap", function()
    coroutine.wrap(function() while true do end end)()
  end},
  {"loop in a generator that yields", function()
    local gen = coroutine.wrap(function() while true do coroutine.yield(1) end end)
    while true do gen() end
  end},
  {"load with a reader that never ends", function()
    load(function() while true do end end)
  end},
  {"string.rep + concat loop", function()
    local s = "x"
    while true do s = string.rep("a", 1000) .. #s end
  end},
  {"loop allocating tables", function()
    while true do local t = {1, 2, 3} end
  end},
  {"select('#') call loop", function() while true do select("#", 1, 2, 3) end end},
}

for _, case in ipairs(spinners) do
  local name, body = case[1], case[2]
  local pid, ref = P.spawn_monitor(body)
  P.yield()                      -- let it start spinning
  -- a third process still answers us
  P.send(ponger, me)
  assert(P.receive("pong") == "pong")
  -- and the spinner is still there, spinning
  assert(P.alive(pid), name .. " should still be running")
  P.exit(pid, "kill")
  local d = P.receive({"DOWN", ref})
  assert(d[5] == "killed", name .. ": " .. tostring(d[5]))
  print("ok: preempted and killed: " .. name)
end

-- an ordinary exit signal (not kill) also reaches a spinning process
local s2, r2 = P.spawn_monitor(function() while true do end end)
P.yield()
P.exit(s2, "please-stop")
ok(P.receive({"DOWN", r2})[5] == "please-stop", "an ordinary exit signal reaches a busy loop")

-- a link exit reaches a spinning non-trapping process
local s3, r3 = P.spawn_monitor(function(parent)
  P.spawn_link(function() P.receive() error("linked-death", 0) end)
  P.send(parent, "spinning")
  while true do end
end, me)
P.receive("spinning")
for _, pid in ipairs(P.list()) do
  if pid ~= me and pid ~= ponger and pid ~= s3 then P.send(pid, "die") end
end
ok(P.receive({"DOWN", r3})[5] == "linked-death", "a link exit reaches a spinning process")

-- two spinners share the scheduler: both make progress
local a = P.spawn(function() while true do end end)
local b = P.spawn(function() local function f() return f() end f() end)
local function reds(pid) return P.info(pid).reductions end
local a0, b0 = reds(a), reds(b)
for i = 1, 20 do
  P.send(ponger, me)
  P.receive("pong")
end
ok(reds(a) > a0 and reds(b) > b0, "two spinners both make progress")
P.exit(a, "kill")
P.exit(b, "kill")

-- many spinners and still answers
local many = {}
for i = 1, 50 do many[i] = P.spawn(function() while true do end end) end
P.send(ponger, me)
ok(P.receive("pong") == "pong", "50 spinners do not starve the others")
for i = 1, 50 do P.exit(many[i], "kill") end

-- a long sort with a slow (but finishing) comparator lets others run and
-- gives the right result
local sorter = P.spawn(function(parent)
  local t = {}
  for i = 1, 2000 do t[i] = (i * 7919) % 2000 end
  table.sort(t, function(x, y)
    for k = 1, 50 do end
    return x < y
  end)
  local sorted = true
  for i = 2, #t do if t[i - 1] > t[i] then sorted = false end end
  P.send(parent, {"sorted", sorted})
end, me)
P.send(ponger, me)
ok(P.receive("pong") == "pong", "others answer during a long sort")
ok(P.receive({"sorted"})[2] == true, "the preempted sort is still correct")

-- a process in a deep (non-tail) recursion is preempted and can be killed
local deep, dref = P.spawn_monitor(function()
  local function f(n) if n > 150000 then while true do end end return 1 + f(n + 1) end
  return f(0)
end)
P.yield()
P.send(ponger, me)
ok(P.receive("pong") == "pong", "others run during a deep recursion")
P.exit(deep, "kill")
ok(P.receive({"DOWN", dref})[5] == "killed", "a process deep in recursion is killed")

P.send(ponger, "stop")
print("preempt: all done")
