-- to-be-closed variables inside coroutines
local log = {}
local function C(name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. "(" .. tostring(e) .. ")" end})
end
local function flush(tag, ...) print(tag, table.concat(log, " "), ...); log = {} end

-- closed normally when the coroutine body ends
local co = coroutine.wrap(function()
  local a <close> = C("a")
  coroutine.yield(1)
  return 2
end)
co()
flush("suspended")
co()
flush("finished")

-- closed by coroutine.close, innermost first, across nested function calls
local function helper()
  local h <close> = C("helper")
  coroutine.yield("in helper")
end
co = coroutine.create(function()
  local outer <close> = C("outer")
  for i in function(_, c) if c < 3 then return c + 1 end end, nil, 0, C("for") do
    local body <close> = C("body" .. i)
    if i == 2 then helper() end
  end
end)
print(coroutine.resume(co))
flush("before close")
print(coroutine.close(co))
flush("after close")

-- a generator abandoned by break is not closed (only the for's closing
-- value is); closing it explicitly runs its variables
local gen = coroutine.create(function()
  local g <close> = C("generator")
  for i = 1, 10 do coroutine.yield(i) end
end)
for _, v in function() local ok, v = coroutine.resume(gen); if v then return true, v end end do
  if v == 3 then break end
end
flush("after break", coroutine.status(gen))
print(coroutine.close(gen))
flush("closed gen")

-- the generic for closes an iterator coroutine through its 4th value
local function values(t)
  local it = coroutine.create(function()
    local res <close> = C("iter-resource")
    for _, v in ipairs(t) do coroutine.yield(v) end
  end)
  return function()
    local ok, v = coroutine.resume(it)
    return v
  end, nil, nil, setmetatable({}, {__close = function() log[#log + 1] = "closing iterator"; coroutine.close(it) end})
end
for v in values({"x", "y", "z"}) do if v == "y" then break end end
flush("for-closed coroutine")
for v in values({"x"}) do end
flush("for-finished coroutine")

-- error inside the coroutine after yields: variables close only at close()
co = coroutine.create(function()
  local a <close> = C("a")
  coroutine.yield()
  local b <close> = C("b")
  error("co error", 0)
end)
coroutine.resume(co)
print(coroutine.resume(co))
flush("after error")
print(coroutine.close(co))
flush("after close")

-- a wrap that fails closes its variables before the error reaches the caller
local w = coroutine.wrap(function()
  local a <close> = C("wa")
  error("wrap error", 0)
end)
print(pcall(w))
flush("wrap error")

-- close() of a coroutine suspended inside a __close-protected pcall
co = coroutine.create(function()
  local ok = pcall(function()
    local p <close> = C("in pcall")
    coroutine.yield("suspended in pcall")
  end)
  log[#log + 1] = "never reached"
end)
print(coroutine.resume(co))
print(coroutine.close(co))
flush("pcall")

-- coroutine.close called from inside a __close of another coroutine
local victim = coroutine.create(function() local v <close> = C("victim"); coroutine.yield() end)
coroutine.resume(victim)
co = coroutine.create(function()
  local closer <close> = setmetatable({}, {__close = function() local r = coroutine.close(victim); log[#log + 1] = "closer:" .. tostring(r) end})
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
flush("close in close")

-- closing many suspended coroutines with variables
local cos = {}
for i = 1, 100 do
  cos[i] = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() log[#log + 1] = i end}); coroutine.yield() end)
  coroutine.resume(cos[i])
end
for i = 100, 1, -1 do coroutine.close(cos[i]) end
print(#log, log[1], log[100])
log = {}
