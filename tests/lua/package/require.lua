-- require: package.loaded and the registry's loaded table, preload,
-- searchers (messages, odd return values), the loader's results and
-- arguments, errors in modules, and what require returns.
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))
local files = {}
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
  files[#files + 1] = dir .. "/" .. name
end
local function clean(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
package.path = dir .. "/?.lua"
package.cpath = dir .. "/?.so"

write("args.lua", "return { n = select('#', ...), ... }")
write("returns_nil.lua", "loaded_nil_ran = (loaded_nil_ran or 0) + 1")
write("returns_false.lua", "return false")
write("sets_itself.lua", "package.loaded[...] = 'set by the module'")
write("sets_and_returns.lua", "package.loaded[...] = 'set'; return 'returned'")
write("errors.lua", "error('module failed')")
write("errors_table.lua", "error({ code = 7 })")
write("cycle_a.lua", "local b = require('cycle_b'); return 'a sees ' .. tostring(b)")
write("cycle_b.lua", "return 'b sees ' .. tostring(package.loaded.cycle_a)")
write("multi.lua", "return 1, 2, 3")
write("runtime.lua", "local x = nil; return x.y")

-- the loader gets the name and the file name; require returns both
local m, extra = require("args")
print(m.n, m[1], clean(m[2]), clean(extra))
-- a second require returns only the module
print(select("#", require("args")), require("args") == m)

-- a module returning nothing is true, and runs once
print(require("returns_nil"), require("returns_nil"), loaded_nil_ran, package.loaded.returns_nil)
-- false is stored but not "loaded": the module runs again
print(require("returns_false"), package.loaded.returns_false)
print(select("#", require("returns_false")))
-- a module that sets package.loaded itself
print(require("sets_itself"), package.loaded.sets_itself)
print(require("sets_and_returns"), package.loaded.sets_and_returns)
print(require("multi"), package.loaded.multi)

-- errors inside the module propagate as they are
print(clean(select(2, pcall(require, "errors"))))
local ok, e = pcall(require, "errors_table")
print(ok, type(e), e.code)
print(clean(select(2, pcall(require, "runtime"))))
print(package.loaded.errors, package.loaded.runtime)

-- cycles see what is in package.loaded at the time
print(clean(require("cycle_a")), clean(select(2, require("cycle_a"))))

-- a name that is a number
write("42.lua", "return 'forty-two'")
print(clean(require(42)), clean(select(2, require(42))))
print(pcall(require))
print(pcall(require, {}))

-- not found: every searcher's message, C searchers included
print(clean(select(2, pcall(require, "no.such.mod"))))

-- the loaded table is the registry's: replacing package.loaded has no effect
local saved_loaded = package.loaded
package.loaded = {}
print(require("args") == m)
package.loaded = nil
print(require("args") == m)
package.loaded = saved_loaded

-- preload: the registry's table too
package.preload.pre = function(name, x) return "preloaded " .. name .. " " .. tostring(x) end
print(require("pre"))
local saved_preload = package.preload
package.preload = { other = function() return "never" end }
print(clean(select(2, pcall(require, "other"))))
package.preload = saved_preload
package.preload.other = function(...) return select("#", ...) end
print(require("other"))

-- searchers: custom ones, odd return values
local saved = package.searchers
package.searchers = {
  function(name) return nil end,
  function(name) return 42 end,
  function(name) return "custom message for " .. name end,
  function(name) return {} end,
  function(name) if name == "found" then return function(n, x) return "loader " .. n .. " " .. tostring(x) end end end,
  function(name) return false, "ignored" end,
}
print(pcall(require, "missing"))
print(require("found"))
package.searchers = { function(name) return function() return nil end, "data" end }
print(require("nilmodule"))
package.searchers = {}
print(pcall(require, "anything"))
package.searchers = { 1 }
print(pcall(require, "anything"))
package.searchers = { print, nil, function() error("unreached") end }
print(pcall(require, "holes"))
package.searchers = "not a table"
print(pcall(require, "anything"))
package.searchers = nil
print(pcall(require, "anything"))
package.searchers = setmetatable({}, { __index = function(t, i)
  if i == 1 then return function(name) return function() return "via __index" end end end
end })
print(pcall(require, "meta"))
package.searchers = saved

-- a searcher that errors
table.insert(package.searchers, 1, function(name) error("searcher failed for " .. name) end)
print(pcall(require, "whatever"))
table.remove(package.searchers, 1)

-- C modules: files that are not libraries
write("notlib.so", "this is not an ELF file")
write("empty.so", "")
print(clean(select(2, pcall(require, "notlib"))))
print(clean(select(2, pcall(require, "empty"))))
print(clean(select(2, pcall(require, "notlib.sub"))))
print(clean(select(2, pcall(require, "notlib-v2"))))

-- loadlib
print(package.loadlib("libnothing.so", "luaopen_x"))
print(package.loadlib("libnothing.so", "*"))
print(clean(select(2, package.loadlib(dir .. "/notlib.so", "luaopen_notlib"))))
print(package.loadlib("libm.so.6", "no_such_symbol_here"))
print(package.loadlib("libm.so.6", "*"))
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))

for _, f in ipairs(files) do os.remove(f) end
print(os.remove(dir))
