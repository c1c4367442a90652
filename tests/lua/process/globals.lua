-- lurel-only
-- Each process has its own globals; references to the sender's globals and
-- library tables arrive as the receiver's own; `local P = process`
-- captured by a spawned closure works
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- a global set here is not seen by a process spawned afterwards
SHARED_NAME = "main's value"
P.spawn(function(parent)
  P.send(parent, {"child sees", SHARED_NAME == nil, rawget(_G, "SHARED_NAME") == nil})
end, me)
local m = P.receive({"child sees"})
ok(m[2] and m[3], "a child does not see the parent's globals")

-- a global set in a child is not seen here
local c = P.spawn(function(parent)
  CHILD_GLOBAL = 42
  _G.OTHER = "x"
  P.send(parent, {"set", CHILD_GLOBAL, _G.OTHER})
  P.receive()
end, me)
m = P.receive({"set"})
ok(m[2] == 42 and m[3] == "x", "the child set its globals")
ok(CHILD_GLOBAL == nil and OTHER == nil, "the parent does not see them")
P.send(c, "done")

-- two children with the same global name keep their own values
local function keeper(parent, v)
  VALUE = v
  P.send(parent, "set")
  P.receive("tell")
  P.send(parent, {"value", v, VALUE})
end
local k1 = P.spawn(keeper, me, "one")
local k2 = P.spawn(keeper, me, "two")
P.receive("set"); P.receive("set")
P.send(k1, "tell"); P.send(k2, "tell")
for i = 1, 2 do
  local r = P.receive({"value"})
  assert(r[2] == r[3], "each child kept its own VALUE")
end
ok(true, "two processes with the same global name keep their own values")

-- a closure that uses a global reads the receiver's globals
GREETING = "hello from main"
local greet = function() return GREETING end
P.spawn(function(parent, f)
  local before = f()
  GREETING = "hello from child"
  P.send(parent, {"greet", before, f()})
end, me, greet)
m = P.receive({"greet"})
ok(m[2] == nil, "a global read by a sent closure is the receiver's (nil there at first)")
ok(m[3] == "hello from child", "... and follows the receiver's assignments")
ok(GREETING == "hello from main", "the sender's global is unchanged")

-- calling a global function that only the sender defined fails in the receiver
function only_in_main() return "main" end
local uses = function() return only_in_main() end
P.spawn(function(parent, f)
  local okc, err = pcall(f)
  P.send(parent, {"call", okc, err})
end, me, uses)
m = P.receive({"call"})
ok(m[2] == false and tostring(m[3]):find("only_in_main", 1, true), "the sender's global function does not exist in the receiver: " .. tostring(m[3]))

-- a reference to the sender's _G arrives as the receiver's own _G
P.spawn(function(parent)
  local msg = P.receive()
  P.send(parent, {"G", msg.g == _G, msg.g.print == print, rawequal(msg.g, _G), msg.g.MAIN_ONLY})
end, me)
MAIN_ONLY = "main-only"
local pid = P.list()[#P.list()]
P.send(pid, {g = _G})
m = P.receive({"G"})
ok(m[2] and m[3] and m[4], "a sent _G is the receiver's own _G")
ok(m[5] == nil, "... and has none of the sender's globals")
ok(roundtrip == nil, "(sanity: no leaks of locals)")

-- library tables arrive as the receiver's own instances
P.spawn(function(parent)
  local msg = P.receive()
  P.send(parent, {"libs",
    msg.string == string, msg.table == table, msg.math == math, msg.process == process,
    msg.os == os, msg.coroutine == coroutine, msg.utf8 == utf8, msg.loaded == package.loaded,
    msg.string.upper("abc")})
end, me)
pid = P.list()[#P.list()]
P.send(pid, {string = string, table = table, math = math, process = process, os = os,
             coroutine = coroutine, utf8 = utf8, loaded = package.loaded})
m = P.receive({"libs"})
for i = 2, 9 do assert(m[i] == true, "library " .. i) end
ok(m[10] == "ABC", "string, table, math, process, os, coroutine, utf8 and package.loaded arrive as the receiver's own")

-- `local P = process` captured by a spawned closure
local captured = P
local pid2 = process.spawn(function(parent)
  captured.send(parent, {"captured", captured == process, captured.self() == process.self()})
end, me)
m = P.receive({"captured"})
ok(m[2] and m[3], "a captured `local P = process` is the child's own process library")

-- changes to a library table stay in the process that made them
function string.shout(s) return s:upper() .. "!" end
string.len = function() return -1 end
P.spawn(function(parent)
  P.send(parent, {"strlib", string.shout == nil, string.len("abc"), ("abc"):len()})
end, me)
m = P.receive({"strlib"})
ok(m[2] == true, "a function added to string here is not in the child's string")
ok(m[3] == 3 and m[4] == 3, "replacing string.len here does not affect the child")
ok(("hey"):shout() == "HEY!" and string.len("x") == -1, "our own changes are in force here")
string.len = nil
string.len = rawget(string, "len") or function(s) return #s end

-- a child changes its libraries and its _G metatable: no effect here
P.spawn(function(parent)
  table.insert = nil
  math.pi = 3
  setmetatable(_G, {__index = function(_, k) return "dflt-" .. k end})
  P.send(parent, {"changed", UNDEFINED_THING})
end, me)
m = P.receive({"changed"})
ok(m[2] == "dflt-UNDEFINED_THING", "the child's _G metatable works there")
ok(UNDEFINED_THING == nil and getmetatable(_G) == nil, "... and not here")
ok(type(table.insert) == "function" and math.pi > 3.14, "the child's library changes do not show here")

-- each process's globals behave like lua5.4's
P.spawn(function(parent)
  local n = 0
  for k, v in pairs(_G) do n = n + 1 end
  P.send(parent, {"pairs", n > 10, rawget(_G, "print") == print, _G._G == _G,
                  type(_G.process) == "table", _VERSION})
end, me)
m = P.receive({"pairs"})
ok(m[2] and m[3] and m[4] and m[5], "pairs(_G), rawget(_G, 'print'), _G._G in a child")
ok(m[6] == "Lua 5.4", "_VERSION in a child")

-- package.loaded and require per process
P.spawn(function(parent)
  package.loaded.mymod = {v = "child"}
  P.send(parent, {"loaded", require("mymod").v})
end, me)
m = P.receive({"loaded"})
ok(m[2] == "child" and package.loaded.mymod == nil, "package.loaded is per process")

-- many processes, each with its own copy of a global counter
local N = 50
for i = 1, N do
  P.spawn(function(parent, i)
    COUNTER = (COUNTER or 0) + i
    P.send(parent, {"counter", i, COUNTER})
  end, me, i)
end
local all = true
for i = 1, N do
  local r = P.receive({"counter"})
  if r[2] ~= r[3] then all = false end
end
ok(all, "50 processes each start with fresh globals")

print("globals: all done")
