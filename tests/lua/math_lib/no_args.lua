-- Library functions called without arguments, and errors raised through
-- tail calls and method calls (names and positions as lua5.4 gives them).
for _, n in ipairs{"abs","ceil","floor","sqrt","sin","cos","tan","asin","acos","atan","exp","log","deg","rad","tointeger","type","modf","fmod","max","min","ult","pow","frexp","ldexp","log10","cosh","sinh","tanh"} do
  local f = math[n]
  print(n, pcall(function() return f() end))
end
for _, n in ipairs{"concat","insert","move","remove","sort","unpack"} do
  local f = table[n]
  print(n, pcall(function() return f() end))
end
local function tc() return table.insert({}, 1, 2, 3) end
print(pcall(tc))
local function ts() return table.sort({3, 2, 1, 4}, function() return true end) end
print(pcall(ts))
print(pcall(function() local t = {} ; t.sort = table.sort; t:sort() end))
print(pcall(function() local t = {3, 1, 2} ; t.sort = table.sort; t:sort(5) end))
print(pcall(function() local m = {} ; m.x = math.floor; m:x() end))
print(math.type(math.random()), math.type((math.randomseed())), table.pack().n)
