local function e(f, ...) local ok, m = pcall(f, ...); assert(not ok); m = tostring(m):gsub("^.-:%d+: ", ""); print(m) end
-- length
e(function() return #5 end)
e(function() local b = false; return #b end)
e(function() return #print end)
e(function() local t = {}; return #t.x end)
-- for loop errors
e(function() for i = 1, "x" do end end)
e(function() for i = {}, 1 do end end)
e(function() for i = 1, 2, 0 do end end)
e(function() for i = 1.0, 2, 0.0 do end end)
e(function() for k in nil do end end)
e(function() for k, v in pairs(nil) do end end)
e(function() for k, v in ipairs() do end end)
-- concatenation with names
local tbl = {}
e(function() return "a" .. tbl.missing end)
e(function() local n; return n .. "a" end)
e(function() return "a" .. tbl end)
e(function() return 1 .. {} .. 2 end)
-- integer conversions
e(function() return 1 << 1.5 end)
e(function() local f = 2.5; return f // 0 | 1 end)
e(function() return ("x"):rep(1e100) end)
print(math.tointeger({}), math.tointeger("x"), math.tointeger(2^31))
-- string library errors
e(function() return ("%d"):format() end)
e(function() return string.format("%d") end)
e(function() return string.format("%10.1000f", 1) end)
e(function() return ("x"):find("(") end)
e(function() return ("x"):gsub("x", "%2") end)
e(function() return ("x"):gsub("x", true) end)
e(function() return string.rep("x", -1, {}) end)
-- table library errors
e(function() return table.insert(nil, 1) end)
e(function() return table.remove({}, 5) end)
e(function() return table.unpack({}, 1, 1e9) end)
e(function() return next({}, "x") end)
-- tostring/tonumber
e(function() return tostring() end)
print(pcall(table.remove, {}, 5))
print(tonumber("z", 36))
-- select / setmetatable / getmetatable / rawequal
e(function() return select() end)
e(function() return select(-5, 1) end)
e(function() return rawequal() end)
-- load errors
print(load(42))
e(function() return select(-5, 1) end)
print(load("return 1", "=name", "b"))
print(load("return 1", "=name", "x"))
