-- lurel-only: garbage collection and finalizers are per process (design.md
-- section 3): a process that ends normally or by an error runs its pending
-- finalizers; a killed one runs no Lua code; weak tables, collectgarbage and
-- the "generational"/"incremental" mode belong to each process
local P = process
local me = P.self()
local function ok(cond, what) assert(cond, what); print("ok: " .. what) end
local function run(f, ...)
  local pid, ref = P.spawn_monitor(f, ...)
  local msgs = {}
  while true do
    local m = P.receive()
    if type(m) == "table" and m[1] == "DOWN" and m[2] == ref then return m[5], msgs, pid end
    msgs[#msgs + 1] = m
  end
end

-- normal end: the pending finalizers run, in reverse order
local reason, msgs = run(function(parent)
  collectgarbage("stop")
  KEEP = {}
  for i = 1, 3 do KEEP[i] = setmetatable({}, {__gc = function() P.send(parent, "fin " .. i) end}) end
  P.send(parent, "body done")
end, me)
ok(reason == "normal" and table.concat(msgs, ",") == "body done,fin 3,fin 2,fin 1",
   "finalizers run when a process returns: " .. table.concat(msgs, ","))

-- end by an error: finalizers run after the crash
reason, msgs = run(function(parent)
  KEEP = setmetatable({}, {__gc = function() P.send(parent, "fin after error") end})
  error("crash", 0)
end, me)
ok(reason == "crash" and msgs[1] == "fin after error", "finalizers run when a process fails")

-- end by process.exit: tbc variables close, then finalizers run
reason, msgs = run(function(parent)
  KEEP = setmetatable({}, {__gc = function() P.send(parent, "fin") end})
  local c <close> = setmetatable({}, {__close = function() P.send(parent, "close") end})
  P.exit("bye")
end, me)
ok(reason == "bye" and table.concat(msgs, ",") == "close,fin", "exit: close then finalize: " .. table.concat(msgs, ","))

-- killed: no Lua code runs, neither __close nor __gc
local pid, ref = P.spawn_monitor(function(parent)
  KEEP = setmetatable({}, {__gc = function() P.send(parent, "fin of killed") end})
  local co = coroutine.create(function()
    local c <close> = setmetatable({}, {__close = function() P.send(parent, "close of killed") end})
    coroutine.yield()
  end)
  coroutine.resume(co)
  local c2 <close> = setmetatable({}, {__close = function() P.send(parent, "close2 of killed") end})
  P.send(parent, "ready")
  P.receive("never")
end, me)
ok(P.receive("ready") == "ready", "victim ready")
P.exit(pid, "kill")
local down = P.receive({"DOWN", ref, P._, P._, P._})
ok(down[5] == "killed", "victim killed")
ok(P.receive(100) == nil, "no finalizer and no __close ran in the killed process")

-- weak tables and collection are per process: a collection here does not
-- touch another process's weak table (it may still collect on its own, so
-- only its own explicit collection is checked)
local child = P.spawn(function(parent)
  collectgarbage("stop")
  local w = setmetatable({}, {__mode = "v"})
  w[1] = {}
  local strong = {}
  w[2] = strong
  P.send(parent, {"ready", P.self()})
  P.receive("collected")        -- the parent collected meanwhile
  local before = (w[1] ~= nil) and "alive" or "gone"
  collectgarbage()
  P.send(parent, before .. " " .. tostring(w[1]) .. " " .. tostring(w[2] == strong))
end, me)
P.receive({"ready", child})
collectgarbage()
P.send(child, "collected")
local res = P.receive()
ok(res == "alive nil true", "another process's collection leaves this weak table alone: " .. res)

-- the collector mode is per process
collectgarbage("incremental")
reason, msgs = run(function(parent)
  P.send(parent, collectgarbage("incremental"))
end, me)
ok(msgs[1] == "generational", "a new process starts generational")
ok(collectgarbage("generational") == "incremental", "this process kept its own mode")

-- a process that allocates a lot and drops it stays bounded
reason, msgs = run(function(parent)
  local base = collectgarbage("count")
  local peak = 0
  for i = 1, 200 do
    local t = {}
    for j = 1, 1000 do t[j] = {j} end
    local c = collectgarbage("count")
    if c > peak then peak = c end
  end
  P.send(parent, peak < base + 32 * 1024)
end, me)
ok(msgs[1] == true, "heap of a busy process stays bounded")
