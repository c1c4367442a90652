-- print with many arguments and unusual strings
local args = {}
for i = 1, 40 do args[i] = i % 3 == 0 and i / 2 or i end
print(table.unpack(args))
print("embedded\0zero", "tab\there", "")
print(string.rep("long-", 200))
print(nil, false, 0, -0.0, "", " ")
local t = {}
for i = 1, 10 do t[i] = setmetatable({}, { __tostring = function() return "<" .. i .. ">" end }) end
print(table.unpack(t))
print((" "):rep(3) .. "|")
