-- The level below the main chunk (lua.c's C function that runs it, shown as
-- "[C]: in ?" in tracebacks) exists for debug.getinfo; its locals are not
-- compared (lua5.4 shows lua.c's own stack there).
local function depth() local l = 0 while debug.getinfo(l) do l = l + 1 end return l end
print(depth())
print(pcall(depth))
print(coroutine.wrap(depth)())
print(coroutine.wrap(function() return pcall(depth) end)())
local function lvl(n) if n == 0 then return depth() end return (lvl(n - 1)) end
print(lvl(5))
print(debug.getinfo(2, "f").func ~= nil)
print(pcall(debug.getlocal, 2, 100))
print(debug.traceback("x", 1))
print(debug.traceback("x", 2))
print(debug.traceback("x", 3))
local function lv() local r = {} for l = 1, 5 do local i = debug.getinfo(l, "Sln") if not i then break end r[#r+1] = tostring(i.name) .. "@" .. i.short_src .. ":" .. i.currentline .. ":" .. i.what .. ":" .. tostring(i.namewhat) end return table.concat(r, " ") end
print(lv())
print(pcall(lv))
print(select(2, xpcall(lv, debug.traceback)))
local t = setmetatable({}, {__index = function() return lv() end})
print(t.x)
print(string.gsub("a", "a", function() return lv() end))
