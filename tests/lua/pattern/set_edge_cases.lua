local function all(s, p) local r = {} for x in s:gmatch(p) do r[#r + 1] = x end return table.concat(r, "|") end
local s = "a-z]^%[x]09_"
print(all(s, "[a-z]"), all(s, "[%a-]"), all(s, "[a%-z]"), all(s, "[]a]"))
print(all(s, "[^%]]"), all(s, "[%^]"), all(s, "[%%]"), all(s, "[%[]"), all(s, "[%]%[]"))
print(all(s, "[%d_]"), all(s, "[^%w]"), all(s, "[0-9a]"), all(s, "[9-0]"))
print(all("A-Z", "[%u-]"), all("a+b", "[+]"), all("a.b", "[.]"), all("a*b", "[*]"))
print(all("-a-", "[-]"), all("-a-", "[a-]"), all("x-y", "[x-]"), all("]x", "[]]"))
print(all("abc", "[%a][%a]"), all("abc", "[^%A]"), all("a1!", "[%W]"), all("tab\t", "[%S]+"))
print(pcall(string.find, "x", "[%"), pcall(string.find, "x", "[a%"))
