-- lurel-only
-- Modules and processes: a module table in a message or a spawned closure
-- arrives as the receiver's own instance (loaded there on demand); a
-- spawned process starts with its parent's package.path; compiled module
-- code is shared, module state is not.
local P = process
local me = P.self()

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end
write("lm_counter.lua", [[
loads = (loads or 0) + 1
local M = { n = 0, loads = loads }
function M.bump() M.n = M.n + 1; return M.n end
return M
]])
write("lm_broken.lua", "error('cannot load me')")

package.path = dir .. "/?.lua;" .. package.path
local counter = require("lm_counter")
counter.bump(); counter.bump()
ok(counter.n == 2, "the sender's instance counts 2")

-- a spawned process finds the module through the inherited path
P.spawn(function()
  P.send(me, {path = package.path, n = require("lm_counter").bump()})
end)
local r = P.receive()
ok(r.path == package.path, "a spawned process starts with its parent's package.path")
ok(r.n == 1, "the child's module state is its own (first bump gives 1)")

-- grandchildren inherit it too
P.spawn(function()
  P.spawn(function() P.send(me, package.path) end)
end)
ok(P.receive() == package.path, "the path is inherited through two spawns")

-- a module table in a message is the receiver's instance
local pid = P.spawn(function()
  while true do
    local msg = P.receive()
    if msg == "stop" then break end
    P.send(me, {
      same = msg.mod == require("lm_counter"),
      n = msg.mod.n,
      bumped = msg.mod.bump(),
      nested = msg.list[1][1] == require("lm_counter"),
      twice = msg.list[1][1] == msg.mod,
    })
  end
end)
P.send(pid, {mod = counter, list = {{counter}}})
r = P.receive()
ok(r.same, "a module in a message is the receiver's require() result")
ok(r.n == 0 and r.bumped == 1, "with the receiver's own state")
ok(r.nested and r.twice, "also when nested, and every reference is the same table")
ok(counter.n == 2, "the sender's instance is untouched")
P.send(pid, {mod = counter, list = {{counter}}})
r = P.receive()
ok(r.same and r.bumped == 2, "a second message maps to the same instance (loaded once)")
P.send(pid, "stop")

-- a closure capturing the module: the upvalue is the child's instance
P.spawn(function() P.send(me, {counter.n, counter.bump(), counter.loads}) end)
r = P.receive()
ok(r[1] == 0 and r[2] == 1, "a captured module is the child's instance")
ok(r[3] == 1, "the module chunk ran once in the child (its own globals)")

-- a preloaded module is the sender's own: copied like any table
package.preload.lm_pre = function() return {x = 7} end
local pre = require("lm_pre")
P.spawn(function(t) P.send(me, {x = t.x, pre = package.loaded.lm_pre}) end, pre)
r = P.receive()
ok(r.x == 7 and r.pre == nil, "a preloaded module is copied, not loaded in the receiver")

-- a plain table is still copied even if it has the same contents
local plain = {n = 0}
P.spawn(function(t) P.send(me, t == require("lm_counter")) end, plain)
ok(P.receive() == false, "an ordinary table is not taken for a module")

-- a module that cannot load in the receiver arrives as nil
local broken_ok = pcall(require, "lm_broken")
ok(not broken_ok, "lm_broken fails to load")
-- fake it: a module table whose file the receiver cannot load
package.loaded.lm_gone = nil
write("lm_gone.lua", "return {gone = false}")
local gone = require("lm_gone")
os.remove(dir .. "/lm_gone.lua")
P.spawn(function(t) P.send(me, {t = t[1], n = select("#", t)}) end, {gone})
r = P.receive()
ok(r.t == nil, "a module the receiver cannot load arrives as nil")

os.remove(dir .. "/lm_counter.lua")
os.remove(dir .. "/lm_broken.lua")
os.remove(dir)
print("modules: all done")
