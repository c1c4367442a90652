-- lurel-only
-- When terminate runs: errors in callbacks, the parent's exit (only when the
-- server traps exits), supervisor shutdown, errors in terminate itself.
-- (Crash reports on stderr are expected here.)
local P = process
local me = P.self()

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local W = {}
function W.init(a)
  if a.trap then P.flag("trap_exit", true) end
  P.send(me, {"started", a.id, P.self()})
  return "ok", a
end
function W.handle_call(req, from, a) return "reply", a.id, a end
function W.handle_cast(req, a)
  if req == "error" then error("cast error in " .. a.id) end
  return "noreply", a
end
function W.handle_info(msg, a)
  if msg == "error" then error("info error in " .. a.id) end
  if type(msg) == "table" and msg[1] == "EXIT" then
    P.send(me, {"info_exit", a.id, msg[3]})
  end
  return "noreply", a
end
function W.terminate(reason, a)
  P.send(me, {"terminated", a.id, reason})
  if a.bad_terminate then error("terminate failed") end
end

local function started(id) return P.receive({"started", id})[3] end
local function terminated(id, t) return P.receive({"terminated", id}, t) end

-- error in handle_cast
local pid = gen_server.start(W, {id = "c"})
started("c")
local m = P.monitor(pid)
gen_server.cast(pid, "error")
local t = terminated("c")
check("an error in handle_cast: terminate(error, state)", t[3]:find("cast error in c", 1, true))
local d = P.receive({"DOWN", m})
check("... the server exits with the error", d[5] == t[3])

-- error in handle_info
pid = gen_server.start(W, {id = "i"})
started("i")
m = P.monitor(pid)
P.send(pid, "error")
t = terminated("i")
check("an error in handle_info: terminate(error, state)", t[3]:find("info error in i", 1, true))
P.receive({"DOWN", m})

-- an error in terminate replaces the reason
pid = gen_server.start(W, {id = "bt", bad_terminate = true})
started("bt")
m = P.monitor(pid)
gen_server.cast(pid, "error")
terminated("bt")
d = P.receive({"DOWN", m})
check("an error in terminate becomes the exit reason", type(d[5]) == "string" and d[5]:find("terminate failed", 1, true))

-- the parent's exit: a server that traps exits terminates with its reason
local function parent_test(trap, reason)
  local id = "p" .. tostring(trap) .. tostring(reason)
  local parent = P.spawn(function()
    local s = gen_server.start_link(W, {id = id, trap = trap})
    P.send(me, {"child", s})
    P.receive()          -- wait to be told to exit
    P.exit(reason)
  end)
  local s = P.receive({"child"})[2]
  started(id)
  local sm = P.monitor(s)
  P.send(parent, "go")
  return s, sm, id
end

local s, sm, id = parent_test(true, "shutdown")
t = terminated(id)
check("trapping server: the parent exits \"shutdown\" -> terminate(\"shutdown\")", t[3] == "shutdown")
check("... then exits \"shutdown\"", P.receive({"DOWN", sm})[5] == "shutdown")

s, sm, id = parent_test(true, "normal")
t = terminated(id)
check("trapping server: the parent returns (\"normal\") -> terminate(\"normal\")", t[3] == "normal")
check("... then exits \"normal\"", P.receive({"DOWN", sm})[5] == "normal")

s, sm, id = parent_test(false, "shutdown")
check("not trapping: the parent's exit kills it without terminate", P.receive({"DOWN", sm})[5] == "shutdown")
check("... no terminate", terminated(id, 50) == nil)

s, sm, id = parent_test(false, "normal")
check("not trapping: the parent's normal exit leaves it running", gen_server.call(s, "x") == id)
gen_server.stop(s)
terminated(id)
P.receive({"DOWN", sm})

-- an EXIT from a linked process that is not the parent goes to handle_info
pid = gen_server.start(W, {id = "l", trap = true})
started("l")
P.link(pid)   -- we are not its parent (gen_server.start)
P.unlink(pid)
local other = P.spawn(function()
  P.link(pid)
  P.exit("bye")
end)
local ie = P.receive({"info_exit", "l"})
check("an EXIT from another linked process reaches handle_info", ie[3] == "bye")
gen_server.stop(pid)
terminated("l")

-- supervisor shutdown: terminate("shutdown") in trapping workers, in
-- reverse start order; a worker that does not trap exits is just killed
local sup = P.spawn(function()
  P.flag("trap_exit", true)
  local sp = supervisor.start_link({
    strategy = "one_for_one",
    children = {
      {id = "w1", start = {gen_server.start_link, W, {id = "w1", trap = true}}},
      {id = "w2", start = {gen_server.start_link, W, {id = "w2", trap = false}}},
      {id = "w3", start = {gen_server.start_link, W, {id = "w3", trap = true}}},
    }})
  P.send(me, {"sup", sp})
  P.receive("go")
  supervisor.terminate_child(sp, "w3")
  P.send(me, "w3 done")
  P.receive("go")
  gen_server.stop(sp, "shutdown")
  P.send(me, "sup stopped")
end)
local sp = P.receive({"sup"})[2]
local w2 = started("w2")
started("w1"); started("w3")
local m2 = P.monitor(w2)
P.send(sup, "go")
P.receive("w3 done")
t = terminated("w3", 0)
check("terminate_child: the trapping worker's terminate(\"shutdown\") ran before it returned", t and t[3] == "shutdown")
P.send(sup, "go")
P.receive("sup stopped")
d = P.receive({"DOWN", m2}, 0)
check("supervisor shutdown: the non-trapping worker ended with \"shutdown\", no terminate",
  d and d[5] == "shutdown" and terminated("w2", 0) == nil)
t = terminated("w1", 0)
check("supervisor shutdown: the trapping worker got terminate(\"shutdown\")", t and t[3] == "shutdown")
check("nothing else left over", P.info(me).message_queue_len == 0)
print("all terminate cases passed")
