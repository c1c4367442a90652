-- to-be-closed variables inside metamethods, callbacks and loaded chunks
local log = {}
local function C(name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. (e and ("!" .. tostring(e)) or "") end})
end
local function flush(tag, ...) print(tag, table.concat(log, " "), ...); log = {} end

local mt = {
  __index = function(t, k) local c <close> = C("index-" .. k); return k .. "!" end,
  __add = function(a, b) local c <close> = C("add"); return 7 end,
  __call = function(self, x) local c <close> = C("call"); return x * 2 end,
  __lt = function(a, b) local c <close> = C("lt"); return true end,
  __concat = function(a, b) local c <close> = C("concat"); return "cc" end,
}
local o = setmetatable({}, mt)
flush("metamethods", o.key, o + 1, o(21), o < o, o .. "x")
-- an error in a metamethod with a pending variable
mt.__sub = function() local c <close> = C("sub"); error("sub failed", 0) end
flush("metamethod error", pcall(function() return o - 1 end))
-- sort comparator with a variable, each call closes it
local t = {3, 1, 2}
local n = 0
table.sort(t, function(a, b)
  local c <close> = setmetatable({}, {__close = function() n = n + 1 end})
  return a < b
end)
print("sort", table.concat(t, " "), n > 0)
-- gsub callback
flush("gsub", (string.gsub("ab", "%a", function(ch) local c <close> = C("g" .. ch); return ch:upper() end)))
-- a chunk loaded from a string with a main-level variable
local chunk = load([[
  local C = ...
  local x <close> = C("chunk-x")
  local y <close> = C("chunk-y")
  return "chunk result"
]])
flush("load", chunk(C))
-- a chunk that errors with a pending variable
chunk = load("local C = ...; local z <close> = C('chunk-z'); error('chunk error', 0)")
flush("load error", pcall(chunk, C))
-- __tostring with a variable, used by print/tostring
local ts = setmetatable({}, {__tostring = function() local c <close> = C("tostring"); return "TS" end})
flush("tostring", tostring(ts))
-- __pairs with a variable
local pp = setmetatable({}, {__pairs = function(t)
  local c <close> = C("pairs")
  return function(_, k) if not k then return 1, "one" end end, t, nil
end})
for k, v in pairs(pp) do log[#log + 1] = k .. "=" .. v end
flush("pairs")
-- a __close that itself uses a metamethod with a variable
do
  local outer <close> = setmetatable({}, {__close = function() local s = o.fromclose end})
end
flush("close uses metamethod")
-- require-like: a function returned from a closure factory
local function factory()
  local f <close> = C("factory")
  return function() local g <close> = C("product"); return "made" end
end
local made = factory()
flush("factory", made())
