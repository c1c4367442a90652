-- package.searchpath, package.config, and the default searchers' messages.
print(package.config)
local sep, psep, mark, edir, ign = package.config:match("^(.-)\n(.-)\n(.-)\n(.-)\n(.-)\n$")
print(sep, psep, mark, edir, ign)
print(type(package.path), type(package.cpath), #package.searchers)

local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir .. "/sub/deep"))
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end
write("alpha.lua", "return 'alpha'")
write("sub/deep/beta.lua", "return 'beta'")
write("sub/init.lua", "return 'sub init'")
write("dots.x.lua", "return 'dots'")

local path = dir .. "/?.lua;" .. dir .. "/?/init.lua"
local function rel(p) return p and (p:gsub("^" .. dir:gsub("%p", "%%%0"), "DIR")) end

-- found
print(rel(package.searchpath("alpha", path)))
print(rel(package.searchpath("sub.deep.beta", path)))
print(rel(package.searchpath("sub", path)))
-- '.' replaced by the separator by default, or by another string, or not at all
print(rel(package.searchpath("sub.deep.beta", path, ".", "/")))
print(rel(package.searchpath("dots.x", path, "")))
print(rel(package.searchpath("dots.x", path, "", "")))
print(rel(package.searchpath("sub_deep_beta", path, "_", "/")))
print(rel(package.searchpath("sub.deep.beta", path, "e")))
-- not found: each tried name in the message
local r, msg = package.searchpath("missing.mod", path)
print(r, rel(msg:gsub(dir:gsub("%p", "%%%0"), "DIR")))
r, msg = package.searchpath("x", "")
print(r, msg)
r, msg = package.searchpath("x", ";;")
print(r, msg)
r, msg = package.searchpath("x", "no_mark_here")
print(r, msg)
r, msg = package.searchpath("a.b", "/nonexistent/?.lua;/nonexistent/?/?.so")
print(r, msg)
-- every '?' is replaced
print(rel(package.searchpath("alpha", dir .. "/?.lua;" .. dir .. "/?/?.lua")))
-- errors
print(pcall(package.searchpath))
print(pcall(package.searchpath, "x"))
print(pcall(package.searchpath, "x", {}))
print(pcall(package.searchpath, "x", "p", {}))
print(pcall(package.searchpath, "x", "p", ".", {}))
-- numbers are strings here
print(package.searchpath(12, "/nonexistent/?.lua"))

-- the searchers themselves
local pre, lua_s, c_s, croot = table.unpack(package.searchers)
print(type(pre), type(lua_s), type(c_s), type(croot))
print(pre("not_preloaded_anything"))
package.preload.pp = function(...) return select("#", ...), ... end
local loader, extra = pre("pp")
print(type(loader), extra)
print(loader("pp", extra))
package.preload.pp = nil

local oldpath = package.path
package.path = path
local l2, file = lua_s("sub.deep.beta")
print(type(l2), rel(file), l2("sub.deep.beta", file))
print(rel(select(1, lua_s("nope")):gsub(dir:gsub("%p", "%%%0"), "DIR")))
package.path = oldpath

local oldcpath = package.cpath
package.cpath = dir .. "/?.so"
print(rel(select(1, c_s("nope")):gsub(dir:gsub("%p", "%%%0"), "DIR")))
print(rel(select(1, croot("a.b")):gsub(dir:gsub("%p", "%%%0"), "DIR")))
print(croot("nodots"))
package.cpath = oldcpath

-- a syntax error in a module found on the path
write("broken.lua", "return {")
package.path = path
local ok, err = pcall(require, "broken")
print(ok, rel(err:gsub(dir:gsub("%p", "%%%0"), "DIR")))
package.path = oldpath

-- path must be a string
package.path = 42
print(pcall(require, "never_there_xyz"))
package.path = nil
print(pcall(require, "never_there_xyz"))
package.path = oldpath

for _, f in ipairs({ "alpha.lua", "sub/deep/beta.lua", "sub/init.lua", "dots.x.lua", "broken.lua" }) do
  assert(os.remove(dir .. "/" .. f))
end
assert(os.remove(dir .. "/sub/deep"))
assert(os.remove(dir .. "/sub"))
assert(os.remove(dir))
