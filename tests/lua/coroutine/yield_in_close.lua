-- yields inside __close methods run at block exit, return, break, and
-- during error unwinding
local log = {}
local function yc(name)
  return setmetatable({}, {__close = function(_, e)
    local r = coroutine.yield("closing " .. name .. " e=" .. tostring(e))
    log[#log + 1] = name .. "<-" .. tostring(r)
  end})
end
local function drive(f)
  local co = coroutine.create(f)
  local out = {}
  local i = 0
  local r = table.pack(coroutine.resume(co))
  while coroutine.status(co) == "suspended" do
    out[#out + 1] = tostring(r[2])
    i = i + 1
    r = table.pack(coroutine.resume(co, i))
  end
  out[#out + 1] = "end:" .. tostring(r[1]) .. "," .. tostring(r[2]) .. "," .. tostring(r[3])
  return table.concat(out, " | ")
end

print(drive(function()
  do local a <close> = yc("a") end
  return "after block"
end))
print(drive(function()
  local a <close> = yc("a")
  local b <close> = yc("b")
  return "ret", "vals"
end))
print(drive(function()
  for i = 1, 3 do
    local x <close> = yc("loop" .. i)
    if i == 2 then break end
  end
  return "after loop"
end))
print(drive(function()
  local i = 0
  ::top::
  do
    local g <close> = yc("goto" .. i)
    i = i + 1
    if i < 3 then goto top end
  end
  return i
end))
-- a __close that yields, in a function called by the coroutine body
print(drive(function()
  local function inner()
    local c <close> = yc("inner")
    return "inner result"
  end
  local r = inner()
  return r
end))
-- tail position: the return values survive the yield in __close
print(drive(function()
  local c <close> = yc("tail")
  return select(2, "a", "b", "c")
end))
print(table.concat(log, " "))

-- error unwinding through pcall: the __close runs with the error
log = {}
print(drive(function()
  local ok, e = pcall(function()
    local c <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "closed with " .. tostring(e) end})
    error("boom", 0)
  end)
  return ok, e
end))
print(table.concat(log, " "))

-- the generic for's closing value yields when the loop ends
log = {}
print(drive(function()
  local s = 0
  for i in function(_, i) i = i + 1; if i <= 3 then return i end end, nil, 0, yc("forclose") do s = s + i end
  return s
end))
print(table.concat(log, " "))

-- yield inside a __close run while pcall unwinds an error, and one run by
-- coroutine.close after the coroutine died (the latter cannot yield)
local co = coroutine.create(function()
  local ok, e = pcall(function()
    local c <close> = setmetatable({}, {__close = function(_, e) print("in close", e); coroutine.yield("y"); print("after") end})
    error("boom", 0)
  end)
  return ok, e
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
co = coroutine.create(function()
    local c <close> = setmetatable({}, {__close = function(_, e) print("in close", e); coroutine.yield("y"); print("after") end})
    error("boom", 0)
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.close(co))
