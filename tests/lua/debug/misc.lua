-- debug.getmetatable / setmetatable / getregistry / getuservalue /
-- setuservalue, and argument errors of the debug library.
-- metatables of any type, bypassing __metatable
local protected = setmetatable({}, { __metatable = "locked", __index = { x = 1 } })
print(getmetatable(protected), type(debug.getmetatable(protected)), debug.getmetatable(protected).__index.x)
print(pcall(setmetatable, protected, {}))
print(debug.setmetatable(protected, nil) == protected, getmetatable(protected))

-- metatables for basic types
print(debug.getmetatable(1), debug.getmetatable(nil), debug.getmetatable(print))
print(debug.getmetatable("").__index == string)
local nmt = { __index = function(n, k) return k .. "(" .. n .. ")" end,
              __call = function(n, a) return n * a end }
print(debug.setmetatable(10, nmt))
print((5).double, (2.5).half, (3)(4))
print(debug.getmetatable(1) == nmt, debug.getmetatable(1.5) == nmt)
debug.setmetatable(0, nil)
print(debug.getmetatable(1), pcall(function() return (5).x end))

-- booleans and nil
debug.setmetatable(true, { __tostring = function(b) return b and "YES" or "NO" end,
                           __len = function() return 42 end })
print(tostring(true), tostring(false), #true)
debug.setmetatable(false, nil)
print(tostring(true))
debug.setmetatable(nil, { __index = function(_, k) return "nil." .. k end })
local nothing
print(nothing.field)
debug.setmetatable(nil, nil)
print(pcall(function() return nothing.field end))

-- functions
debug.setmetatable(print, { __index = { kind = "function" }, __concat = function(a, b) return "f..f" end })
print(print.kind, (function() end).kind, print .. print)
debug.setmetatable(print, nil)

-- threads
local co = coroutine.create(function() end)
debug.setmetatable(co, { __index = { name = "a thread" } })
print(co.name, coroutine.running().name)
debug.setmetatable(co, nil)

-- errors
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.setmetatable, {}))
print(pcall(debug.getmetatable))
print(select("#", debug.getmetatable({})))

-- the registry
local reg = debug.getregistry()
print(type(reg), reg == debug.getregistry())
print(type(reg._LOADED), reg._LOADED == package.loaded)
print(reg[2] == _G)
print(type(reg[1]))

-- user values: only full userdata have them
print(debug.getuservalue(1), debug.getuservalue({}), debug.getuservalue(nil))
print(select("#", debug.getuservalue({})), select("#", debug.getuservalue(io.stdout)))
print(debug.getuservalue(io.stdout, 1))
print(debug.getuservalue(io.stdout, 2))
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, 1, 1))
print(pcall(debug.setuservalue, io.stdout, 1))
print(pcall(debug.setuservalue, io.stdout))
print(pcall(debug.getuservalue, io.stdout, "x"))
print(pcall(debug.getuservalue))

-- sethook / gethook argument handling
print(debug.gethook())
print(pcall(debug.sethook, 1, "c"))
print(pcall(debug.sethook, print))
print(debug.gethook())
debug.sethook()
print(pcall(debug.sethook, print, "c", "x"))
debug.sethook()
print(pcall(debug.gethook, 1))
print(debug.gethook(coroutine.create(print)))
local h = function() end
debug.sethook(h, "l", 0)
local f, m, c = debug.gethook()
print(f == h, m, c)
debug.sethook(h, "", 0)
print(debug.gethook())
debug.sethook(h, "xyzcr")
f, m, c = debug.gethook()
print(f == h, m, c)
debug.sethook()
print(debug.gethook())
