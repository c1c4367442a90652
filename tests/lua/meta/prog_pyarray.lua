-- A Python-like list: negative indices, bounds-checked assignment, slicing
-- via __call, append, __len, __concat, __eq, __tostring and __pairs.
local List = {}
local methods = {}
local function idx(self, i, allow_end)
  local n = rawget(self, "n")
  if math.type(i) ~= "integer" then error("list index must be an integer", 3) end
  if i < 0 then i = n + i + 1 end
  if i < 1 or i > n + (allow_end and 1 or 0) then error("list index out of range", 3) end
  return i
end
List.__index = function(self, k)
  if type(k) == "number" then return rawget(self, "items")[idx(self, k)] end
  return methods[k]
end
List.__newindex = function(self, k, v)
  if type(k) ~= "number" then error("cannot set field '" .. tostring(k) .. "'", 2) end
  rawget(self, "items")[idx(self, k)] = v
end
List.__len = function(self) return rawget(self, "n") end
List.__call = function(self, i, j)
  local n = #self
  i = i or 1; j = j or n
  if i < 0 then i = n + i + 1 end
  if j < 0 then j = n + j + 1 end
  local r = List.new()
  for k = math.max(i, 1), math.min(j, n) do r:append(self[k]) end
  return r
end
List.__concat = function(a, b) local r = a() for k = 1, #b do r:append(b[k]) end return r end
List.__eq = function(a, b)
  if #a ~= #b then return false end
  for k = 1, #a do if a[k] ~= b[k] then return false end end
  return true
end
List.__tostring = function(self)
  local parts = {}
  for k = 1, #self do parts[k] = tostring(self[k]) end
  return "[" .. table.concat(parts, ", ") .. "]"
end
List.__pairs = function(self)
  local k = 0
  return function() k = k + 1; if k <= #self then return k, self[k] end end, self, nil
end
function List.new(...)
  local self = setmetatable({ items = {}, n = 0 }, List)
  for _, v in ipairs({ ... }) do self:append(v) end
  return self
end
function methods.append(self, v) local n = rawget(self, "n") + 1; rawset(self, "n", n); rawget(self, "items")[n] = v; return self end
function methods.pop(self)
  local n = rawget(self, "n")
  if n == 0 then error("pop from empty list", 2) end
  local v = rawget(self, "items")[n]
  rawget(self, "items")[n] = nil
  rawset(self, "n", n - 1)
  return v
end
function methods.map(self, f) local r = List.new() for _, v in pairs(self) do r:append(f(v)) end return r end

local l = List.new(10, 20, 30, 40, 50)
print(l, #l, l[1], l[-1], l[-2])
l[-1] = 55
l:append(60)
print(l, l(2, 4), l(-3), l(nil, 2))
print(l .. List.new("x", "y"), l == List.new(10, 20, 30, 40, 55, 60), l(1, 2) == List.new(10, 21))
print(l:map(function(v) return v // 10 end), l:pop(), #l)
local sum = 0
for k, v in pairs(l) do sum = sum + k * v end
print("weighted sum", sum)
local function e(f) local ok, m = pcall(f); print(ok, (tostring(m):gsub("^.-:%d+: ", ""))) end
e(function() return l[100] end)
e(function() return l[1.5] end)
e(function() l[0] = 1 end)
e(function() l.field = 1 end)
e(function() local empty = List.new(); empty:pop() end)
