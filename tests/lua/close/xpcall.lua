-- to-be-closed variables under xpcall: the message handler runs for the
-- original error and again for each error raised by a __close
local log = {}
local function C(name, fail)
  return setmetatable({}, {__close = function(_, e)
    log[#log + 1] = name .. "(" .. tostring(e) .. ")"
    if fail ~= nil then error(fail, 0) end
  end})
end
local function flush(tag, ...) print(tag, table.concat(log, " "), ...); log = {} end
local n = 0
local function H(m) n = n + 1; log[#log+1] = "H" .. n .. "(" .. tostring(m) .. ")"; return "h" .. n end
flush("two fail", xpcall(function()
  local a <close> = C("a", "ea")
  local b <close> = C("b", "eb")
  error("orig", 0)
end, H))
n = 0
flush("normal exit fail", xpcall(function()
  local a <close> = C("a", "ea")
  local b <close> = C("b")
  return 1
end, H))
n = 0
flush("nested", xpcall(function()
  local a <close> = C("a", "ea")
  local ok, e = xpcall(function()
    local b <close> = C("b", "eb")
    error("inner", 0)
  end, function(m) log[#log+1] = "inner-H(" .. m .. ")"; return "IH" end)
  log[#log+1] = "inner result " .. tostring(ok) .. " " .. tostring(e)
  error("outer", 0)
end, H))
flush("pcall in xpcall", xpcall(function()
  local ok, e = pcall(function()
    local a <close> = C("a", "ea")
    error("orig", 0)
  end)
  return ok, e
end, H))
n = 0
flush("close error no xpcall", pcall(function()
  local a <close> = C("a", "ea")
  local b <close> = C("b", "eb")
  error("orig", 0)
end))
-- traceback handler sees the __close frame
local ok, tb = xpcall(function()
  local a <close> = setmetatable({}, {__close = function() error("in close") end})
  error("first")
end, debug.traceback)
print(ok, tb:match("^[^\n]*"))
