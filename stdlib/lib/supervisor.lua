-- supervisor.lua — supervisors (api.md, "supervisor"), after OTP's: a
-- gen_server that traps exits, starts its children in order, restarts them
-- by its strategy when they end, gives up (terminating its children and
-- exiting with "shutdown") when restarts exceed `intensity` in `period`
-- seconds, and terminates its children in reverse start order when it ends.
--
-- The API goes through gen_server calls, so it works from any process.
-- Results: a pid, true or a table, or nil and a reason, as in OTP's
-- {ok, Pid} / ok / {error, Reason}:
--   start_child     pid | nil, reason ({"already_started", pid},
--                   "already_present", the child's start error) | nil, "ignore"
--   terminate_child true | nil, "not_found"
--   restart_child   pid | nil, "running" | "not_found" | reason
--   delete_child    true | nil, "running" | "not_found"
--   which_children  {{id =, pid =, type =}, ...} in start order (pid nil when
--                   the child is not running); dynamic children have no id
--   count_children  {specs =, active =, supervisors =, workers =}
--   get_childspec   the child's spec | nil, "not_found"
--
-- Child spec: {id =, start = {fn, args...} (or fn), restart = "permanent" |
-- "transient" | "temporary", shutdown = ms | "brutal_kill" | "infinity",
-- type = "worker" | "supervisor"}.  fn returns the child's pid (linked to
-- the caller: the supervisor links it too), or nil and a reason, or
-- "ignore".  For simple_one_for_one the one child spec is a template and
-- start_child(sup, args) calls fn(template args..., args...).
--
-- This chunk runs once per process (it only defines things).

local P = process
local M = {}

local type, tostring, pcall, xpcall, error, select = type, tostring, pcall, xpcall, error, select
local unpack = table.unpack
local receive, self = P.receive, P.self

local STRATEGIES = {one_for_one = true, one_for_all = true, rest_for_one = true, simple_one_for_one = true}
local RESTARTS = {permanent = true, transient = true, temporary = true}
local TYPES = {worker = true, supervisor = true}

-- ------------------------------------------------------------ reports

local function gs() return gen_server end

local function fmt(v)
  if type(v) == "string" then return v end
  return gs()._format(v)
end

local function supname(S)
  local me = tostring(self())
  if S.name then return me .. " ('" .. S.name .. "')" end
  return me
end

local function childname(ch)
  if ch.id ~= nil then return "'" .. tostring(ch.id) .. "'" end
  return "(dynamic)"
end

local function report(S, text)
  gs()._report("=SUPERVISOR REPORT==== supervisor " .. supname(S) .. ": " .. text)
end

-- ------------------------------------------------------------ child specs

local function speccheck(spec, dynamic)
  if type(spec) ~= "table" then return nil, "child spec must be a table" end
  local ch = {id = spec.id}
  if ch.id == nil and not dynamic then return nil, "child spec without id" end
  local st = spec.start
  if type(st) == "function" then st = {st} end
  if type(st) ~= "table" or type(st[1]) ~= "function" then
    return nil, "child " .. tostring(ch.id) .. ": start must be {function, args...}"
  end
  ch.start = st
  ch.nstart = st.n or #st
  ch.restart = spec.restart or "permanent"
  if not RESTARTS[ch.restart] then
    return nil, "child " .. tostring(ch.id) .. ": bad restart type " .. tostring(ch.restart)
  end
  ch.type = spec.type or "worker"
  if not TYPES[ch.type] then
    return nil, "child " .. tostring(ch.id) .. ": bad type " .. tostring(ch.type)
  end
  local sh = spec.shutdown
  if sh == nil then sh = ch.type == "supervisor" and "infinity" or 5000 end
  if not (sh == "brutal_kill" or sh == "infinity" or (type(sh) == "number" and sh >= 0)) then
    return nil, "child " .. tostring(ch.id) .. ": bad shutdown " .. tostring(sh)
  end
  ch.shutdown = sh
  ch.modules = spec.modules
  return ch
end

local function specof(ch)
  local st = {unpack(ch.start, 1, ch.nstart)}
  return {id = ch.id, start = st, restart = ch.restart, shutdown = ch.shutdown,
          type = ch.type, modules = ch.modules}
end

-- ------------------------------------------------------------ starting

-- call the start function (in the supervisor): "ok", pid | "ignore" |
-- "error", reason
local function catch(e) return e end

local function startresult(ok, r, reason, ...)
  if not ok then return "error", r end
  if P.is_pid(r) then
    P.link(r)     -- the start function should have linked it; make sure
    return "ok", r
  end
  if r == "ignore" or (r == nil and reason == "ignore") then return "ignore" end
  if r == nil then
    if reason == nil then reason = "no pid" end
    return "error", reason
  end
  return "error", {"bad_return_value", r}
end

local function startfn(st, nst, extra)
  if extra == nil then return xpcall(st[1], catch, unpack(st, 2, nst)) end
  local args = {unpack(st, 2, nst)}
  local na = nst - 1
  for i = 1, (extra.n or #extra) do args[na + i] = extra[i] end
  return xpcall(st[1], catch, unpack(args, 1, na + (extra.n or #extra)))
end

local function startchild(ch, extra)
  return startresult(startfn(ch.start, ch.nstart, extra))
end

-- ------------------------------------------------------------ terminating

-- the reason the child ended with
local function shutdown(pid, how)
  local mref = P.monitor(pid)
  P.unlink(pid)
  -- it may have ended already (its EXIT is queued)
  local m = receive({"EXIT", pid}, 0)
  if m ~= nil then
    receive({"DOWN", mref})
    return m[3]
  end
  if how == "brutal_kill" then
    P.exit(pid, "kill")
    return receive({"DOWN", mref})[5]
  end
  P.exit(pid, "shutdown")
  local d = receive({"DOWN", mref}, how ~= "infinity" and how or nil)
  if d == nil then
    P.exit(pid, "kill")
    d = receive({"DOWN", mref})
  end
  return d[5]
end

local function expected_reason(how, r)
  if how == "brutal_kill" then return r == "killed" end
  return r == "shutdown"
end

local function terminate(S, ch)
  local pid = ch.pid
  if pid == nil then return end
  local r = shutdown(pid, ch.shutdown)
  ch.pid = nil
  if not expected_reason(ch.shutdown, r) and r ~= "noproc" and r ~= "normal" then
    report(S, "child " .. childname(ch) .. " (" .. tostring(pid) .. ") shut down with reason: " .. fmt(r))
  end
end

-- all dynamic children at once (simple_one_for_one): exit signals to all,
-- one deadline, then kill what is left
local function terminate_dynamic(S)
  local t = S.template
  local mons = {}
  for pid in next, S.dyn do
    local mref = P.monitor(pid)
    P.unlink(pid)
    if receive({"EXIT", pid}, 0) ~= nil then
      receive({"DOWN", mref})
    else
      mons[mref] = pid
      P.exit(pid, t.shutdown == "brutal_kill" and "kill" or "shutdown")
    end
  end
  S.dyn = {}
  S.dynorder = {}
  local deadline = type(t.shutdown) == "number" and P.monotonic() + t.shutdown or nil
  for mref, pid in next, mons do
    local left = deadline and math.max(0, deadline - P.monotonic()) or nil
    if receive({"DOWN", mref}, left) == nil then
      -- the time is up: kill the ones left
      for _, p in next, mons do P.exit(p, "kill") end
      receive({"DOWN", mref})
      deadline = nil
    end
  end
end

local function terminate_all(S)
  if S.template then return terminate_dynamic(S) end
  local cs = S.children
  for i = #cs, 1, -1 do terminate(S, cs[i]) end
end

-- ------------------------------------------------------------ restarts

-- one more restart: false when that exceeds the intensity.  S.restarts is
-- a queue of restart times (ms, ascending): expired ones leave at the head.
local function addrestart(S)
  local now = P.monotonic()
  local q = S.restarts
  local period = S.period * 1000
  local h, t = q.head, q.tail
  while h <= t and now - q[h] >= period do
    q[h] = nil
    h = h + 1
  end
  if h > t then h, t = 1, 0 end
  t = t + 1
  q[t] = now
  q.head, q.tail = h, t
  return t - h + 1 <= S.intensity
end

local function find(S, id)
  for i, ch in ipairs(S.children) do
    if ch.id == id then return ch, i end
  end
end

local function findpid(S, pid)
  for i, ch in ipairs(S.children) do
    if ch.pid == pid then return ch, i end
  end
end

local function remove(S, ch)
  local cs = S.children
  for i = 1, #cs do
    if cs[i] == ch then table.remove(cs, i); return end
  end
end

local function try_again(S, key)
  P.send(self(), {"$sup_try_again", key})
end

-- restart ch (static child) by the strategy; returns false to stop
local function restart(S, ch, why)
  if not addrestart(S) then
    if why then report(S, why .. "; not restarted") end
    report(S, "reached max restart intensity (" .. S.intensity .. " restarts in "
      .. S.period .. " s); shutting down")
    return false
  end
  local cs = S.children
  local first, last
  if S.strategy == "one_for_one" then
    first, last = ch, ch
  else
    local idx
    for i = 1, #cs do if cs[i] == ch then idx = i end end
    local from = S.strategy == "one_for_all" and 1 or idx
    -- terminate the others (after it, or all), in reverse order
    for i = #cs, from, -1 do
      if cs[i] ~= ch then terminate(S, cs[i]) end
    end
    -- temporary children are not restarted
    for i = #cs, from, -1 do
      if cs[i] ~= ch and cs[i].restart == "temporary" then table.remove(cs, i) end
    end
    first = cs[from]
  end
  -- start ch (one_for_one) or the range from `first` to the end, in order
  local started = false
  for i = 1, #cs do
    local c = cs[i]
    if c == first then started = true end
    if started and c.pid == nil then
      local how, r = startchild(c)
      if how == "ok" then
        c.pid = r
        if c == ch then
          report(S, (why or ("child " .. childname(c) .. " not running")) .. "; restarted as " .. tostring(r))
        end
      elseif how == "error" then
        if c == ch and why then report(S, why) end
        report(S, "child " .. childname(c) .. " failed to restart: " .. fmt(r) .. "; trying again")
        try_again(S, c.id)
        return true
      end
    end
    if S.strategy == "one_for_one" and started then break end
  end
  return true
end

local function restart_dynamic(S, args, why)
  if not addrestart(S) then
    if why then report(S, why .. "; not restarted") end
    report(S, "reached max restart intensity (" .. S.intensity .. " restarts in "
      .. S.period .. " s); shutting down")
    return false
  end
  local how, r = startchild(S.template, args)
  if how == "ok" then
    S.dyn[r] = args
    S.nseq = S.nseq + 1
    S.dynorder[r] = S.nseq
    report(S, (why or "child (dynamic) not running") .. "; restarted as " .. tostring(r))
  elseif how == "error" then
    if why then report(S, why) end
    report(S, "child (dynamic) failed to restart: " .. fmt(r) .. "; trying again")
    try_again(S, {args})
  end
  return true
end

-- restart wanted after an exit with this reason?
local function wanted(restart, reason)
  if restart == "permanent" then return true end
  if restart == "temporary" then return false end
  return not gs()._quiet(reason)
end

local function exited(S, pid, reason)
  if S.template then
    local args = S.dyn[pid]
    if args == nil then return true end
    S.dyn[pid] = nil
    S.dynorder[pid] = nil
    local t = S.template
    if wanted(t.restart, reason) then
      return restart_dynamic(S, args, "child (dynamic) " .. tostring(pid) .. " exited with reason: " .. fmt(reason))
    end
    if not gs()._quiet(reason) then
      report(S, "child (dynamic) " .. tostring(pid) .. " exited with reason: " .. fmt(reason) .. " (" .. t.restart .. ")")
    end
    return true
  end
  local ch = findpid(S, pid)
  if ch == nil then return true end     -- not ours (any more)
  ch.pid = nil
  if wanted(ch.restart, reason) then
    return restart(S, ch, "child " .. childname(ch) .. " (" .. tostring(pid) .. ") exited with reason: " .. fmt(reason))
  end
  if not gs()._quiet(reason) then
    report(S, "child " .. childname(ch) .. " (" .. tostring(pid) .. ") exited with reason: " .. fmt(reason) .. " (" .. ch.restart .. ")")
  end
  if ch.restart == "temporary" then remove(S, ch) end
  return true
end

-- ------------------------------------------------------------ callbacks

local Sup = {}

function Sup.init(arg)
  local spec, name = arg[1], arg[2]
  P.flag("trap_exit", true)
  local S = {name = name, restarts = {head = 1, tail = 0}, children = {}}
  S.strategy = spec.strategy or "one_for_one"
  if not STRATEGIES[S.strategy] then return "stop", {"bad_flags", "unknown strategy " .. tostring(S.strategy)} end
  S.intensity = spec.intensity or 1
  S.period = spec.period or 5
  if math.type(S.intensity) ~= "integer" or S.intensity < 0 then
    return "stop", {"bad_flags", "intensity must be an integer >= 0"}
  end
  if type(S.period) ~= "number" or S.period <= 0 then
    return "stop", {"bad_flags", "period must be a number > 0 (seconds)"}
  end
  local specs = spec.children or {}
  if S.strategy == "simple_one_for_one" then
    if #specs ~= 1 then
      return "stop", {"bad_start_spec", "simple_one_for_one needs exactly one child spec"}
    end
    local ch, err = speccheck(specs[1], true)
    if not ch then return "stop", {"start_spec", err} end
    S.template = ch
    S.dyn = {}
    S.dynorder = {}
    S.nseq = 0
    return "ok", S
  end
  -- check them all, then start them in order
  for i = 1, #specs do
    local ch, err = speccheck(specs[i], false)
    if not ch then return "stop", {"start_spec", err} end
    if find(S, ch.id) then return "stop", {"start_spec", {"duplicate_child_name", ch.id}} end
    S.children[i] = ch
  end
  for i = 1, #S.children do
    local ch = S.children[i]
    local how, r = startchild(ch)
    if how == "ok" then ch.pid = r
    elseif how == "error" then
      report(S, "child " .. childname(ch) .. " failed to start: " .. fmt(r))
      -- undo: terminate what was started, in reverse order
      for j = i - 1, 1, -1 do terminate(S, S.children[j]) end
      return "stop", {"shutdown", {"failed_to_start_child", ch.id, r}}
    end
  end
  -- temporary children that said "ignore" are not kept
  for i = #S.children, 1, -1 do
    local ch = S.children[i]
    if ch.pid == nil and ch.restart == "temporary" then table.remove(S.children, i) end
  end
  return "ok", S
end

local calls = {}

function calls.start_child(S, arg)
  if S.template then
    if type(arg) ~= "table" then arg = {arg} end
    local how, r = startchild(S.template, arg)
    if how == "ok" then
      S.dyn[r] = arg
      S.nseq = S.nseq + 1
      S.dynorder[r] = S.nseq
      return {r}
    elseif how == "ignore" then return {nil, "ignore"} end
    return {nil, r}
  end
  local ch, err = speccheck(arg, false)
  if not ch then return {nil, {"bad_child_spec", err}} end
  local old = find(S, ch.id)
  if old then
    if old.pid then return {nil, {"already_started", old.pid}} end
    return {nil, "already_present"}
  end
  local how, r = startchild(ch)
  if how == "ok" then
    ch.pid = r
    S.children[#S.children + 1] = ch
    return {r}
  elseif how == "ignore" then
    if ch.restart ~= "temporary" then S.children[#S.children + 1] = ch end
    return {nil, "ignore"}
  end
  return {nil, r}
end

function calls.terminate_child(S, id)
  if S.template then
    if not P.is_pid(id) or S.dyn[id] == nil then return {nil, "not_found"} end
    local t = S.template
    S.dyn[id] = nil
    S.dynorder[id] = nil
    terminate(S, {id = nil, pid = id, shutdown = t.shutdown})
    return {true}
  end
  local ch = find(S, id)
  if not ch then return {nil, "not_found"} end
  terminate(S, ch)
  if ch.restart == "temporary" then remove(S, ch) end
  return {true}
end

function calls.restart_child(S, id)
  if S.template then return {nil, "simple_one_for_one"} end
  local ch = find(S, id)
  if not ch then return {nil, "not_found"} end
  if ch.pid then return {nil, "running"} end
  local how, r = startchild(ch)
  if how == "ok" then ch.pid = r; return {r} end
  if how == "ignore" then return {nil, "ignore"} end
  return {nil, r}
end

function calls.delete_child(S, id)
  if S.template then return {nil, "simple_one_for_one"} end
  local ch = find(S, id)
  if not ch then return {nil, "not_found"} end
  if ch.pid then return {nil, "running"} end
  remove(S, ch)
  return {true}
end

function calls.which_children(S)
  local out = {}
  if S.template then
    local pids = {}
    for pid in next, S.dyn do pids[#pids + 1] = pid end
    table.sort(pids, function(a, b) return S.dynorder[a] < S.dynorder[b] end)
    for i, pid in ipairs(pids) do out[i] = {pid = pid, type = S.template.type} end
    return {out}
  end
  for i, ch in ipairs(S.children) do out[i] = {id = ch.id, pid = ch.pid, type = ch.type} end
  return {out}
end

function calls.count_children(S)
  local c = {specs = 0, active = 0, supervisors = 0, workers = 0}
  if S.template then
    local n = 0
    for _ in next, S.dyn do n = n + 1 end
    c.specs, c.active = 1, n
    if S.template.type == "supervisor" then c.supervisors = n else c.workers = n end
    return {c}
  end
  for _, ch in ipairs(S.children) do
    c.specs = c.specs + 1
    if ch.pid then c.active = c.active + 1 end
    if ch.type == "supervisor" then c.supervisors = c.supervisors + 1
    else c.workers = c.workers + 1 end
  end
  return {c}
end

function calls.get_childspec(S, id)
  if S.template then
    if P.is_pid(id) and S.dyn[id] ~= nil then return {specof(S.template)} end
    return {nil, "not_found"}
  end
  local ch = find(S, id)
  if not ch then return {nil, "not_found"} end
  return {specof(ch)}
end

function Sup.handle_call(req, from, S)
  local f = type(req) == "table" and calls[req[1]]
  if not f then return "reply", {nil, {"bad_request", req}}, S end
  return "reply", f(S, req[2]), S
end

function Sup.handle_cast(req, S) return "noreply", S end

function Sup.handle_info(msg, S)
  if type(msg) ~= "table" then return "noreply", S end
  if msg[1] == "EXIT" then
    if not exited(S, msg[2], msg[3]) then return "stop", "shutdown", S end
  elseif msg[1] == "$sup_try_again" then
    local key = msg[2]
    if S.template then
      if not restart_dynamic(S, key[1]) then return "stop", "shutdown", S end
    else
      -- still ours and still not running?
      local ch = find(S, key)
      if ch and ch.pid == nil and not restart(S, ch) then return "stop", "shutdown", S end
    end
  end
  return "noreply", S
end

function Sup.terminate(reason, S)
  terminate_all(S)
end

-- ------------------------------------------------------------ the API

function M.start_link(spec, opts)
  if type(spec) ~= "table" then
    error("bad argument #1 to 'start_link' (supervisor spec table expected, got " .. type(spec) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'start_link' (table expected)", 2)
  end
  return gs().start_link(Sup, {spec, opts and opts.name}, opts)
end

local function call(sup, what, arg)
  local r = gs().call(sup, {what, arg}, "infinity")
  return r[1], r[2]
end

function M.start_child(sup, spec_or_args) return call(sup, "start_child", spec_or_args) end
function M.terminate_child(sup, id) return call(sup, "terminate_child", id) end
function M.restart_child(sup, id) return call(sup, "restart_child", id) end
function M.delete_child(sup, id) return call(sup, "delete_child", id) end
function M.which_children(sup) return (call(sup, "which_children")) end
function M.count_children(sup) return (call(sup, "count_children")) end
function M.get_childspec(sup, id) return call(sup, "get_childspec", id) end

return M
