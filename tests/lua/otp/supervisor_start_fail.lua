-- lurel-only
-- supervisor.start_link fails cleanly (nil, reason) when a child fails to
-- start (the children already started are terminated, in reverse order),
-- for bad flags and bad child specs, and when the name is taken; "ignore".
local P = process
local me = P.self()

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local W = {}
function W.init(id)
  P.flag("trap_exit", true)
  P.send(me, {"started", id, P.self()})
  if id == "stopper" then return "stop", "init says no" end
  if id == "ignored" then return "ignore" end
  return "ok", id
end
function W.terminate(reason, id) P.send(me, {"terminated", id, reason}) end
local function spec(id, extra)
  local s = {id = id, start = {gen_server.start_link, W, id}}
  for k, v in pairs(extra or {}) do s[k] = v end
  return s
end

-- note: we do not trap exits; a failing start_link must not kill us
local sup, why = supervisor.start_link({children = {spec("a"), spec("b"), spec("stopper"), spec("never")}})
check("a child whose init stops: start_link gives nil", sup == nil)
check("... reason {\"shutdown\", {\"failed_to_start_child\", id, reason}}",
  why[1] == "shutdown" and why[2][1] == "failed_to_start_child" and why[2][2] == "stopper" and why[2][3] == "init says no")
local ev = {}
for i = 1, 5 do
  local m = P.receive(P.any({"started"}, {"terminated"}), 0)
  ev[i] = m[1] .. ":" .. m[2]
end
check("... a and b were started, then terminated in reverse order; 'never' never started: " .. table.concat(ev, " "),
  table.concat(ev, " ") == "started:a started:b started:stopper terminated:b terminated:a")
check("... nothing else", P.receive(0) == nil)

sup, why = supervisor.start_link({children = {{id = "raiser", start = {function() error("cannot start", 0) end}}}})
check("a start function that raises: nil, {shutdown, {failed_to_start_child, id, error}}",
  sup == nil and why[2][2] == "raiser" and why[2][3] == "cannot start")
sup, why = supervisor.start_link({children = {{id = "nil", start = {function() return nil, "nope" end}}}})
check("a start function that returns nil, reason", sup == nil and why[2][3] == "nope")
sup, why = supervisor.start_link({children = {{id = "num", start = {function() return 42 end}}}})
check("a start function that returns no pid: {\"bad_return_value\", v}", sup == nil and why[2][3][1] == "bad_return_value")

-- bad flags and specs
sup, why = supervisor.start_link({strategy = "one_for_some"})
check("an unknown strategy: nil, {\"bad_flags\", ...}", sup == nil and why[1] == "bad_flags")
sup, why = supervisor.start_link({intensity = -1})
check("a negative intensity: nil, {\"bad_flags\", ...}", sup == nil and why[1] == "bad_flags")
sup, why = supervisor.start_link({children = {{start = {gen_server.start_link, W, "x"}}}})
check("a child without id: nil, {\"start_spec\", ...}", sup == nil and why[1] == "start_spec")
sup, why = supervisor.start_link({children = {spec("x", {restart = "sometimes"})}})
check("a bad restart type", sup == nil and why[1] == "start_spec")
sup, why = supervisor.start_link({children = {spec("x", {shutdown = -5})}})
check("a bad shutdown", sup == nil and why[1] == "start_spec")
sup, why = supervisor.start_link({children = {spec("x", {type = "manager"})}})
check("a bad type", sup == nil and why[1] == "start_spec")
sup, why = supervisor.start_link({children = {spec("x"), spec("x")}})
check("duplicate ids", sup == nil and why[1] == "start_spec" and why[2][1] == "duplicate_child_name")
check("... no child was started for bad specs", P.receive({"started"}, 0) == nil)
sup, why = supervisor.start_link({strategy = "simple_one_for_one", children = {spec("t1"), spec("t2")}})
check("simple_one_for_one with two specs", sup == nil and why[1] == "bad_start_spec")
local ok, err = pcall(supervisor.start_link, "not a table")
check("a spec that is not a table is a usage error", not ok and err:find("supervisor spec table expected", 1, true))

-- a name that is taken
P.flag("trap_exit", true)
local s1 = supervisor.start_link({children = {}}, {name = "only"})
sup, why = supervisor.start_link({children = {}}, {name = "only"})
check("a taken name: nil, {\"already_started\", pid}", sup == nil and why[1] == "already_started" and why[2] == s1)

-- "ignore": the child is not started; permanent specs stay, temporary go
sup = supervisor.start_link({children = {spec("ignored"), spec("ok"), spec("ignored2", {restart = "temporary",
  start = {gen_server.start_link, W, "ignored"}})}})
P.receive({"started", "ignored"}); P.receive({"started", "ok"}); P.receive({"started", "ignored"})
local wc = supervisor.which_children(sup)
check("\"ignore\": the supervisor starts; the ignored permanent child stays with pid nil",
  #wc == 2 and wc[1].id == "ignored" and wc[1].pid == nil and wc[2].id == "ok" and P.is_pid(wc[2].pid))
gen_server.stop(sup, "shutdown")
P.receive({"terminated", "ok"})
P.receive({"EXIT", sup})
gen_server.stop(s1, "shutdown")
P.receive({"EXIT", s1})
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all start-failure cases passed")
