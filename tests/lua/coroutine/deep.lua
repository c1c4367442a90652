-- coroutines resuming coroutines: 150 levels work, 250 fail with
-- "C stack overflow" (lua5.4 counts 200 C levels; from the main chunk the
-- 198th nested resume is the first to fail)
local function nest(n)
  if n == 0 then return "bottom" end
  local co = coroutine.create(function() return nest(n - 1) end)
  local ok, v = coroutine.resume(co)
  if not ok then return "err:" .. tostring(v) end
  return v
end
for _, n in ipairs{1, 10, 100, 150, 197, 198, 250, 1000} do print(n, nest(n)) end

-- the same through wrap: the error travels up through every level, each
-- adding its position
local function nestw(n)
  if n == 0 then return "bottom" end
  local r = coroutine.wrap(function() local r = nestw(n - 1); return r end)()
  return r
end
for _, n in ipairs{150, 250} do
  local ok, e = pcall(nestw, n)
  print(n, ok, (tostring(e):gsub("^.*: ", "")))
end

-- 150 levels of suspended coroutines, each holding the next, resumed in turn
local depth = 150
local function chain(n)
  return coroutine.create(function()
    if n == 0 then
      for i = 1, 3 do coroutine.yield("leaf " .. i) end
      return "leaf done"
    end
    local child = chain(n - 1)
    while true do
      local ok, v = coroutine.resume(child)
      if coroutine.status(child) == "dead" then return v end
      coroutine.yield(v)
    end
  end)
end
local top = chain(depth)
repeat
  local ok, v = coroutine.resume(top)
  print(ok, v)
until coroutine.status(top) == "dead"

-- after an overflow everything still works
print(nest(5))
print(coroutine.resume(coroutine.create(function() return "fine" end)))

-- deep recursion inside one coroutine is limited only by the Lua stack
local function rec(n) if n == 0 then return coroutine.yield("deep") end return rec(n - 1) end
local co = coroutine.create(rec)
print(coroutine.resume(co, 10000))
print(coroutine.resume(co, "back"))
local function rec2(n) if n == 0 then coroutine.yield("deep2") return 0 end return 1 + rec2(n - 1) end
co = coroutine.create(rec2)
print(coroutine.resume(co, 10000))
print(coroutine.resume(co))
-- infinite recursion inside a coroutine: a stack overflow error, coroutine dead
local function inf(n) return 1 + inf(n) end
co = coroutine.create(inf)
local ok, e = coroutine.resume(co, 1)
print(ok, (tostring(e):gsub("^.-:%d+: ", "")), coroutine.status(co))
