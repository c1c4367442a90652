-- package.path and cpath from LUA_PATH_5_4 / LUA_PATH (and the CPATH
-- ones), ";;" standing for the default, and -E: run in a child of the same
-- interpreter (arg[-1]).
local interp = arg[-1]
local script = os.tmpname()
local f = assert(io.open(script, "w"))
f:write([[
local function show(p)
  p = p:gsub("/usr/local/share/lua/5.4/%?%.lua;.-%./%?/init%.lua", "<LUA DEFAULT>")
  p = p:gsub("/usr/local/lib/lua/5.4/%?%.so;.-%./%?%.so", "<C DEFAULT>")
  return p
end
print("path: " .. show(package.path))
print("cpath: " .. show(package.cpath))
]])
f:close()

local function run(env, opts)
  local cmd = "env -u LUA_PATH -u LUA_PATH_5_4 -u LUA_CPATH -u LUA_CPATH_5_4 -u LUA_INIT -u LUA_INIT_5_4 "
    .. env .. " " .. interp .. " " .. (opts or "") .. " " .. script
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  print(string.format("[%s %s]", env, opts or ""))
  io.write(out)
  print(p:close())
end

run("")
run("LUA_PATH='/a/?.lua'")
run("LUA_PATH_5_4='/v54/?.lua' LUA_PATH='/plain/?.lua'")
run("LUA_PATH='/a/?.lua;;'")
run("LUA_PATH=';;/b/?.lua'")
run("LUA_PATH='/a/?.lua;;/b/?.lua'")
run("LUA_PATH=';;'")
run("LUA_PATH='/a/?.lua;;;;/c/?.lua'")
run("LUA_PATH=''")
run("LUA_CPATH='/c/?.so;;'")
run("LUA_CPATH_5_4='/c54/?.so' LUA_CPATH='/c/?.so'")
run("LUA_PATH='/a/?.lua' LUA_CPATH='/c/?.so'", "-E")

-- a module found through LUA_PATH
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
f = assert(io.open(dir .. "/envmod.lua", "w"))
f:write("return { where = 'from LUA_PATH', name = ... }")
f:close()
f = assert(io.open(script, "w"))
f:write("local m = require('envmod') print(m.where, m.name) print(pcall(require, 'absent_mod_q'))")
f:close()
local p = assert(io.popen("LUA_PATH='" .. dir .. "/?.lua' " .. interp .. " " .. script .. " 2>&1"))
print((p:read("a"):gsub(dir:gsub("%p", "%%%0"), "DIR")))
print(p:close())
-- -l loads a module into a global before the script
f = assert(io.open(script, "w"))
f:write("print(type(envmod), envmod and envmod.where)")
f:close()
p = assert(io.popen("LUA_PATH='" .. dir .. "/?.lua' " .. interp .. " -l envmod " .. script .. " 2>&1"))
io.write(p:read("a"))
print(p:close())
-- a missing -l module fails with status 1
p = assert(io.popen("LUA_PATH='" .. dir .. "/?.lua' " .. interp .. " -l no_such_envmod " .. script .. " 2>/dev/null"))
io.write(p:read("a"))
print(p:close())

os.remove(dir .. "/envmod.lua")
os.remove(dir)
os.remove(script)
