-- Yields inside calls made by library C functions: lua5.4 makes them with
-- lua_call, so they cannot yield ("attempt to yield across a C-call
-- boundary") and coroutine.isyieldable() is false there; pcall, xpcall's
-- body, dofile and __pairs (lua_callk) stay yieldable, as do metamethods
-- run by Lua code.  Lurel follows (its C functions are still preemptible).
local function run(name, f, ...)
  local co = coroutine.create(f)
  local r = table.pack(coroutine.resume(co, ...))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  print(name, coroutine.status(co), table.concat(r, " ", 1, r.n))
end

local function yielder(...) return coroutine.yield(...) end
local obj = setmetatable({}, {__tostring = function() coroutine.yield("ts") return "OBJ" end})
local ylt = {__lt = function(a, b) coroutine.yield("lt") return a.v < b.v end}

run("sort", function() local t = {3, 1, 2} table.sort(t, yielder) return t[1] end)
run("sort pcall", function()
  local ok = pcall(table.sort, {1, 2, 3}, coroutine.yield)
  assert(coroutine.isyieldable())
  coroutine.yield(20)
  return ok
end)
run("sort isyieldable", function()
  local t, seen = {3, 1, 2}, nil
  table.sort(t, function(a, b) seen = coroutine.isyieldable() return a < b end)
  return seen, coroutine.isyieldable()
end)
run("gsub", function() return (string.gsub("a b", "%a", yielder)) end)
run("gsub isyieldable", function()
  return (string.gsub("a", ".", function(c) assert(not coroutine.isyieldable()) return c .. c end))
end)
run("gsub table __index", function()
  return (string.gsub("x", "%a", setmetatable({}, {__index = function(_, k) return yielder(k) end})))
end)
run("tostring", function() return tostring(obj) end)
run("print", function() print(obj) end)
run("format", function() return string.format("[%s]", obj) end)
run("load reader", function()
  local done = false
  return load(function() if done then return nil end done = true yielder("piece") return "return 1" end)
end)
run("handler", function()
  return xpcall(error, function(m) coroutine.yield("h") return m end, "E")
end)
run("handler isyieldable", function()
  return xpcall(error, function(m) return coroutine.isyieldable() end, "E")
end)
run("math.max __lt", function()
  return math.max(setmetatable({v = 1}, ylt), setmetatable({v = 2}, ylt)).v
end)
run("string arith", function()
  local t = setmetatable({}, {__add = function(a, b) return yielder("add") end})
  return "1" + t
end)
run("insert __newindex", function()
  local t = setmetatable({}, {__newindex = function(t, k, v) yielder("ni") rawset(t, k, v) end})
  table.insert(t, 1)
  return t[1]
end)
run("concat __index", function()
  local t = setmetatable({}, {__index = function(_, i) return yielder(i) end, __len = function() return 2 end})
  return table.concat(t)
end)
run("unpack __len", function()
  local t = setmetatable({}, {__len = function() return yielder("len") end})
  return table.unpack(t)
end)

-- still yieldable: pcall, xpcall's body, metamethods run by Lua code,
-- for iterators, __pairs, __close
run("pcall", function() return pcall(yielder, "in pcall") end)
run("xpcall body", function() return xpcall(yielder, print, "in xpcall") end)
run("lt from Lua", function() return setmetatable({v = 1}, ylt) < setmetatable({v = 2}, ylt) end)
run("__index from Lua", function()
  return setmetatable({}, {__index = function(_, k) return yielder(k) end}).key
end)
run("__pairs", function()
  for k in pairs(setmetatable({}, {__pairs = function(t) yielder("pairs") return next, {1} end})) do return k end
end)
run("for iterator", function() for k in function() return yielder("it") end do return k end end)
run("__close", function()
  local x <close> = setmetatable({}, {__close = function() yielder("close") end})
  return 1
end)
run("isyieldable main", coroutine.isyieldable)

-- the coroutine goes on after a refused yield
local co = coroutine.wrap(function()
  assert(not pcall(table.sort, {1, 2, 3}, coroutine.yield))
  assert(coroutine.isyieldable())
  coroutine.yield(20)
  return 30
end)
print(co(), co())

run("ipairs __index", function()
  local p = setmetatable({}, {__index = function(_, i) if i <= 2 then return yielder(i) end end})
  for _, v in ipairs(p) do return v end
end)
run("__len from Lua", function() return #setmetatable({}, {__len = function() return yielder("len") end}) end)
run("__concat from Lua", function() return "a" .. setmetatable({}, {__concat = function() return yielder("cat") end}) end)
run("__eq from Lua", function()
  local mt = {__eq = function() return yielder("eq") end}
  return setmetatable({}, mt) == setmetatable({}, mt)
end)
