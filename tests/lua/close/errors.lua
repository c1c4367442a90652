-- __close and errors: the error object is passed, errors in __close replace
-- the error being propagated, and every pending variable is still closed
local log = {}
local function C(name, fail)
  return setmetatable({}, {__close = function(_, e)
    log[#log + 1] = name .. "(" .. tostring(e) .. ")"
    if fail ~= nil then error(fail, 0) end
  end})
end
local function flush(tag, ...) print(tag, table.concat(log, " "), ...); log = {} end

-- the error object reaches every __close, innermost first
flush("string", pcall(function()
  local a <close> = C("a")
  local b <close> = C("b")
  error("E", 0)
end))
local obj = {}
local ok, e = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, err) log[#log + 1] = tostring(err == obj) end})
  error(obj)
end)
flush("table", ok, e == obj)
flush("nil error", pcall(function()
  local a <close> = C("a")
  error(nil)
end))
flush("runtime error", pcall(function()
  local a <close> = C("a")
  local x = nil
  return x.field
end))

-- an error in __close during normal exit becomes the error
flush("normal exit", pcall(function()
  local a <close> = C("a")
  local b <close> = C("b", "from b")
  return "not returned"
end))
-- the following __close methods see the new error
flush("chain", pcall(function()
  local a <close> = C("a")
  local b <close> = C("b", "from b")
  local c <close> = C("c", "from c")
end))
-- an error while an error propagates replaces it
flush("replace", pcall(function()
  local a <close> = C("a")
  local b <close> = C("b", "from b")
  error("original", 0)
end))
-- all pending variables still run even if each fails
flush("all fail", pcall(function()
  local a <close> = C("a", "ea")
  local b <close> = C("b", "eb")
  local c <close> = C("c", "ec")
  error("orig", 0)
end))
-- the error from __close in a nested function unwinds the caller too
local function inner()
  local x <close> = C("inner", "inner close error")
  return 1
end
flush("nested", pcall(function()
  local y <close> = C("outer")
  local v = inner()
  return "unreached", v
end))
-- an error with a position, raised by error() in __close with level 1
flush("position", pcall(function()
  local a <close> = setmetatable({}, {__close = function() error("positioned") end})
end))
-- runtime error inside __close
flush("runtime in close", pcall(function()
  local a <close> = setmetatable({}, {__close = function() local n = nil; return n + 1 end})
end))

-- xpcall: the handler sees the original error, __close runs after it
ok, e = xpcall(function()
  local a <close> = C("a")
  error("xp", 0)
end, function(m) log[#log + 1] = "handler(" .. m .. ")"; return "handled " .. m end)
flush("xpcall", ok, e)
-- xpcall with an error in __close: the handler is called again for it
ok, e = xpcall(function()
  local a <close> = C("a", "close err")
  error("xp", 0)
end, function(m) log[#log + 1] = "handler(" .. tostring(m) .. ")"; return "H:" .. tostring(m) end)
flush("xpcall close error", ok, e)

-- a __close error when nothing else failed, caught further out
local function level3() local z <close> = C("z", "deep close") end
local function level2() local y <close> = C("y"); level3(); return "l2" end
flush("levels", pcall(level2))

-- error values of other types from __close
flush("table from close", select('#', pcall(function() local a <close> = C("a", {}) end)))
flush("number from close", pcall(function() local a <close> = C("a", 42) end))
flush("false from close", pcall(function() local a <close> = C("a", false) end))

-- after all of this the state is sane
do local fine <close> = C("fine") end
flush("fine")
