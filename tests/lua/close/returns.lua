-- return values survive the __close calls; "return f()" in a function with
-- pending variables is not a tail call
local log = {}
local function C(name, f)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name; if f then f() end end})
end
local function flush(tag, ...) print(tag, table.concat(log, " "), ...); log = {} end

local function manyvals()
  local a <close> = C("a")
  return 1, nil, "three", nil
end
flush("values", select('#', manyvals()), manyvals())

-- the returned table can be changed by __close (same object), locals cannot
local function modify()
  local t = {n = 1}
  local x <close> = C("x", function() t.n = 2; t = {n = 3} end)
  return t
end
flush("modify", modify().n)

-- return of a call: the callee runs before the variables are closed
local function callee() log[#log + 1] = "callee"; return "from callee" end
local function notail()
  local a <close> = C("a")
  return callee()
end
flush("order", notail())

-- the frame of the function is still there when the callee runs
local function where() return debug.traceback("tb", 1) end
local function holder()
  local h <close> = C("h")
  return where()
end
local tb = holder()
print(tb:find("holder", 1, true) ~= nil or tb:find("local 'holder'", 1, true) ~= nil, select(2, tb:gsub("\n", "")) >= 3)
log = {}

-- deep non-tail recursion with a variable in each frame
local depth = 0
local function rec(n)
  local r <close> = C(n == 0 and "last" or nil)
  depth = depth + 1
  if n == 0 then return 0 end
  return rec(n - 1) + 1
end
print(rec(1000), depth, #log)
log = {}

-- varargs returned through a function with a pending variable
local function va(...)
  local v <close> = C("va")
  return ...
end
flush("varargs", select('#', va(nil, nil, nil)), va(1, 2, 3))

-- method returning self with a close
local obj = {name = "obj"}
function obj:get()
  local c <close> = C("method")
  return self, self.name
end
local o, n = obj:get()
flush("method", o == obj, n)

-- a __close that yields nothing back and errors nothing leaves results intact,
-- including many results
local function big()
  local c <close> = C("big")
  local t = {}
  for i = 1, 300 do t[i] = i end
  return table.unpack(t)
end
local r = table.pack(big())
flush("300 results", r.n, r[1], r[300])

-- nil and false values in the middle of other variables
local function mixed()
  local a <close> = C("a")
  local b <close> = nil
  local c <close> = false
  local d <close> = C("d")
  return "mixed"
end
flush("nil/false", mixed())
