-- recursive local functions referencing themselves through upvalues
local function make_walker()
  local visited = {}
  local function walk(t, depth, out)
    if visited[t] then out[#out + 1] = string.rep(" ", depth) .. "<cycle>"; return out end
    visited[t] = true
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    for _, k in ipairs(keys) do
      local v = t[k]
      if type(v) == "table" then
        out[#out + 1] = string.rep(" ", depth) .. tostring(k) .. ":"
        walk(v, depth + 2, out)
      else
        out[#out + 1] = string.rep(" ", depth) .. tostring(k) .. "=" .. tostring(v)
      end
    end
    return out
  end
  return walk
end
local data = { name = "root", list = { 1, 2 }, sub = { x = true, deeper = { y = "z" } } }
data.sub.back = data
print(table.concat(make_walker()(data, 0, {}), "\n"))
-- recursive closure stored in a table field, replaced at runtime
local M = {}
function M.count(n) if n == 0 then return 0 end return 1 + M.count(n - 1) end
print(M.count(50))
local orig = M.count
M.count = function(n) return 100 end  -- the recursive call goes through the field
print(orig(3))
-- anonymous recursion through a local declared before assignment
local fact
fact = function(n) return n <= 1 and 1 or n * fact(n - 1) end
print(fact(15))
local saved = fact
fact = function() return 0 end
print(saved(5))
