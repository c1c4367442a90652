-- infinite recursion is caught by pcall; only check that the message says so
local function inf(n) return 1 + inf(n + 1) end
local ok, err = pcall(inf, 1)
assert(not ok)
assert(type(err) == "string" and err:find("stack overflow", 1, true), err)
print("caught", ok, err:find("stack overflow", 1, true) ~= nil)
-- the interpreter keeps working afterwards
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
assert(depth(1000) == 1000)
print("recovered", depth(1000))
-- overflow through metamethods (goes through C): may be "C stack overflow"
local mt = {}
mt.__index = function(t, k) return t[k] end
ok, err = pcall(function() return setmetatable({}, mt).a end)
print("meta", ok, type(err) == "string" and err:find("stack overflow", 1, true) ~= nil)
-- overflow inside a nested pcall is caught by the inner pcall (frames with
-- many registers each, so the stack fills up after fewer calls)
local names = {}
for i = 1, 150 do names[i] = "v" .. i end
local fat = load("local f; f = function(n) local " .. table.concat(names, ", ") .. " = n; return f(n + 1) + 1 end; return f")()
ok, err = pcall(function()
  local ok2, err2 = pcall(fat, 1)
  return (not ok2) and err2:find("stack overflow", 1, true) ~= nil
end)
print("nested", ok, err)
-- an error object thrown during deep recursion passes through unchanged
local function deep(n) if n == 0 then error({ tag = "deep" }) end return deep(n - 1) + 0 end
ok, err = pcall(deep, 10000)
print("deep error", ok, err.tag)
