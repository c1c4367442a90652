-- deeply nested tables built iteratively and walked recursively
local root = {}
local cur = root
for i = 1, 500 do cur.child = { level = i }; cur = cur.child end
local function depth(t) if not t.child then return 0 end return 1 + depth(t.child) end
print(depth(root), cur.level)
-- nested constructors written out
local deep = { { { { { { { { { { "ten" } } } } } } } } } }
print(deep[1][1][1][1][1][1][1][1][1][1])
-- a tree of tables with counts
local function build(d) if d == 0 then return {} end return { build(d - 1), build(d - 1) } end
local function count(t) local n = 1 for _, c in ipairs(t) do n = n + count(c) end return n end
print(count(build(12)))
-- path lookup by string
local config = { a = { b = { c = { d = "found" } } } }
local function lookup(t, path) for k in path:gmatch("[^.]+") do t = t[k]; if t == nil then return nil end end return t end
print(lookup(config, "a.b.c.d"), lookup(config, "a.x.c"), type(lookup(config, "a.b")))
