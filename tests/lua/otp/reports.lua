-- lurel-only
-- What goes to stderr: a gen_server crash report (OTP style, with the last
-- message, the state, the reason and the traceback) and one supervisor
-- report line per child restart.  Runs a small program under the same lurel
-- (arg[-1]) and reads its stderr.
local lurel = arg and arg[-1]
if not lurel or not io or not io.popen then
  print("skipped: no interpreter path or io.popen")
  return
end

local function check(what, cond)
  assert(cond, what)
  print("ok: " .. what)
end

local prog = os.tmpname()
local errf = os.tmpname()
local f = assert(io.open(prog, "w"))
f:write([[
local P = process
local me = P.self()
P.flag("trap_exit", true)
local W = {}
function W.init(id) P.send(me, {"started", id, P.self()}) return "ok", {id = id, count = 7} end
function W.handle_cast(req, s) error("bad cast " .. tostring(req)) end
local sup = supervisor.start_link({children = {{id = "worker_1", start = {gen_server.start_link, W, "w"}}}}, {name = "the_sup"})
local pid = P.receive({"started"})[3]
gen_server.cast(pid, "xyz")
P.receive({"started"})
supervisor.which_children(sup)   -- the supervisor is done with the restart (and its report)
print("restarted")
]])
f:close()
local p = io.popen(string.format("%q %q 2>%q", lurel, prog, errf))
local out = p:read("a")
p:close()
local e = assert(io.open(errf)):read("a")
os.remove(prog)
os.remove(errf)
check("the program ran", out == "restarted\n")
check("a gen_server crash report", e:find("=ERROR REPORT==== gen_server <0.%d+.0> terminating", 1) ~= nil)
check("... with the last message", e:find('** Last message in was {"$gen_cast", "xyz"}', 1, true) ~= nil)
check("... the state", e:find('** When server state == {', 1, true) ~= nil and e:find('count = 7', 1, true) ~= nil)
check("... the reason", e:find("bad cast xyz", 1, true) ~= nil)
check("... and a traceback", e:find("stack traceback:", 1, true) ~= nil)
local lines = 0
for line in e:gmatch("[^\n]+") do
  if line:find("^=SUPERVISOR REPORT====") then
    lines = lines + 1
    check("the supervisor report names the supervisor, the child, the reason, the new pid: " .. line,
      line:find("the_sup", 1, true) and line:find("'worker_1'", 1, true) and line:find("bad cast xyz", 1, true)
      and line:find("restarted as <0.%d+.0>"))
  end
end
check("one supervisor report line for one restart", lines == 1)
