-- lurel-only
-- Crash reports: a process that ends by an uncaught error (or by
-- max_heap_size) prints a report on stderr with its pid, registered name,
-- the error and a traceback; the VM lives on.  Other ends print nothing.
-- Runs child VMs (this same lurel binary) and reads their output.
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local lurel = arg and arg[-1]
assert(lurel, "arg[-1] (the interpreter) is needed")
local i = -1
while arg[i - 1] do i = i - 1 end
lurel = arg[i]
for j = i + 1, -1 do lurel = lurel .. " " .. arg[j] end

local function run(src, redirect)
  local name = os.tmpname()
  local f = assert(io.open(name, "w"))
  f:write(src)
  f:close()
  local p = assert(io.popen(lurel .. " " .. name .. " " .. redirect))
  local out = p:read("a")
  local _, _, code = p:close()
  os.remove(name)
  return out, code, name
end

-- an uncaught error in a spawned process
local src = [[
local P = process
local pid, ref = P.spawn_monitor(function()
  local function inner() error("kaboom-123") end
  inner()
end)
local d = P.receive({"DOWN", ref})
print("main saw", d[5])
print("main done")
]]
local all, code, name = run(src, "2>&1")
ok(code == 0, "the VM lives on after a crash (status 0)")
ok(all:find("kaboom-123", 1, true) ~= nil, "the report has the error message")
ok(all:find("<0.2.0>", 1, true) ~= nil, "the report names the pid <0.2.0>")
ok(all:find("traceback", 1, true) ~= nil, "the report has a traceback")
ok(all:find("inner", 1, true) ~= nil, "the traceback names the function")
ok(all:find(name .. ":3:", 1, true) ~= nil, "the report has the error position")
ok(all:find("main done", 1, true) ~= nil, "the main process went on")
local out = run(src, "2>/dev/null")
ok(out:find("kaboom-123", 1, true) ~= nil and out:find("main saw", 1, true) ~= nil, "stdout has the main process's output")
ok(out:find("traceback", 1, true) == nil, "the report is on stderr, not stdout")
local err = run(src, "2>&1 >/dev/null")
ok(err:find("kaboom-123", 1, true) and err:find("<0.2.0>", 1, true), "stderr has the report")

-- a registered process: the name is in the report
all, code = run([[
local P = process
local pid, ref = P.spawn_monitor(function() P.receive() error("named-crash") end)
P.register("my_server", pid)
P.send(pid, "go")
P.receive({"DOWN", ref})
print("main done")
]], "2>&1")
ok(code == 0 and all:find("my_server", 1, true) and all:find("named-crash", 1, true), "the report names the registered name")

-- a non-string error value
all, code = run([[
local P = process
local pid, ref = P.spawn_monitor(function() error({"bad", {code = 1}, 2.5, true}) end)
P.receive({"DOWN", ref})
pid, ref = P.spawn_monitor(function() error(42) end)
P.receive({"DOWN", ref})
print("main done")
]], "2>&1")
ok(code == 0 and all:find('{"bad", {code = 1}, 2.5, true}', 1, true) and all:find("main done", 1, true), "a table error value is reported with its contents")
ok(all:find("crashed:\n42\n", 1, true), "a number error value is reported as the number")

-- an error object with __tostring: the report uses it; one that never
-- returns is given up, and the VM goes on
all, code = run([[
local P = process
local obj = setmetatable({}, {__tostring = function() return "custom-error-object" end})
local pid, ref = P.spawn_monitor(function() error(obj) end)
P.receive({"DOWN", ref})
local loop = setmetatable({}, {__tostring = function() while true do end end})
pid, ref = P.spawn_monitor(function() error(loop) end)
P.receive({"DOWN", ref})
print("main done")
]], "2>&1")
ok(code == 0 and all:find("custom-error-object", 1, true), "the report shows an error object through __tostring")
ok(all:find("main done", 1, true), "a __tostring that never returns does not hold up the VM")

-- max_heap_size
all, code = run([[
local P = process
local pid, ref = P.spawn_opt(function()
  local t = {}
  for i = 1, 1e8 do t[i] = {i} end
end, {max_heap_size = 1024 * 1024, monitor = true})
local d = P.receive({"DOWN", ref})
print("reason", d[5])
print("main done")
]], "2>&1")
ok(code == 0, "the VM lives on after max_heap_size")
local report = all:gsub("reason\tmax_heap_size", "")
ok(report:find("max_heap_size", 1, true) and all:find("<0.2.0>", 1, true), "max_heap_size prints a crash report")

-- no report for a normal end, exit(reason), kill, or an exit signal
all, code = run([[
local P = process
local me = P.self()
local refs = {}
local function watch(f) local p, r = P.spawn_monitor(f) refs[#refs + 1] = r return p end
watch(function() end)
watch(function() P.exit("quiet-exit") end)
watch(function() P.exit({"shutdown", "x"}) end)
local k = watch(function() P.receive() end)
local s = watch(function() P.receive() end)
P.exit(k, "kill")
P.exit(s, "shutdown")
for _, r in ipairs(refs) do P.receive({"DOWN", r}) end
print("main done")
]], "2>&1")
ok(code == 0 and all == "main done\n", "no crash report for normal end, exit, kill or exit signals: " .. string.format("%q", all))

-- a crash in the main process: lua5.4-style report, status 1
all, code = run([[
local P = process
P.spawn(function() P.receive() end)
error("main-crash")
]], "2>&1")
ok(code == 1 and all:find("main-crash", 1, true), "a crash of the main process: status 1 and the error on stderr")

-- many crashes: the VM lives on
all, code = run([[
local P = process
local refs = {}
for i = 1, 100 do local p, r = P.spawn_monitor(function(i) error("crash-" .. i) end, i) refs[i] = r end
for i = 1, 100 do P.receive({"DOWN", refs[i]}) end
print("main done")
]], "2>&1")
local n = 0
for _ in all:gmatch("crash%-%d+") do n = n + 1 end
ok(code == 0 and n >= 100 and all:find("main done", 1, true), "100 crashes, 100 reports, the VM lives on")

print("crash_report: all done")
