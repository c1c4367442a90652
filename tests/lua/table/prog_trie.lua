-- A trie with insert, exact lookup, prefix enumeration (sorted), deletion
-- and longest-common-prefix.
local Trie = {}
Trie.__index = Trie
function Trie.new() return setmetatable({ root = { children = {}, count = 0 }, size = 0 }, Trie) end
function Trie:insert(word)
  local node = self.root
  for c in word:gmatch(".") do
    node.count = node.count + 1
    local nx = node.children[c]
    if not nx then nx = { children = {}, count = 0 }; node.children[c] = nx end
    node = nx
  end
  node.count = node.count + 1
  if not node.terminal then node.terminal = true; self.size = self.size + 1; return true end
  return false
end
function Trie:find(word)
  local node = self.root
  for c in word:gmatch(".") do node = node.children[c]; if not node then return nil end end
  return node
end
function Trie:contains(word) local n = self:find(word) return n ~= nil and n.terminal == true end
function Trie:with_prefix(prefix)
  local out = {}
  local function walk(node, acc)
    if node.terminal then out[#out + 1] = acc end
    local keys = {}
    for c in pairs(node.children) do keys[#keys + 1] = c end
    table.sort(keys)
    for _, c in ipairs(keys) do walk(node.children[c], acc .. c) end
  end
  local start = self:find(prefix)
  if start then walk(start, prefix) end
  return out
end
function Trie:remove(word)
  local path = { self.root }
  local node = self.root
  for c in word:gmatch(".") do node = node.children[c]; if not node then return false end; path[#path + 1] = node end
  if not node.terminal then return false end
  node.terminal = nil
  self.size = self.size - 1
  for i = #path, 2, -1 do
    local n = path[i]
    if n.terminal or next(n.children) then break end
    path[i - 1].children[word:sub(i - 1, i - 1)] = nil
  end
  return true
end
function Trie:lcp()
  local node, prefix = self.root, ""
  while not node.terminal do
    local k, v = next(node.children)
    if not k or next(node.children, k) then break end
    prefix, node = prefix .. k, v
  end
  return prefix
end
local t = Trie.new()
for w in ("car cart carbon care cared cargo cat dog dot do"):gmatch("%a+") do t:insert(w) end
print(t.size, t:insert("car"), t.size)
print(t:contains("car"), t:contains("ca"), t:contains("cargo"), t:contains("x"))
print(table.concat(t:with_prefix("car"), " "))
print(table.concat(t:with_prefix("do"), " "))
print(table.concat(t:with_prefix(""), " "))
print(#t:with_prefix("z"))
print(t:remove("cart"), t:remove("cart"), t:remove("ca"), t.size)
print(table.concat(t:with_prefix("car"), " "))
local t2 = Trie.new()
for _, w in ipairs({ "interview", "internet", "interval", "internal" }) do t2:insert(w) end
print("lcp", t2:lcp())
