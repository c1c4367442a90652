-- errors raised inside metamethods propagate to the caller
local function m(f) local ok, e = pcall(f); return ok, (tostring(e):gsub("^.-:%d+: ", "")) end
local mt = {
  __index = function(t, k) error("no key " .. tostring(k)) end,
  __newindex = function(t, k) error("read only " .. tostring(k)) end,
  __add = function(a, b) error("cannot add") end,
  __call = function(self, x) error("call failed with " .. tostring(x)) end,
  __eq = function() error("eq failed") end,
  __lt = function() error("lt failed") end,
  __len = function() error("len failed") end,
  __concat = function() error({ code = "concat" }) end,
  __unm = function() return nil + 1 end,
  __tostring = function() error("tostring failed") end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(m(function() return a.x end))
print(m(function() a.y = 1 end))
print(m(function() return a + 1 end))
print(m(function() return a(5) end))
print(m(function() return a == b end))
print(m(function() return a < b end))
print(m(function() return #a end))
local ok, e = pcall(function() return a .. "x" end)
print(ok, type(e), e.code)
print(m(function() return -a end))
print(m(function() return tostring(a) end))
print(m(function() print(a) end))
-- errors inside callbacks of library functions
print(m(function() table.sort({ 3, 2, 1 }, function(x, y) error("cmp error") end) end))
print(m(function() return ("abc"):gsub(".", function(c) error("gsub cb " .. c) end) end))
print(m(function() return ("abc"):gsub(".", setmetatable({}, { __index = function(_, c) error("repl " .. c) end })) end))
print(m(function() for k in pairs(setmetatable({}, { __pairs = function() error("pairs mm") end })) do end end))
print(m(function() return load(function() error("reader error") end) end))
-- an error in __index with level 2 points at the indexing code
local strict = setmetatable({}, { __index = function(_, k) error("undefined variable '" .. k .. "'", 2) end })
ok, e = pcall(function()
  return strict.undefined_name   -- line 36
end)
print(ok, e)
