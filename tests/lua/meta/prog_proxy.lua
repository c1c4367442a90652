-- Proxies: a change-tracking wrapper, a read-only deep view, and a
-- default-value table, using __index, __newindex, __len, __pairs, __call.
local function tracked(target)
  local log = {}
  local proxy = setmetatable({}, {
    __index = target,
    __newindex = function(_, k, v)
      log[#log + 1] = string.format("%s: %s -> %s", tostring(k), tostring(target[k]), tostring(v))
      target[k] = v
    end,
    __len = function() return #target end,
    __pairs = function() return next, target, nil end,
    __call = function() return log end,
  })
  return proxy
end
local data = { 10, 20, name = "orig" }
local p = tracked(data)
p.name = "changed"
p[3] = 30
p[1] = 11
p.extra = true
print(#p, data[3], data.name)
print(table.concat(p(), "; "))
local keys = {}
for k, v in pairs(p) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))

local function readonly(t)
  local cache = {}
  return setmetatable({}, {
    __index = function(_, k)
      local v = t[k]
      if type(v) == "table" then
        cache[v] = cache[v] or readonly(v)
        return cache[v]
      end
      return v
    end,
    __newindex = function(_, k) error("read-only: " .. tostring(k), 2) end,
    __len = function() return #t end,
    __pairs = function()
      return function(_, k)
        local nk, nv = next(t, k)
        if type(nv) == "table" then nv = readonly(nv) end
        return nk, nv
      end, nil, nil
    end,
  })
end
local conf = readonly({ server = { host = "localhost", ports = { 80, 443 } }, debug = false })
print(conf.server.host, conf.server.ports[2], #conf.server.ports, conf.debug)
print(pcall(function() conf.debug = true end))
print(pcall(function() conf.server.ports[1] = 8080 end))
print(conf.server == conf.server, conf.server.ports[1])

local function defaulting(default_fn)
  return setmetatable({}, { __index = function(t, k) local v = default_fn(k); rawset(t, k, v); return v end })
end
local groups = defaulting(function() return {} end)
for _, w in ipairs({ "apple", "avocado", "banana", "blueberry", "cherry", "apricot" }) do
  local g = groups[w:sub(1, 1)]
  g[#g + 1] = w
end
local gk = {}
for k, v in pairs(groups) do gk[#gk + 1] = k .. ":" .. table.concat(v, "/") end
table.sort(gk)
print(table.concat(gk, " "))
local counts = defaulting(function() return 0 end)
for c in ("mississippi"):gmatch(".") do counts[c] = counts[c] + 1 end
print(counts.m, counts.i, counts.s, counts.p, counts.z)
