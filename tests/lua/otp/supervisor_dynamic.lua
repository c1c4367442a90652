-- lurel-only
-- Dynamic children: start_child, terminate_child, restart_child,
-- delete_child, which_children, count_children, get_childspec, from the
-- parent and from other processes; simple_one_for_one with a template.
local P = process
local me = P.self()
P.flag("trap_exit", true)

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local W = {}
function W.init(arg)
  P.flag("trap_exit", true)
  P.send(me, {"started", arg.id, P.self(), arg})
  return "ok", arg
end
function W.handle_call(req, from, arg) return "reply", arg, arg end
function W.terminate(reason, arg) P.send(me, {"terminated", arg.id, reason}) end
local function spec(id, extra)
  local s = {id = id, start = {gen_server.start_link, W, {id = id}}}
  for k, v in pairs(extra or {}) do s[k] = v end
  return s
end
local function started(id) return P.receive({"started", id}, 5000)[3] end

local sup = supervisor.start_link({strategy = "one_for_one", intensity = 5}, {name = "dyn"})
check("a supervisor without children, registered", P.whereis("dyn") == sup)
local c = supervisor.count_children("dyn")
check("count_children of an empty supervisor", c.specs == 0 and c.active == 0 and c.workers == 0 and c.supervisors == 0)
check("which_children of an empty supervisor", #supervisor.which_children(sup) == 0)

local a = supervisor.start_child(sup, spec("a"))
check("start_child returns the pid", P.is_pid(a) and started("a") == a)
local b = supervisor.start_child("dyn", spec("b"))
started("b")
local p, why = supervisor.start_child(sup, spec("a"))
check("start_child with a running id: nil, {\"already_started\", pid}", p == nil and why[1] == "already_started" and why[2] == a)
p, why = supervisor.start_child(sup, {id = "bad", start = {function() return nil, "no way" end}})
check("start_child whose start fails: nil, its reason", p == nil and why == "no way")
p, why = supervisor.start_child(sup, {id = "err", start = {function() error("broken start", 0) end}})
check("start_child whose start raises: nil, the error", p == nil and why == "broken start")
p, why = supervisor.start_child(sup, {id = "x", start = "not a function"})
check("start_child with a bad spec: nil, {\"bad_child_spec\", ...}", p == nil and why[1] == "bad_child_spec")
local ids = {}
for _, ch in ipairs(supervisor.which_children(sup)) do ids[#ids + 1] = ch.id .. ":" .. ch.type end
check("failed children are not added: " .. table.concat(ids, " "), table.concat(ids, " ") == "a:worker b:worker")

-- terminate / restart / delete
check("delete_child of a running child: nil, \"running\"", select(2, supervisor.delete_child(sup, "a")) == "running")
check("restart_child of a running child: nil, \"running\"", select(2, supervisor.restart_child(sup, "a")) == "running")
check("terminate_child", supervisor.terminate_child(sup, "a") == true)
check("... its terminate ran with \"shutdown\"", P.receive({"terminated", "a"}, 0)[3] == "shutdown")
check("... and it is not restarted", P.receive({"started"}, 0) == nil)
local wc = supervisor.which_children(sup)
check("which_children: a kept, not running", wc[1].id == "a" and wc[1].pid == nil and wc[2].pid == b)
c = supervisor.count_children(sup)
check("count_children: 2 specs, 1 active", c.specs == 2 and c.active == 1 and c.workers == 2)
p, why = supervisor.start_child(sup, spec("a"))
check("start_child with an id that is present: nil, \"already_present\"", p == nil and why == "already_present")
local a2 = supervisor.restart_child(sup, "a")
check("restart_child starts it again", P.is_pid(a2) and a2 ~= a and started("a") == a2)
check("terminate_child of an unknown id: nil, \"not_found\"", select(2, supervisor.terminate_child(sup, "zz")) == "not_found")
check("restart_child of an unknown id: nil, \"not_found\"", select(2, supervisor.restart_child(sup, "zz")) == "not_found")
check("delete_child of an unknown id: nil, \"not_found\"", select(2, supervisor.delete_child(sup, "zz")) == "not_found")
supervisor.terminate_child(sup, "b")
P.receive({"terminated", "b"})
check("delete_child of a stopped child", supervisor.delete_child(sup, "b") == true)
check("... it is gone", #supervisor.which_children(sup) == 1)
local cs = supervisor.get_childspec(sup, "a")
check("get_childspec", cs.id == "a" and cs.restart == "permanent" and cs.shutdown == 5000 and cs.type == "worker")

-- the API from another process
local other = P.spawn(function()
  local pid = supervisor.start_child("dyn", spec("from_other"))
  local n = #supervisor.which_children("dyn")
  P.send(me, {"other", pid, n})
end)
local o = P.receive({"other"})
check("start_child and which_children from another process", P.is_pid(o[2]) and o[3] == 2)
started("from_other")

-- a temporary child: terminate_child removes its spec
supervisor.start_child(sup, spec("tmp", {restart = "temporary"}))
started("tmp")
supervisor.terminate_child(sup, "tmp")
P.receive({"terminated", "tmp"})
check("terminate_child of a temporary child removes it", select(2, supervisor.get_childspec(sup, "tmp")) == "not_found")

-- a dynamic child is restarted like any other
local fo = supervisor.get_childspec(sup, "from_other") and supervisor.which_children(sup)[2].pid
local m = P.monitor(fo)
P.exit(fo, "kill")
P.receive({"DOWN", m})
check("a child added by start_child is restarted", P.is_pid(started("from_other")))

gen_server.stop(sup, "shutdown")
local order = {}
for i = 1, 2 do order[i] = P.receive({"terminated"}, 0)[2] end
check("shutdown: added children in reverse order too: " .. table.concat(order, " "),
  table.concat(order, " ") == "from_other a")
P.receive({"EXIT", sup})

-- simple_one_for_one
print("-- simple_one_for_one")
local function worker(prefix, n)
  return gen_server.start_link(W, {id = prefix .. n, n = n})
end
sup = supervisor.start_link({strategy = "simple_one_for_one", intensity = 10, children = {
  {id = "tmpl", start = {worker, "w"}, restart = "permanent", shutdown = 1000}}})
check("no children at first", #supervisor.which_children(sup) == 0)
local w = {}
for i = 1, 5 do
  w[i] = supervisor.start_child(sup, {i})
  local s = P.receive({"started", "w" .. i})
  assert(s[3] == w[i] and s[4].n == i)
end
check("start_child(sup, args) appends args to the template's: 5 children", true)
wc = supervisor.which_children(sup)
local ok = #wc == 5
for i = 1, 5 do ok = ok and wc[i].pid == w[i] and wc[i].id == nil and wc[i].type == "worker" end
check("which_children lists them in start order, without ids", ok)
c = supervisor.count_children(sup)
check("count_children: 1 spec, 5 active workers", c.specs == 1 and c.active == 5 and c.workers == 5)
check("terminate_child(sup, pid)", supervisor.terminate_child(sup, w[2]) == true)
check("... its terminate ran", P.receive({"terminated", "w2"}, 0)[3] == "shutdown")
check("... it is gone", #supervisor.which_children(sup) == 4)
check("terminate_child of an unknown pid: nil, \"not_found\"", select(2, supervisor.terminate_child(sup, w[2])) == "not_found")
check("restart_child is not for simple_one_for_one", select(2, supervisor.restart_child(sup, "tmpl")) == "simple_one_for_one")
check("delete_child is not for simple_one_for_one", select(2, supervisor.delete_child(sup, "tmpl")) == "simple_one_for_one")
-- a crash: restarted with the same arguments
m = P.monitor(w[3])
P.exit(w[3], "kill")
P.receive({"DOWN", m})
local s3 = P.receive({"started", "w3"}, 5000)
check("a dynamic child that dies is restarted with the same args", s3 and s3[4].n == 3 and s3[3] ~= w[3])
w[3] = s3[3]
wc = supervisor.which_children(sup)
check("... which_children has the new pid", #wc == 4 and wc[4].pid == w[3])
-- shutdown: all of them
gen_server.stop(sup, "shutdown")
local n = 0
while P.receive({"terminated"}, 0) do n = n + 1 end
check("shutdown terminates all dynamic children (" .. n .. ")", n == 4)
P.receive({"EXIT", sup})

-- simple_one_for_one with a transient template and plain processes
local function plain(tag, x)
  return P.spawn_link(function()
    P.send(me, {"plain", tag, x, P.self()})
    local r = P.receive()
    P.exit(r)
  end)
end
sup = supervisor.start_link({strategy = "simple_one_for_one", children = {
  {start = {plain, "t"}, restart = "transient"}}})
local p1 = supervisor.start_child(sup, {"one"})
check("a template without id; plain spawn_link children", P.receive({"plain", "t"})[3] == "one")
m = P.monitor(p1)
P.send(p1, "normal")
P.receive({"DOWN", m})
check("a transient dynamic child that ends normally is removed",
  #supervisor.which_children(sup) == 0 and P.receive({"plain"}, 0) == nil)
gen_server.stop(sup, "shutdown")
P.receive({"EXIT", sup})
check("the mailbox is empty at the end", P.info(me).message_queue_len == 0)
print("all dynamic-children cases passed")
