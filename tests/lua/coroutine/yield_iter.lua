-- yields from iterators of generic for loops
-- a stateless iterator that yields before each step
local function yiter(t, i)
  i = i + 1
  if t[i] == nil then return nil end
  coroutine.yield("step " .. i)
  return i, t[i]
end
local co = coroutine.wrap(function()
  local s = {}
  for i, v in yiter, {"a", "b", "c"}, 0 do s[#s + 1] = i .. v end
  return "done " .. table.concat(s, ",")
end)
for _ = 1, 4 do print(co()) end

-- a generator used as an iterator inside another coroutine
local function chars(s)
  return coroutine.wrap(function()
    for i = 1, #s do coroutine.yield(i, s:sub(i, i)) end
  end)
end
co = coroutine.wrap(function()
  for i, c in chars("hey") do coroutine.yield(c:upper() .. i) end
  return "end"
end)
print(co(), co(), co(), co())

-- __pairs that yields (pairs calls it in a resumable way)
local P = setmetatable({}, {__pairs = function(t)
  coroutine.yield("in __pairs")
  local i = 0
  return function()
    i = i + 1
    if i <= 3 then return i, i * i end
  end, t, nil
end})
co = coroutine.create(function()
  local s = {}
  for k, v in pairs(P) do s[#s + 1] = k .. "=" .. v end
  return table.concat(s, " ")
end)
print(coroutine.resume(co))
print(coroutine.resume(co))

-- the iterator is a callable table whose __call yields
local callable = setmetatable({n = 0}, {__call = function(self, _, ctl)
  coroutine.yield("call " .. self.n)
  self.n = self.n + 1
  if self.n <= 2 then return self.n end
end})
co = coroutine.wrap(function()
  local s = {}
  for v in callable do s[#s + 1] = v end
  return "got " .. table.concat(s, ",")
end)
print(co(), co(), co(), co())

-- the closing value (4th value) of a generic for is closed when a
-- coroutine suspended inside the loop is closed
local closed = {}
local function iter_with_close(n)
  local tbc = setmetatable({}, {__close = function(_, e) closed[#closed + 1] = "closed:" .. tostring(e) end})
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, tbc
end
co = coroutine.create(function()
  for i in iter_with_close(5) do coroutine.yield(i) end
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.close(co))
print(table.concat(closed, " "))

-- the loop ends normally: closed once
closed = {}
co = coroutine.wrap(function()
  for i in iter_with_close(2) do coroutine.yield(i) end
  return "end"
end)
print(co(), co(), co(), table.concat(closed, " "))

-- break out of the loop from inside a coroutine
closed = {}
co = coroutine.wrap(function()
  for i in iter_with_close(10) do
    if i == 2 then break end
    coroutine.yield(i)
  end
  coroutine.yield("after break " .. table.concat(closed, " "))
  return "end"
end)
print(co(), co(), co())

-- generators composed: filter(map(range))
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local function map(f, g) return coroutine.wrap(function() for v in g do coroutine.yield(f(v)) end end) end
local function filter(p, g) return coroutine.wrap(function() for v in g do if p(v) then coroutine.yield(v) end end end) end
local s = {}
for v in filter(function(x) return x % 3 == 0 end, map(function(x) return x * x end, range(20))) do s[#s + 1] = v end
print(table.concat(s, " "))

-- next() driven iteration with yields between steps (sorted keys)
local t = {x = 1, y = 2, z = 3}
co = coroutine.wrap(function()
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k; coroutine.yield() end
  table.sort(keys)
  return table.concat(keys)
end)
co(); co(); co()
print(co())
