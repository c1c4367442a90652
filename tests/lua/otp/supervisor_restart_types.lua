-- lurel-only
-- Restart types: permanent (always restarted), transient (restarted unless
-- it ends with "normal", "shutdown" or {"shutdown", ...}), temporary (never
-- restarted; its spec is removed).  The children are plain processes made
-- with process.spawn_link that exit with the reason we send them.
local P = process
local me = P.self()
P.flag("trap_exit", true)

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

-- start function: a plain linked process that exits with the reason it is sent
local function child(id)
  return P.spawn_link(function()
    P.send(me, {"started", id, P.self()})
    local m = P.receive({"die"})
    if m[2] == "return" then return end     -- returning: reason "normal"
    P.exit(m[2])
  end)
end

local reasons = {
  {"normal (returned)", "return"},      -- the function returns
  {"normal (exit)", "normal"},          -- process.exit("normal")
  {"shutdown", "shutdown"},
  {"{shutdown, x}", {"shutdown", "x"}},
  {"boom", "boom"},
  {"an error table", {"error", 1}},
}
local restarted = {
  permanent = {true, true, true, true, true, true},
  transient = {false, false, false, false, true, true},
  temporary = {false, false, false, false, false, false},
}

for _, rtype in ipairs({"permanent", "transient", "temporary"}) do
  local sup = supervisor.start_link({intensity = 100, period = 5, children = {}})
  for i, r in ipairs(reasons) do
    local id = rtype .. i
    local pid = supervisor.start_child(sup, {id = id, start = {child, id}, restart = rtype})
    P.receive({"started", id})
    local m = P.monitor(pid)
    P.send(pid, {"die", r[2]})
    P.receive({"DOWN", m})
    -- the supervisor had the EXIT before this call (signal order)
    local entry
    for _, c in ipairs(supervisor.which_children(sup)) do if c.id == id then entry = c end end
    local again = P.receive({"started", id}, 0)
    if restarted[rtype][i] then
      check(rtype .. " child ending with " .. r[1] .. " is restarted",
        again and entry and entry.pid == again[3] and entry.pid ~= pid)
    elseif rtype == "temporary" then
      check(rtype .. " child ending with " .. r[1] .. " is not restarted and its spec is gone",
        again == nil and entry == nil)
    else
      check(rtype .. " child ending with " .. r[1] .. " is not restarted; its spec stays (pid nil)",
        again == nil and entry and entry.pid == nil)
    end
  end
  local c = supervisor.count_children(sup)
  if rtype == "permanent" then check("permanent: 6 specs, 6 active", c.specs == 6 and c.active == 6)
  elseif rtype == "transient" then check("transient: 6 specs, 2 active", c.specs == 6 and c.active == 2)
  else check("temporary: no specs left", c.specs == 0 and c.active == 0) end
  gen_server.stop(sup, "shutdown")
  P.receive({"EXIT", sup})
end

-- a transient child that is not running can be restarted by hand
local sup = supervisor.start_link({children = {{id = "t", start = {child, "t"}, restart = "transient"}}})
local pid = P.receive({"started", "t"})[3]
local m = P.monitor(pid)
P.send(pid, {"die", "normal"})
P.receive({"DOWN", m})
local np = supervisor.restart_child(sup, "t")
check("restart_child starts a stopped transient child", P.is_pid(np) and P.receive({"started", "t"})[3] == np)
gen_server.stop(sup, "shutdown")
P.receive({"EXIT", sup})
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all restart types passed")
