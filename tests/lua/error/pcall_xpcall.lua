-- pcall returns true plus all results
print(pcall(function(...) return ... end, 1, nil, 3))
print(select("#", pcall(function() end)))
print(pcall(math.max, 3, 9, 4))
-- pcall of non-functions
print(pcall(42))
print(pcall(nil))
print(pcall({}))
print(pcall(pcall))
print(pcall(pcall, error, "e"))
-- callable tables work with pcall
local c = setmetatable({}, { __call = function(self, x) return "called", x end })
print(pcall(c, "arg"))
-- xpcall: handler receives the error value
local function handler(m) return "handled: " .. tostring(m) end
print(xpcall(function() error("boom", 0) end, handler))
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function() return "fine", 2 end, handler))
print(xpcall(function(a, b) return a + b end, handler, 3, 4))
print(xpcall(function(a, b) return a + b end, handler, 3))
-- handler can return multiple values
print(xpcall(error, function(e) return 1, 2, e end, "E"))
-- handler gets runtime errors with positions
print(xpcall(function() local t; return t.x end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
-- the handler runs before unwinding (can call other functions)

print(xpcall(function() error("x") end, function(m) return "ok", m:match("x$") end))
-- error inside the handler
print(xpcall(function() error("x") end, function(m) error("in handler") end))
-- nested pcall/xpcall
print(pcall(function()
  local ok, e = xpcall(function() error("inner", 0) end, function(m) return m .. "+h" end)
  error(e .. "+outer", 0)
end))
-- xpcall argument errors
print(pcall(xpcall))
print(pcall(xpcall, print))
print(pcall(xpcall, print, nil))
-- status booleans and multiple returns through nested pcalls
print(pcall(pcall, pcall, error, "deep"))
