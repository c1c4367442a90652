-- lurel-only
-- Many processes: 10000 spawns, a ring of 1000, 1000 monitors and links,
-- and process ends releasing what they held
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()
local base = #P.list()

-- 10000 processes each reply once
local N = 10000
for i = 1, N do P.spawn(function(parent, i) P.send(parent, i) end, me, i) end
local s = 0
for i = 1, N do s = s + P.receive() end
ok(s == N * (N + 1) // 2, N .. " spawned processes all replied")

-- a ring of 1000 processes passes a counter round 5 times
local M, ROUNDS = 1000, 5
local function node(nextpid)
  while true do
    local m = P.receive()
    if m == "stop" then P.send(nextpid, "stop") return end
    if type(m) == "table" then nextpid = m.next
    else P.send(nextpid, m + 1) end
  end
end
local first = P.spawn(node)
local prev = first
for i = 2, M do prev = P.spawn(node, prev) end
P.send(first, {next = me})
local v = 0
for r = 1, ROUNDS do
  P.send(prev, v)
  v = P.receive()
end
ok(v == M * ROUNDS, "a ring of " .. M .. " processes, " .. ROUNDS .. " rounds: " .. v)
P.send(prev, "stop")
P.receive("stop")

-- 1000 monitored and 1000 linked processes end; every DOWN and EXIT arrives
P.flag("trap_exit", true)
local refs, links = {}, {}
for i = 1, 1000 do
  local p, r = P.spawn_monitor(function(i) P.receive() P.exit(i) end, i)
  refs[r] = i
  links[i] = P.spawn_link(function(i) P.receive() error(i, 0) end, i)
  P.send(p, "go")
  P.send(links[i], "go")
end
local downs, exits = 0, 0
for k = 1, 2000 do
  local m = P.receive()
  if m[1] == "DOWN" and refs[m[2]] == m[5] then downs = downs + 1
  elseif m[1] == "EXIT" and links[m[3]] == m[2] then exits = exits + 1 end
end
ok(downs == 1000 and exits == 1000, "1000 DOWNs and 1000 EXITs with the right reasons")
P.flag("trap_exit", false)
ok(#P.info(me).links == 0 and #P.info(me).monitors == 0, "no links or monitors left")

-- one process monitored by 1000 watchers
local target = P.spawn(function() P.receive() end)
for i = 1, 1000 do
  P.spawn(function(parent, t)
    local r = P.monitor(t)
    P.send(parent, "watching")
    P.send(parent, {"seen", P.receive({"DOWN", r})[5]})
  end, me, target)
end
for i = 1, 1000 do P.receive("watching") end
P.exit(target, "bye-all")
local seen = 0
for i = 1, 1000 do if P.receive({"seen"})[2] == "bye-all" then seen = seen + 1 end end
ok(seen == 1000, "1000 watchers of one process all saw its DOWN")

-- a crash by stack overflow is one more crash: the VM lives on
local so, sr = P.spawn_monitor(function() local function f() return 1 + f() end return f() end)
local d = P.receive({"DOWN", sr})
ok(type(d[5]) == "string" and d[5]:find("stack overflow"), "a stack overflow ends only that process")

-- files opened by a process are closed when it ends, however it ends
for _, how in ipairs({"normal", "error", "exit", "kill"}) do
  local name = os.tmpname()
  local p, r = P.spawn_monitor(function(parent, name, how)
    local f = assert(io.open(name, "w"))
    f:write("data-" .. how)          -- buffered, not flushed
    if how == "error" then error("x") end
    if how == "exit" then P.exit("x") end
    if how == "kill" then P.send(parent, "written") P.receive() end
  end, me, name, how)
  if how == "kill" then P.receive("written") P.exit(p, "kill") end
  P.receive({"DOWN", r})
  local f = io.open(name)
  local content = f:read("a")
  f:close()
  os.remove(name)
  ok(content == "data-" .. how, "a file written by a process is flushed and closed when it ends (" .. how .. ")")
end

-- all gone: the process count is back where it was
ok(#P.list() == base, "every process has ended (" .. #P.list() .. " left, " .. base .. " at the start)")

print("scale: all done")
