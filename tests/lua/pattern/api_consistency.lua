-- find, match, gmatch and gsub agree on what a pattern matches
local subjects = { "hello world", "a1b22c333", "  spaces  here ", "key=value;k2=v2", "", "((a)(b))", "x.y.z" }
local patterns = { "%a+", "%d+", "%s+", "(%w+)=(%w+)", "^%s*(.-)%s*$", "%b()", "[^.]+", ".", "()", "%f[%w]%w" }
local h = 0
for _, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    local fs, fe = s:find(p)
    local m = s:match(p)
    local g = {}
    for a in s:gmatch(p) do g[#g + 1] = tostring(a) end
    local _, n = s:gsub(p, "%0")
    local anchored = p:sub(1, 1) == "^"   -- gmatch treats '^' literally
    if fs then
      assert(m ~= nil)
      if not anchored then assert(#g >= 1 and g[1] == tostring(m)) else assert(n == 1) end
    else
      assert(m == nil and n == 0)
      if not anchored then assert(#g == 0) end
    end
    if not anchored then assert(n == #g, s .. " " .. p) end
    local line = string.format("%-18s %-14s find=%s,%s n=%d first=%s", string.format("%q", s), p, tostring(fs), tostring(fe), n, tostring(m))
    h = h + #line
    print(line)
  end
end
print("checked", #subjects * #patterns, h)
