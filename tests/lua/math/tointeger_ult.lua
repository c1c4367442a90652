local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = (math.type(t[i]) or type(t[i])) .. ":" .. tostring(t[i]) end return table.concat(t, " ") end
print(show(math.tointeger(3), math.tointeger(3.0), math.tointeger(3.5), math.tointeger(-0.0), math.tointeger(2^53)))
print(show(math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(math.huge), math.tointeger(0 / 0)))
print(show(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("x"), math.tointeger({}), math.tointeger(true)))
print(pcall(math.tointeger))
-- ult: unsigned comparison
print(math.ult(1, 2), math.ult(2, 1), math.ult(-1, 1), math.ult(1, -1), math.ult(0, -1), math.ult(-1, -1))
print(math.ult(math.maxinteger, math.mininteger), math.ult(math.mininteger, math.maxinteger), math.ult(0, 0))
assert(math.ult(1, -1) and not math.ult(-1, 1))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1))
print(math.ult(1.0, 2), math.ult("1", 2))
-- sorting unsigned with ult
local vals = { 5, -1, 0, math.mininteger, math.maxinteger, -100, 100 }
table.sort(vals, math.ult)
print(table.concat(vals, " "))
