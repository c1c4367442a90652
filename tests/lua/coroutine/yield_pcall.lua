-- yields across pcall and xpcall, and from message handlers
local function gen(f, ...)
  local co = coroutine.create(f)
  local out = {}
  local args = table.pack(...)
  while true do
    local r = table.pack(coroutine.resume(co, table.unpack(args, 1, args.n)))
    args = {n = 0}
    out[#out + 1] = table.concat((function()
      local s = {}
      for i = 1, r.n do s[i] = tostring(r[i]) end
      return s
    end)(), ",")
    if coroutine.status(co) == "dead" then break end
  end
  return table.concat(out, " | ")
end

-- yield inside pcall
print(gen(function()
  local ok, v = pcall(function()
    local x = coroutine.yield(1)
    coroutine.yield(2)
    return "inner"
  end)
  return ok, v
end))

-- yield inside pcall, then an error caught by it
print(gen(function()
  print(pcall(function()
    coroutine.yield("a")
    error("after yield")
  end))
  coroutine.yield("b")
  return "end"
end))

-- nested pcalls with yields at each level
print(gen(function()
  return pcall(function()
    coroutine.yield("L1")
    local ok, e = pcall(function()
      coroutine.yield("L2")
      local ok2, e2 = pcall(function()
        coroutine.yield("L3")
        error("deep", 0)
      end)
      coroutine.yield(tostring(ok2) .. ":" .. e2)
      error("mid", 0)
    end)
    coroutine.yield(tostring(ok) .. ":" .. e)
    return "top"
  end)
end))

-- values passed in through resume while inside pcall
local co = coroutine.create(function(a)
  local ok, b, c = pcall(function(x)
    local y = coroutine.yield(x + 1)
    local z = coroutine.yield(y * 2)
    return y, z
  end, a)
  return ok, b, c
end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 100))
print(coroutine.status(co))

-- xpcall with a message handler, yield in the body
print(gen(function()
  return xpcall(function()
    coroutine.yield("x1")
    error("xerr", 0)
  end, function(m) return "handled: " .. m end)
end))

-- xpcall with extra arguments
print(gen(function()
  return xpcall(function(a, b)
    coroutine.yield(a + b)
    return a * b
  end, print, 6, 7)
end))

-- pcall of a C function that yields (coroutine.yield itself)
print(gen(function()
  local r = table.pack(pcall(coroutine.yield, "py1", "py2"))
  return r.n, r[1], r[2], r[3]
end))
co = coroutine.create(function() return pcall(coroutine.yield, 1, 2, 3) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "a", "b"))

-- pcall(pcall, coroutine.yield, ...)
co = coroutine.create(function() return pcall(pcall, coroutine.yield, "deep") end)
print(coroutine.resume(co))
print(coroutine.resume(co, "back"))

-- error thrown after resume inside a pcall: the coroutine survives
co = coroutine.wrap(function()
  for i = 1, 3 do
    local ok, e = pcall(function()
      local v = coroutine.yield(i)
      if v == "bad" then error("bad value " .. i, 0) end
      return v
    end)
    print("iter", i, ok, e)
  end
  return "finished"
end)
print(co())
print(co("good"))
print(co("bad"))
print(co("good"))

-- a yield across pcall inside a for loop inside a metamethod-free function
local results = {}
co = coroutine.wrap(function()
  for i = 1, 5 do
    local ok, v = pcall(coroutine.yield, i)
    results[#results + 1] = tostring(ok) .. "=" .. tostring(v)
  end
end)
co()
for i = 1, 5 do co(i * 10) end
print(table.concat(results, " "))

-- the error object and the status after an error crossed a yield in xpcall
co = coroutine.create(function()
  local t = {}
  local ok, e = xpcall(function()
    coroutine.yield()
    error(t)
  end, function(e) return e end)
  return ok, e == t
end)
coroutine.resume(co)
print(coroutine.resume(co))

-- errors in the handler: "error in error handling"-like results
co = coroutine.create(function()
  return xpcall(function() coroutine.yield("y"); error("first", 0) end,
    function(m) error("second", 0) end)
end)
print(coroutine.resume(co))
local r = table.pack(coroutine.resume(co))
print(r[1], r[2])
