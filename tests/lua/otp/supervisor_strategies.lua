-- lurel-only
-- The strategies: one_for_one, one_for_all, rest_for_one (simple_one_for_one
-- is in supervisor_dynamic.lua).  Each worker tells us when it starts and
-- terminates, so the order of events is the order of the supervisor's work.
-- (Restart reports on stderr are expected here.)
local P = process
local me = P.self()
P.flag("trap_exit", true)     -- our supervisors are linked to us

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local W = {}
function W.init(id)
  P.flag("trap_exit", true)
  P.send(me, {"started", id, P.self()})
  return "ok", id
end
function W.handle_call(req, from, id) return "reply", id, id end
function W.terminate(reason, id) P.send(me, {"terminated", id, reason}) end

local function spec(id) return {id = id, start = {gen_server.start_link, W, id}} end

local EV = P.any({"started"}, {"terminated"})
local function events(n)
  local ev = {}
  for i = 1, n do
    local m = P.receive(EV, 5000)
    assert(m, "expected " .. n .. " events, got: " .. table.concat(ev, " "))
    ev[i] = m[1] .. ":" .. m[2]
  end
  return table.concat(ev, " ")
end

local function pids(sup)
  local t = {}
  for _, c in ipairs(supervisor.which_children(sup)) do t[c.id] = c.pid end
  return t
end

local function crash(sup, id)
  local pid = pids(sup)[id]
  local m = P.monitor(pid)
  P.exit(pid, "kill")
  P.receive({"DOWN", m})
  return pid
end

local function nomore(sup)
  supervisor.count_children(sup)   -- a call: the supervisor is done with what came before
  return P.receive(EV, 0) == nil
end

local function stop(sup)
  gen_server.stop(sup, "shutdown")
  P.receive({"EXIT", sup})
end

for _, strategy in ipairs({"one_for_one", "one_for_all", "rest_for_one"}) do
  print("-- " .. strategy)
  local sup = supervisor.start_link({strategy = strategy, intensity = 10, period = 5,
    children = {spec("a"), spec("b"), spec("c"), spec("d")}})
  check(strategy .. ": children started in order", events(4) == "started:a started:b started:c started:d")
  local before = pids(sup)
  local old = crash(sup, "b")
  local expected = ({
    one_for_one = "started:b",
    one_for_all = "terminated:d terminated:c terminated:a started:a started:b started:c started:d",
    rest_for_one = "terminated:d terminated:c started:b started:c started:d",
  })[strategy]
  local n = select(2, expected:gsub(":", ""))
  local got = events(n)
  check(strategy .. ": after b dies: " .. expected, got == expected)
  check(strategy .. ": nothing else happened", nomore(sup))
  local after = pids(sup)
  check(strategy .. ": b has a new pid", after.b ~= old and P.alive(after.b))
  if strategy == "one_for_one" then
    check("one_for_one: a, c and d kept their pids", after.a == before.a and after.c == before.c and after.d == before.d)
  elseif strategy == "one_for_all" then
    check("one_for_all: all have new pids", after.a ~= before.a and after.c ~= before.c and after.d ~= before.d)
  else
    check("rest_for_one: a kept its pid, c and d have new ones", after.a == before.a and after.c ~= before.c and after.d ~= before.d)
  end
  -- the siblings were shut down with "shutdown"
  for id, pid in pairs(after) do assert(P.alive(pid), id .. " is alive") end
  -- the last child: same for every strategy (nothing after it)
  crash(sup, "d")
  if strategy == "one_for_all" then
    check(strategy .. ": d dies", events(7) == "terminated:c terminated:b terminated:a started:a started:b started:c started:d")
  else
    check(strategy .. ": d dies -> only d restarts", events(1) == "started:d")
  end
  -- the first child
  crash(sup, "a")
  local e = events(strategy == "one_for_one" and 1 or 7)
  if strategy == "one_for_one" then check(strategy .. ": a dies -> only a", e == "started:a")
  else
    check(strategy .. ": a dies -> all restart (reverse stop, in-order start)",
      e == "terminated:d terminated:c terminated:b started:a started:b started:c started:d")
  end
  check(strategy .. ": nothing else happened", nomore(sup))
  stop(sup)
  check(strategy .. ": shutdown in reverse order", events(4) == "terminated:d terminated:c terminated:b terminated:a")
end

-- a temporary sibling is not restarted by one_for_all / rest_for_one
local sup = supervisor.start_link({strategy = "one_for_all", intensity = 10, children = {
  spec("a"), {id = "t", start = {gen_server.start_link, W, "t"}, restart = "temporary"}, spec("c")}})
events(3)
crash(sup, "a")
check("one_for_all: a temporary sibling is terminated, not restarted",
  events(4) == "terminated:c terminated:t started:a started:c")
local ids = {}
for _, c in ipairs(supervisor.which_children(sup)) do ids[#ids + 1] = c.id end
check("... and is gone from which_children", table.concat(ids, ",") == "a,c")
stop(sup)
events(2)
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all strategies passed")
