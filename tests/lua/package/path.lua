-- package.path, package.searchers and package.preload set by the program
-- are the ones require uses
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end
write("pmod_a.lua", "local name = ... ; return { name = name, value = 42 }")
write("pmod_b.lua", "counter = (counter or 0) + 1; return counter")

local old = package.path
package.path = dir .. "/?.lua;" .. package.path
local a = require("pmod_a")
print(a.name, a.value, require("pmod_a") == a, package.loaded.pmod_a == a)
print(require("pmod_b"), require("pmod_b"), counter)
print(select(2, require("pmod_a")) == nil, (select(2, package.searchpath("pmod_a", package.path)) == nil))

-- a path without the directory: not found, and the message lists it
package.path = "/nonexistent/?.lua"
local ok, err = pcall(require, "pmod_c")
print(ok, (err:gsub("\t", "  ")))
package.path = old

-- preload wins over the path
package.preload.pmod_d = function(name, extra) return { from = "preload", name = name, extra = extra } end
local d = require("pmod_d")
print(d.from, d.name, d.extra)

-- a searcher added by the program
table.insert(package.searchers, 2, function(name)
  if name:match("^virtual%.") then
    return function(n, x) return { virtual = n, x = x } end, "extra-" .. name
  end
  return "\n\tno virtual module '" .. name .. "'"
end)
local v = require("virtual.thing")
print(v.virtual, v.x)
ok, err = pcall(require, "surely_missing_module_xyz")
print(ok, err:find("no virtual module 'surely_missing_module_xyz'", 1, true) ~= nil)

os.remove(dir .. "/pmod_a.lua")
os.remove(dir .. "/pmod_b.lua")
os.remove(dir)
