-- catching, wrapping and rethrowing errors through several layers
local function lowlevel(x)
  if x < 0 then error({ code = "NEG", value = x }) end
  if x == 0 then error("zero is not allowed") end
  return math.sqrt(x)
end
local function midlevel(x)
  local ok, err = pcall(lowlevel, x)
  if ok then return err end
  if type(err) == "table" then
    err.trace = (err.trace or "") .. "<mid"
    error(err, 0)
  end
  error("mid: " .. err, 0)
end
local function toplevel(x)
  local ok, err = pcall(midlevel, x)
  if ok then return "ok " .. err end
  if type(err) == "table" then return "table error " .. err.code .. " " .. err.value .. " " .. err.trace end
  return "string error: " .. (err:gsub("tests/lua/error/", ""):gsub("^mid: [^:]*:%d+: ", "mid: "))
end
print(toplevel(16))
print(toplevel(-4))
print(toplevel(0))
-- xpcall handler that decorates and a rethrow that keeps the object
local E = setmetatable({}, { __tostring = function() return "E!" end })
local ok, e = xpcall(function() error(E) end, function(m) return m end)
print(ok, e == E, tostring(e))
ok, e = pcall(function()
  local ok2, e2 = xpcall(function() error("inner") end, function(m) return { wrapped = m } end)
  error(e2)
end)
print(ok, type(e), (e.wrapped:gsub("^.-:%d+: ", "")))
-- error in a finally-like cleanup replaces the original error
local cleaned = false
local function with_cleanup(f, cleanup)
  local res = table.pack(pcall(f))
  cleanup()
  if not res[1] then error(res[2], 0) end
  return table.unpack(res, 2, res.n)
end
print(pcall(with_cleanup, function() return 1, 2 end, function() cleaned = true end), cleaned)
print(pcall(with_cleanup, function() error("body failed", 0) end, function() end))
print(pcall(with_cleanup, function() error("body failed", 0) end, function() error("cleanup failed", 0) end))
