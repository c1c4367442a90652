-- os.exit(code, close): the exit status (true -> 0, false -> 1, an
-- integer); with close = true the state is closed first: the main thread's
-- pending to-be-closed variables are closed (no pcall stops it; a
-- coroutine's are not), then every pending finalizer runs; without it
-- neither happens.  Buffered output is flushed either way.  Each case runs
-- in a child of the same interpreter (arg[-1] and its options).
local interp = arg[-1]
local i = -1
while arg[i - 1] do i = i - 1 end
interp = arg[i]
for j = i + 1, -1 do interp = interp .. " " .. arg[j] end
local script = os.tmpname()

local function run(title, code, opts)
  local f = assert(io.open(script, "w"))
  f:write(code)
  f:close()
  local p = assert(io.popen(interp .. " " .. (opts or "") .. " " .. script .. " 2>&1"))
  local out = p:read("a")
  local ok, how, st = p:close()
  print("-- " .. title)
  io.write(out)
  print(ok, how, st)
end

-- objects with finalizers, kept reachable so that no collection runs them
-- before the exit; and to-be-closed values that say when they close
local prelude = [[
local function gc(name) return setmetatable({}, {__gc = function() print("gc " .. name) end}) end
local function tbc(name, fail)
  return setmetatable({}, {__close = function(_, e)
    -- (the first line: lua5.4 runs lua.c's message handler on errors
    -- raised while closing, which appends a traceback)
    print("close " .. name, e and (tostring(e):match("^[^\n]*")))
    if fail then error(fail, 0) end
  end})
end
G1, G2 = gc("global 1"), gc("global 2")
local l1 = gc("local")
]]

for _, c in ipairs({ "true", "false", "0", "7", "255" }) do
  run("os.exit(" .. c .. ", true)", prelude .. [[
local a <close> = tbc("a")
do
  local b <close> = tbc("b")
  io.write("no newline")
  os.exit(]] .. c .. [[, true)
end
print("not reached")
]])
end

for _, c in ipairs({ "", "true", "false", "7", "7, false", "true, nil" }) do
  run("os.exit(" .. c .. ") closes nothing", prelude .. [[
local a <close> = tbc("a")
io.write("pending output")
io.stdout:write(" and more")
os.exit(]] .. c .. [[)
print("not reached")
]])
end

run("no pcall stops it; closed innermost first", prelude .. [[
local a <close> = tbc("a")
print(pcall(function()
  local b <close> = tbc("b")
  print(xpcall(function()
    local c <close> = tbc("c")
    os.exit(3, true)
  end, function(m) print("handler", m) return m end))
  print("after xpcall")
end))
print("not reached")
]])

run("inside a coroutine: only the main thread's variables close", prelude .. [[
local a <close> = tbc("main a")
local co = coroutine.wrap(function()
  local c <close> = tbc("in coroutine")
  coroutine.yield()
  os.exit(4, true)
end)
co()
local b <close> = tbc("main b")
co()
print("not reached")
]])

run("an error in a __close goes to the next ones", prelude .. [[
local a <close> = tbc("a")
local b <close> = tbc("b", "boom b")
local c <close> = tbc("c")
local d <close> = tbc("d", "boom d")
os.exit(true, true)
]])

run("a finalizer that errors does not stop the others", [[
A = setmetatable({}, {__gc = function() print("gc A") end})
B = setmetatable({}, {__gc = function() print("gc B") error("in gc") end})
C = setmetatable({}, {__gc = function() print("gc C") end})
os.exit(0, true)
]])

run("files are flushed and closed", [[
local name = ]] .. string.format("%q", script .. ".out") .. [[
local f = assert(io.open(name, "w"))
f:write("written, not closed")
io.write("stdout tail")
os.exit(true, true)
]])
do
  local f = assert(io.open(script .. ".out"))
  print("file holds:", f:read("a"))
  f:close()
  os.remove(script .. ".out")
end

run("without close, a file's buffer is still flushed", [[
local name = ]] .. string.format("%q", script .. ".out") .. [[
local f = assert(io.open(name, "w"))
f:write("still written")
os.exit(2)
]])
do
  local f = assert(io.open(script .. ".out"))
  print("file holds:", f:read("a"))
  f:close()
  os.remove(script .. ".out")
end

run("a finalizer runs while closing, even one set during __close", prelude .. [[
local a <close> = setmetatable({}, {__close = function()
  print("closing a")
  G3 = gc("made in __close")
end})
os.exit(6, true)
]])

run("os.exit(c, true) in a finalizer at the end: the other finalizers still run", [[
A = setmetatable({}, {__gc = function() print("gc A") end})
B = setmetatable({}, {__gc = function() print("gc B, exiting") os.exit(3, true) end})
C = setmetatable({}, {__gc = function() print("gc C") end})
print("end of script")
]])

run("the status is checked before anything closes", prelude .. [[
local a <close> = tbc("a")
print(pcall(os.exit, "x", true))
print(pcall(os.exit, 2.5, true))
os.exit(1, true)
]])

-- nothing after the exit runs: later -e chunks neither
print("-- later -e options do not run")
local p = assert(io.popen(interp .. [[ -e "x = setmetatable({}, {__gc = function() print('gc x') end}) os.exit(3, true)" -e "print('second chunk')" 2>&1]]))
io.write(p:read("a"))
print(p:close())

os.remove(script)
