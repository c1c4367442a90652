-- __index / __newindex / __call receive exactly the documented arguments
local seen = {}
local mt = {
  __index = function(...) seen[#seen + 1] = "index:" .. select("#", ...); return (select(2, ...)) end,
  __newindex = function(...) seen[#seen + 1] = "newindex:" .. select("#", ...) end,
  __call = function(...) seen[#seen + 1] = "call:" .. select("#", ...); return ... end,
  __len = function(...) seen[#seen + 1] = "len:" .. select("#", ...); return 0 end,
  __unm = function(...) seen[#seen + 1] = "unm:" .. select("#", ...); return 0 end,
  __concat = function(...) seen[#seen + 1] = "concat:" .. select("#", ...); return "" end,
  __eq = function(...) seen[#seen + 1] = "eq:" .. select("#", ...); return true end,
  __close = nil,
}
local t, u = setmetatable({}, mt), setmetatable({}, mt)
local k = t.key
t.x = 1
t(1, 2, 3)
local _ = #t
_ = -t
_ = t .. "x"
_ = t == u
print(k, table.concat(seen, " "))
-- __call receives the object first, and its results are all returned
print(select("#", t()), select("#", t(nil, nil)))
