-- gen_server.lua — the generic server (api.md, "gen_server"), after OTP's
-- gen_server: a process that keeps a state and runs the callbacks of a
-- module table for the calls, casts and other messages it receives.
--
-- Protocol (between processes; all of it is ordinary messages):
--   call   {"$gen_call", from, request}   from = {caller pid, alias, mref}
--   reply  {"$reply", mref, value}        sent to the alias: once the caller
--                                         gives up (timeout) the alias is
--                                         inactive and the VM drops the reply;
--                                         mref comes second as in the DOWN,
--                                         so one pattern {nil, mref} waits
--                                         for either
--   cast   {"$gen_cast", request}
--   stop   {"$gen_stop", reason}          the caller waits for the DOWN
--   start  {tag, "ok"} | {tag, "error", reason} | {tag, "ignore"}
--          from the new process to its starter, after init
--
-- Callback results (a trailing timeout in ms, "infinity", "hibernate" or
-- {"continue", arg} is accepted where OTP accepts one):
--   init          "ok", state | "stop", reason | "ignore"
--   handle_call   "reply", reply, state | "noreply", state
--                 | "stop", reason, reply, state | "stop", reason, state
--   handle_cast   "noreply", state | "stop", reason, state
--   handle_info   (same as handle_cast)
--   handle_continue (same as handle_cast)
--   terminate(reason, state)   its result is ignored
-- Defaults for missing callbacks are OTP's: handle_info ignores the message,
-- terminate does nothing; a call (cast, continue) that reaches a module
-- without handle_call (handle_cast, handle_continue) crashes the server with
-- reason {"undef", "handle_call"} (...).
--
-- This chunk runs once per process (it only defines things).

local P = process
local M = {}

local select, type, tostring, pcall, xpcall, error = select, type, tostring, pcall, xpcall, error
local send, receive, any, self = P.send, P.receive, P.any, P.self
local DEFAULT_CALL_TIMEOUT = 5000

-- ------------------------------------------------------------ formatting

-- a value as text for reports: tables as {a, b, k = v}, strings quoted
local function fmt(v, depth, seen)
  local t = type(v)
  if t == "string" then return (string.format("%q", v):gsub("\\\n", "\\n")) end
  if t ~= "table" then return tostring(v) end
  local mt = getmetatable(v)
  if type(mt) == "table" and rawget(mt, "__tostring") then
    local ok, s = pcall(tostring, v)
    if ok and type(s) == "string" then return s end
  end
  seen = seen or {}
  depth = depth or 0
  if seen[v] then return "{...}" end
  if depth > 6 then return "{...}" end
  seen[v] = true
  local parts, n = {}, 0
  local len = rawlen(v)
  for i = 1, len do
    n = n + 1
    if n > 30 then parts[#parts + 1] = "..."; break end
    parts[#parts + 1] = fmt(rawget(v, i), depth + 1, seen)
  end
  if n <= 30 then
    for k, x in next, v do
      if not (math.type(k) == "integer" and k >= 1 and k <= len) then
        n = n + 1
        if n > 30 then parts[#parts + 1] = "..."; break end
        local ks
        if type(k) == "string" and k:match("^[%a_][%w_]*$") then ks = k
        else ks = "[" .. fmt(k, depth + 1, seen) .. "]" end
        parts[#parts + 1] = ks .. " = " .. fmt(x, depth + 1, seen)
      end
    end
  end
  seen[v] = nil
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- a reason at the top of a report: a string as it is, else formatted
local function fmtreason(r)
  if type(r) == "string" then return r end
  return fmt(r)
end

local function report(text)
  pcall(function()
    io.stderr:write(text, "\n")
    io.stderr:flush()
  end)
end

local function whoami()
  local me = self()
  local info = P.info(me)
  local name = info and info.registered_name
  if name then return tostring(me) .. " (registered as '" .. name .. "')" end
  return tostring(me)
end

-- "normal", "shutdown" and {"shutdown", ...} end a process quietly
local function quiet(reason)
  return reason == "normal" or reason == "shutdown"
    or (type(reason) == "table" and rawget(reason, 1) == "shutdown")
end

-- an error value with the traceback where it was raised
local function catch(e)
  local tb = debug and debug.traceback and debug.traceback("", 2) or ""
  return {err = e, tb = tb}
end

local function same(a, b, depth)
  if rawequal(a, b) then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  depth = depth or 0
  if depth > 20 then return false end
  for k, v in next, a do if not same(v, rawget(b, k), depth + 1) then return false end end
  for k in next, b do if rawget(a, k) == nil then return false end end
  return true
end

M._format = fmt
M._quiet = quiet
M._report = report

-- ------------------------------------------------------------ the server

-- S: {mod, state, parent, last (last message), timeout, cont}

local function crash_report(S, reason, tb, ininit)
  local lines
  if ininit then
    lines = {
      "=ERROR REPORT==== gen_server " .. whoami() .. " failed to start",
      "** init(" .. fmt(S.args) .. ") failed with reason ==",
      "** " .. fmtreason(reason),
    }
  else
    lines = {
      "=ERROR REPORT==== gen_server " .. whoami() .. " terminating",
      "** Last message in was " .. (S.last == nil and "(none)" or fmt(S.last)),
      "** When server state == " .. fmt(S.state),
      "** Reason for termination ==",
      "** " .. fmtreason(reason),
    }
  end
  if tb and tb ~= "" then lines[#lines + 1] = (tb:gsub("^\n", "")) end
  report(table.concat(lines, "\n"))
end

-- end the server: terminate(reason, state), a report unless the reason is
-- quiet, then exit with the reason
local function terminate(S, reason, tb)
  local t = S.mod.terminate
  if t ~= nil then
    local ok, e = xpcall(t, catch, reason, S.state)
    if not ok then reason, tb = e.err, e.tb end
  end
  if not quiet(reason) then crash_report(S, reason, tb) end
  P.exit(reason)
end

local function doreply(from, value)
  -- to the caller's alias: dropped by the VM once the caller gave up
  send(from[2], {"$reply", from[3], value})
end

-- the action after a state: timeout, hibernate or continue
local function setaction(S, a)
  if a == nil or a == "infinity" or a == "hibernate" then S.timeout = nil
  elseif type(a) == "number" then S.timeout = a >= 0 and a or 0
  elseif type(a) == "table" and rawget(a, 1) == "continue" then
    S.timeout = nil
    S.cont = {rawget(a, 2)}
  else
    return false
  end
  return true
end

-- the values a callback returned, as one value for a report
local function packed(...)
  local n = select("#", ...)
  local t = {...}
  while n > 1 and t[n] == nil do n = n - 1 end
  if n == 1 then return t[1] end
  return t
end

local function badreturn(S, ...)
  return terminate(S, {"bad_return_value", packed(...)})
end

-- results of handle_cast / handle_info / handle_continue
local function noreply_result(S, ok, tag, a, b, c, ...)
  if not ok then return terminate(S, tag.err, tag.tb) end
  if tag == "noreply" then
    S.state = a
    if not setaction(S, b) then return badreturn(S, tag, a, b) end
    return
  elseif tag == "stop" then
    S.state = b
    return terminate(S, a)
  end
  return badreturn(S, tag, a, b, c, ...)
end

local function call_result(S, from, ok, ...)
  if not ok then
    local e = ...
    return terminate(S, e.err, e.tb)
  end
  local n = select("#", ...)
  local tag, a, b, c = ...
  if tag == "reply" then
    S.state = b
    doreply(from, a)
    if not setaction(S, c) then return badreturn(S, ...) end
    return
  elseif tag == "noreply" then
    S.state = a
    if not setaction(S, b) then return badreturn(S, ...) end
    return
  elseif tag == "stop" then
    if n >= 4 then
      -- "stop", reason, reply, state: terminate, then reply, then exit
      S.state = c
      local t = S.mod.terminate
      local reason, tb = a, nil
      if t ~= nil then
        local tok, e = xpcall(t, catch, reason, S.state)
        if not tok then reason, tb = e.err, e.tb end
      end
      doreply(from, b)
      if not quiet(reason) then crash_report(S, reason, tb) end
      P.exit(reason)
    end
    S.state = b
    return terminate(S, a)
  end
  return badreturn(S, ...)
end

local function undef(S, name)
  return terminate(S, {"undef", name}, nil)
end

local function serve(S)
  local mod = S.mod
  local parent = S.parent
  local me = self()
  while true do
    local cont = S.cont
    if cont ~= nil then
      S.cont = nil
      local h = mod.handle_continue
      if h == nil then return undef(S, "handle_continue") end
      noreply_result(S, xpcall(h, catch, cont[1], S.state))
    else
      local msg = receive(nil, S.timeout)
      S.last = msg
      if msg == nil then
        msg = "timeout"
        S.last = msg
        local h = mod.handle_info
        if h ~= nil then noreply_result(S, xpcall(h, catch, msg, S.state)) end
      else
        local kind = type(msg) == "table" and rawget(msg, 1)
        if kind == "$gen_call" then
          local h = mod.handle_call
          if h == nil then return undef(S, "handle_call") end
          local from = msg[2]
          call_result(S, from, xpcall(h, catch, msg[3], from, S.state))
        elseif kind == "$gen_cast" then
          local h = mod.handle_cast
          if h == nil then return undef(S, "handle_cast") end
          noreply_result(S, xpcall(h, catch, msg[2], S.state))
        elseif kind == "$gen_stop" then
          return terminate(S, msg[2])
        elseif kind == "EXIT" and msg[2] == parent and parent ~= me then
          -- the parent ended (we trap exits): end with its reason
          return terminate(S, msg[3])
        else
          local h = mod.handle_info
          if h ~= nil then noreply_result(S, xpcall(h, catch, msg, S.state)) end
        end
      end
    end
  end
end

-- the new process: register, init, acknowledge, serve
local function enter(mod, args, starter, tag, linked, name)
  local me = self()
  if name ~= nil then
    local ok = pcall(P.register, name, me)
    if not ok then
      local other = P.whereis(name)
      if linked then P.unlink(starter) end
      send(starter, {tag, "error", {"already_started", other}})
      return
    end
  end
  local S = {mod = mod, parent = linked and starter or me, args = args}
  local function fail(reason, tb, report_it)
    if report_it then crash_report(S, reason, tb, true) end
    -- the starter learns it from start's result (not also from a link)
    if linked then P.unlink(starter) end
    send(starter, {tag, "error", reason})
    P.exit(reason)
  end
  local ok, r, st, action, extra = xpcall(mod.init, catch, args)
  if not ok then return fail(r.err, r.tb, true) end
  if r == "ok" then
    S.state = st
    if not setaction(S, action) then
      return fail({"bad_return_value", packed(r, st, action, extra)}, nil, true)
    end
    send(starter, {tag, "ok"})
    return serve(S)
  elseif r == "stop" then
    return fail(st, nil, false)
  elseif r == "ignore" then
    if linked then P.unlink(starter) end
    send(starter, {tag, "ignore"})
    return
  end
  return fail({"bad_return_value", packed(r, st, action, extra)}, nil, true)
end

-- spawned as a copy of the closure (with the functions it uses): cheaper
-- than running this chunk again in every new server process
local entry = enter

local function checkmod(fname, mod)
  if type(mod) ~= "table" then
    error("bad argument #1 to '" .. fname .. "' (callback module table expected, got " .. type(mod) .. ")", 3)
  end
  if type(mod.init) ~= "function" then
    error("bad argument #1 to '" .. fname .. "' (the callback module has no init function)", 3)
  end
end

local function start(fname, linked, mod, args, opts)
  checkmod(fname, mod)
  local name, timeout
  if opts ~= nil then
    if type(opts) ~= "table" then error("bad argument #3 to '" .. fname .. "' (table expected)", 3) end
    name = opts.name
    if name ~= nil and type(name) ~= "string" then
      error("bad argument #3 to '" .. fname .. "' (name must be a string)", 3)
    end
    timeout = opts.timeout
    if timeout == "infinity" then timeout = nil end
  end
  local tag = P.make_ref()
  local me = self()
  local pid, mref = P.spawn_opt(entry, {link = linked, monitor = true}, mod, args, me, tag, linked, name)
  local m = receive(any({tag}, {"DOWN", mref}), timeout)
  if m == nil then
    -- init took too long: kill it
    if linked then P.unlink(pid) end
    P.exit(pid, "kill")
    receive({"DOWN", mref})
    if linked then receive({"EXIT", pid}, 0) end
    return nil, "timeout"
  end
  if m[1] == "DOWN" then
    -- ended before acknowledging (killed, or process.exit in init)
    if linked then receive({"EXIT", pid}, 0) end
    return nil, m[5]
  end
  if m[2] == "ok" then
    P.demonitor(mref, true)
    return pid
  end
  -- init failed: wait until the process is gone (its name is free then)
  receive({"DOWN", mref})
  if linked then receive({"EXIT", pid}, 0) end
  if m[2] == "ignore" then return nil, "ignore" end
  return nil, m[3]
end

function M.start(mod, args, opts) return start("start", false, mod, args, opts) end
function M.start_link(mod, args, opts) return start("start_link", true, mod, args, opts) end

-- ------------------------------------------------------------ the client

local function resolve(server, fname)
  if type(server) == "string" then return P.whereis(server) end
  if P.is_pid(server) then return server end
  error("bad argument #1 to '" .. fname .. "' (pid or registered name expected, got " .. type(server) .. ")", 3)
end

function M.call(server, request, timeout)
  if timeout == nil then timeout = DEFAULT_CALL_TIMEOUT
  elseif timeout == "infinity" then timeout = nil
  elseif type(timeout) ~= "number" or timeout < 0 then
    error("bad argument #3 to 'call' (timeout in ms or \"infinity\" expected)", 2)
  end
  local pid = resolve(server, "call")
  if pid == nil then
    error({"noproc", {"gen_server", "call", {server, request, timeout or "infinity"}}}, 2)
  end
  local me = self()
  if pid == me then
    error({"calling_self", {"gen_server", "call", {server, request, timeout or "infinity"}}}, 2)
  end
  local alias = P.alias()
  local mref = P.monitor(pid)
  send(pid, {"$gen_call", {me, alias, mref}, request})
  -- the reply {"$reply", mref, value} or {"DOWN", mref, ...}
  local m = receive({nil, mref}, timeout)
  if m ~= nil and m[1] == "$reply" then
    P.unalias(alias)
    P.demonitor(mref, true)
    return m[3]
  end
  P.unalias(alias)
  if m == nil then
    P.demonitor(mref, true)
    -- a reply that came in between the timeout and unalias
    receive({"$reply", mref}, 0)
    error({"timeout", {"gen_server", "call", {server, request, timeout}}}, 2)
  end
  -- DOWN: the server is gone (or was never there: "noproc")
  error({m[5], {"gen_server", "call", {server, request, timeout or "infinity"}}}, 2)
end

function M.cast(server, request)
  -- never fails, like OTP's: to an unknown name or a dead pid it is lost
  if type(server) == "string" then
    local pid = P.whereis(server)
    if pid then send(pid, {"$gen_cast", request}) end
  else
    send(server, {"$gen_cast", request})
  end
  return true
end

function M.reply(from, value)
  if type(from) ~= "table" or not P.is_ref(from[2]) then
    error("bad argument #1 to 'reply' (the 'from' of handle_call expected)", 2)
  end
  doreply(from, value)
  return true
end

-- synchronous stop: terminate(reason, state) runs in the server, then it
-- exits; returns true once it is gone
function M.stop(server, reason, timeout)
  if reason == nil then reason = "normal" end
  if timeout == "infinity" then timeout = nil end
  local pid = resolve(server, "stop")
  if pid == nil then error({"noproc", {"gen_server", "stop", {server, reason}}}, 2) end
  local mref = P.monitor(pid)
  send(pid, {"$gen_stop", reason})
  local m = receive({"DOWN", mref}, timeout)
  if m == nil then
    P.demonitor(mref, true)
    error({"timeout", {"gen_server", "stop", {server, reason}}}, 2)
  end
  local r = m[5]
  if r == "noproc" then error({"noproc", {"gen_server", "stop", {server, reason}}}, 2) end
  if not same(r, reason) then error(r, 2) end
  return true
end

return M
