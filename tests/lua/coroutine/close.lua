-- coroutine.close: on every status, with pending to-be-closed variables
local function mkclose(name, log)
  return setmetatable({}, {__close = function(o, e)
    log[#log + 1] = name .. ":" .. tostring(e)
  end})
end

-- a new (never resumed) coroutine
local co = coroutine.create(function() end)
print(coroutine.close(co), coroutine.status(co))
print(coroutine.resume(co))
-- a dead coroutine
co = coroutine.create(function() return 1 end)
coroutine.resume(co)
print(coroutine.close(co), coroutine.status(co))
print(coroutine.close(co))
-- a dead coroutine that failed: close returns false and the error, once
co = coroutine.create(function() error("failed") end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.close(co))
co = coroutine.create(function() error({1, 2}) end)
coroutine.resume(co)
local ok, e = coroutine.close(co)
print(ok, type(e), e and e[2])

-- a suspended coroutine without tbc variables
co = coroutine.create(function() coroutine.yield(1); print("never") end)
coroutine.resume(co)
print(coroutine.close(co), coroutine.status(co))
print(coroutine.resume(co))

-- a suspended coroutine with pending tbc variables: closed in reverse order
local log = {}
co = coroutine.create(function()
  local a <close> = mkclose("a", log)
  local b <close> = mkclose("b", log)
  do
    local c <close> = mkclose("c", log)
    coroutine.yield("in c")
  end
  coroutine.yield("after c")
  print("never")
end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(table.concat(log, " "))
print(coroutine.status(co), coroutine.resume(co))

log = {}
co = coroutine.create(function()
  local a <close> = mkclose("a", log)
  do
    local c <close> = mkclose("c", log)
    coroutine.yield("in c")
  end
  local b <close> = mkclose("b", log)
  coroutine.yield("after c")
end)
coroutine.resume(co)
coroutine.resume(co)
print(table.concat(log, " "))
print(coroutine.close(co))
print(table.concat(log, " "))

-- an error in __close: close returns false and that error
log = {}
co = coroutine.create(function()
  local a <close> = mkclose("a", log)
  local bad <close> = setmetatable({}, {__close = function(_, e)
    log[#log + 1] = "bad:" .. tostring(e)
    error("close failed", 0)
  end})
  local b <close> = mkclose("b", log)
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
print(table.concat(log, " "))
print(coroutine.status(co))
print(coroutine.close(co))

-- two __close errors: the last one wins, and each sees the previous
log = {}
co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e)
    log[#log + 1] = "x:" .. tostring(e); error("x-err", 0) end})
  local y <close> = setmetatable({}, {__close = function(_, e)
    log[#log + 1] = "y:" .. tostring(e); error("y-err", 0) end})
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
print(table.concat(log, " "))

-- an error object that is a table, from __close
co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error({msg = "tbl"}) end})
  coroutine.yield()
end)
coroutine.resume(co)
ok, e = coroutine.close(co)
print(ok, type(e), e.msg)

-- closing a coroutine suspended inside pcall: pcall does not stop the closing
log = {}
co = coroutine.create(function()
  local a <close> = mkclose("outer", log)
  print(pcall(function()
    local b <close> = mkclose("inner", log)
    coroutine.yield("in pcall")
  end))
  print("never")
end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(table.concat(log, " "))

-- close the running coroutine / a normal coroutine: errors
co = coroutine.create(function()
  print(pcall(coroutine.close, coroutine.running()))
  local inner = coroutine.create(function(outer)
    print(pcall(coroutine.close, outer))
  end)
  coroutine.resume(inner, coroutine.running())
  return "fine"
end)
print(coroutine.resume(co))

-- a coroutine closed from inside another coroutine
log = {}
local victim = coroutine.create(function()
  local v <close> = mkclose("victim", log)
  coroutine.yield()
end)
coroutine.resume(victim)
co = coroutine.wrap(function()
  print("closing from co", coroutine.close(victim))
  coroutine.yield()
end)
co()
print(table.concat(log, " "), coroutine.status(victim))

-- __close that yields while the coroutine is being closed by coroutine.close
log = {}
co = coroutine.create(function()
  local a <close> = mkclose("a", log)
  coroutine.yield(1)
end)
coroutine.resume(co)
print(coroutine.close(co))
-- values of closed upvalues survive closing
local getter
co = coroutine.create(function()
  local x = 10
  getter = function() return x end
  coroutine.yield()
  x = 20
end)
coroutine.resume(co)
coroutine.close(co)
print(getter())
-- a wrap whose coroutine we cannot reach: the generator is simply dropped
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen())
gen = nil
collectgarbage()
print("done")
