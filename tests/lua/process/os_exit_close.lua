-- lurel-only
-- os.exit(code, true) in a process other than the main one ends the whole
-- VM with that status, after closing the calling process as lua_close
-- closes a state: its main thread's to-be-closed variables are closed (no
-- pcall stops it), its finalizers run; no other process runs meanwhile and
-- the other processes' finalizers do not run.  Without close nothing of
-- that runs.  In the shell it ends the command the same way.  Runs child
-- VMs (this same lurel binary) and reads their output.
local lurel = arg[-1]
local i = -1
while arg[i - 1] do i = i - 1 end
lurel = arg[i]
for j = i + 1, -1 do lurel = lurel .. " " .. arg[j] end

local failed = 0
local function check(cond, what)
  if cond then print("ok: " .. what)
  else failed = failed + 1; print("FAIL: " .. what) end
end

local script = os.tmpname()
local function run(src, opts, input)
  local f = assert(io.open(script, "w"))
  f:write(src)
  f:close()
  local cmd = lurel .. " " .. (opts or "") .. " " .. script .. " 2>&1"
  if input then cmd = "printf '" .. input .. "' | " .. lurel .. " -i 2>&1" end
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local _, _, code = p:close()
  return out, code
end

local child = [[
local P = process
MAINGC = setmetatable({}, {__gc = function() print("main gc") end})
P.spawn(function()
  -- a busy process and one that would print if it ran after the exit
  while true do P.yield() end
end)
local me = P.self()
local late = P.spawn(function() P.receive("print") print("late process ran") end)
local pid = P.spawn(function()
  G = setmetatable({}, {__gc = function() print("child gc") end})
  local a <close> = setmetatable({}, {__close = function(_, e) print("child close a", e) P.send(late, "print") end})
  local co = coroutine.wrap(function()
    local c <close> = setmetatable({}, {__close = function() print("coroutine close") end})
    P.send(me, "ready")
    P.receive("go")
    io.write("unflushed ")
    print(pcall(os.exit, CODE, CLOSE))
  end)
  co()
  print("child not reached")
end)
P.receive("ready")
P.send(pid, "go")
P.receive("never")
print("main not reached")
]]

local out, code = run((child:gsub("CODE", "9"):gsub("CLOSE", "true")))
check(code == 9, "os.exit(9, true) in a child: status 9 (got " .. tostring(code) .. ")")
check(out:find("unflushed child close a\tnil\n", 1, true), "the child's to-be-closed variable closed, output flushed")
check(out:find("child gc", 1, true), "the child's finalizer ran")
check(not out:find("coroutine close", 1, true), "a coroutine's to-be-closed variable is not closed (as lua_close)")
check(not out:find("late process ran", 1, true), "no other process runs after os.exit")
check(not out:find("main gc", 1, true), "the main process's finalizers do not run")
check(not out:find("not reached", 1, true), "nothing after the exit runs")
check(out:find("child close a") < out:find("child gc"), "closed before finalized")

out, code = run((child:gsub("CODE", "true"):gsub("CLOSE", "true")))
check(code == 0, "os.exit(true, true) in a child: status 0")
out, code = run((child:gsub("CODE", "false"):gsub("CLOSE", "true")))
check(code == 1, "os.exit(false, true) in a child: status 1")

out, code = run((child:gsub("CODE", "5"):gsub("CLOSE", "false")))
check(code == 5, "os.exit(5, false) in a child: status 5")
check(out == "unflushed ", "without close nothing closes or finalizes, output flushed (got " .. string.format("%q", out) .. ")")

-- a second os.exit while closing exits at once with its own status
out, code = run([[
local P = process
G = setmetatable({}, {__gc = function() print("gc not run") end})
local pid = P.spawn(function()
  local a <close> = setmetatable({}, {__close = function() print("closing") os.exit(12) end})
  os.exit(11, true)
end)
P.receive("never")
]])
check(code == 12 and out == "closing\n", "os.exit in a __close of os.exit(c, true) exits at once")

-- the closing process's finalizers may use processes: it still runs
-- alone, so a reply never comes and a receive timeout ends the wait
out, code = run([[
local P = process
local echo = P.spawn(function() local m = P.receive() P.send(m, "echo") end)
G = setmetatable({}, {__gc = function()
  P.send(echo, P.self())
  print("gc receive", P.receive(50))
end})
os.exit(3, true)
]])
check(code == 3 and out == "gc receive\tnil\n", "nothing else runs while finalizers run (got " .. string.format("%q", out) .. ")")

-- os.exit(c, true) from a finalizer of a process that ended: the
-- remaining finalizers still run
out, code = run([[
local P = process
local pid, ref = P.spawn_monitor(function()
  A = setmetatable({}, {__gc = function() print("child gc A") end})
  B = setmetatable({}, {__gc = function() print("child gc B") os.exit(4, true) end})
end)
P.receive({"DOWN", ref})
print("main not reached")
]])
check(code == 4 and out == "child gc B\nchild gc A\n", "os.exit(c, true) in a finalizer: the other finalizers run (got " .. string.format("%q", out) .. ")")

-- in the shell
out, code = run("", nil, 'do local x <close> = setmetatable({}, {__close=function() print("closed") end}) G = setmetatable({}, {__gc=function() print("gc") end}) os.exit(4, true) end\\nprint("AFTER-MARK")\\n')
check(code == 4, "os.exit(4, true) in the shell: status 4 (got " .. tostring(code) .. ")")
check(out:find("closed\ngc\n", 1, true) and not out:find("AFTER-MARK", 1, true), "the shell closes and finalizes, then nothing more runs")
out, code = run("", nil, 'G = setmetatable({}, {__gc=function() print("gc") end}) os.exit(6)\\nprint("AFTER-MARK")\\n')
check(code == 6 and not out:find("gc", 1, true) and not out:find("AFTER-MARK", 1, true), "os.exit(6) in the shell: status 6, no finalizer")

os.remove(script)
if failed > 0 then error(failed .. " checks failed") end
