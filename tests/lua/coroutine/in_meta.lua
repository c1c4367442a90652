-- coroutines resumed and created from inside metamethods, load'ed chunks
-- and library callbacks (no yield across the C boundary here)
-- __index backed by a generator
local gen = coroutine.wrap(function()
  local i = 0
  while true do i = i + 1; coroutine.yield("value" .. i) end
end)
local lazy = setmetatable({}, {__index = function(t, k) local v = gen(); rawset(t, k, v); return v end})
print(lazy.a, lazy.b, lazy.a, lazy.c)

-- __call that resumes a stored coroutine
local stepper = setmetatable({co = coroutine.create(function(x)
  while true do x = coroutine.yield(x * 2) end
end)}, {__call = function(self, v) return select(2, coroutine.resume(self.co, v)) end})
print(stepper(1), stepper(5), stepper(21))

-- __add that runs a whole coroutine to completion
local V = {}
V.__add = function(a, b)
  local co = coroutine.wrap(function()
    for i = 1, #a do coroutine.yield(a[i] + b[i]) end
  end)
  local r = {}
  for v in co do r[#r + 1] = v end
  return setmetatable(r, V)
end
local x = setmetatable({1, 2, 3}, V) + setmetatable({10, 20, 30}, V)
print(table.concat(x, " "))

-- __tostring whose result is produced by a coroutine (resumed, not yielded through)
local T = setmetatable({}, {__tostring = function()
  local co = coroutine.wrap(function() coroutine.yield("from"); coroutine.yield("co") end)
  return co() .. "-" .. co()
end})
print(tostring(T))

-- table.sort comparator that resumes a coroutine (no yield through sort)
local cmpco = coroutine.wrap(function(a, b)
  while true do a, b = coroutine.yield(a > b) end
end)
local arr = {3, 1, 4, 1, 5, 9, 2, 6}
table.sort(arr, function(a, b) return cmpco(a, b) end)
print(table.concat(arr, " "))

-- gsub callback that resumes a coroutine
local numbering = coroutine.wrap(function() local n = 0; while true do n = n + 1; coroutine.yield(n) end end)
print((string.gsub("a b c d", "%a", function(c) return c .. numbering() end)))

-- a chunk made by load that yields when run inside a coroutine
local chunk = load("local a = ...; local b = coroutine.yield(a + 1); return a + b")
local co = coroutine.create(chunk)
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 5))
-- a chunk with a vararg main function and yields in a loop
chunk = load("for i = 1, select('#', ...) do coroutine.yield((select(i, ...))) end return 'end'")
local out = {}
for v in coroutine.wrap(chunk), nil, nil do out[#out + 1] = tostring(v) end
print(table.concat(out, ","))
local w = coroutine.wrap(chunk)
print(w("a", "b"), w(), w())

-- coroutine created inside a __gc-free __close
do
  local res
  do
    local c <close> = setmetatable({}, {__close = function()
      res = coroutine.wrap(function() coroutine.yield("from close co") end)()
    end})
  end
  print(res)
end

-- pcall around resume of a coroutine whose body errors inside a metamethod
local bad = setmetatable({}, {__index = function() error("index failed") end})
co = coroutine.create(function() return bad.x end)
print(coroutine.resume(co))
