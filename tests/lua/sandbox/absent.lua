-- lurel-only
-- lurel-args: --sandbox
-- Each removed function is absent (nil), not a stub: through globals, raw
-- access, traversal, package.loaded and require; in spawned processes too.
local removed_globals = {"ffi", "io", "loadfile", "dofile"}
local removed_os = {"execute", "remove", "rename", "exit", "getenv", "tmpname"}

local function check()
  for _, n in ipairs(removed_globals) do
    assert(_G[n] == nil and rawget(_G, n) == nil, n)
  end
  for _, n in ipairs(removed_os) do
    assert(os[n] == nil and rawget(os, n) == nil, "os." .. n)
  end
  assert(package.loadlib == nil and package.searchpath == nil)
  assert(package.loaded.io == nil and package.loaded.ffi == nil)
  assert(package.loaded.string == string and package.loaded.bigint == bigint)
  -- require: preloaded and built-in modules only
  assert(#package.searchers == 1)
  assert(require("string") == string and require("bigint") == bigint)
  local ok, e = pcall(require, "io")
  assert(not ok and e:find("module 'io' not found", 1, true))
  ok, e = pcall(require, "tests.lua.sandbox.absent")
  assert(not ok and not e:find("no file", 1, true))       -- no file was even looked for
  package.preload.mymod = function() return {x = 1} end
  assert(require("mymod").x == 1)
  -- debug: traceback only
  local keys = {}
  for k in pairs(debug) do keys[#keys + 1] = k end
  assert(#keys == 1 and keys[1] == "traceback", table.concat(keys, ","))
  assert(type(debug.traceback()) == "string")
  -- load: text yes, binary no
  assert(load("return 1 + 1")() == 2)
  local f, m = load("\27Lua binary")
  assert(f == nil and m:find("attempt to load a binary chunk", 1, true))
  f, m = load("\27Lua binary", "x", "b")
  assert(f == nil and m:find("attempt to load a binary chunk", 1, true))
  -- traversal never shows them
  for k in pairs(_G) do
    for _, n in ipairs(removed_globals) do assert(k ~= n, k) end
  end
  for k in pairs(os) do
    for _, n in ipairs(removed_os) do assert(k ~= n, "os." .. k) end
  end
  for k in pairs(package.loaded) do assert(k ~= "io" and k ~= "ffi", k) end
  -- what stays
  assert(os.time() > 0 and os.clock() >= 0 and os.date("%Y") and os.difftime(2, 1) == 1)
  assert(type(print) == "function" and type(process.spawn) == "function")
  assert(bigint(2) ^ 64 == bigint("18446744073709551616"))
  return true
end

assert(check())
-- a process spawned by a sandboxed one is sandboxed too
local P = process
local self = P.self()
P.spawn(function() P.send(self, {pcall(check)}) end)
local r = P.receive()
assert(r[1] == true, tostring(r[2]))
print("ok")
