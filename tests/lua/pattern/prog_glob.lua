-- Glob to Lua pattern conversion and matching of file names.
local function glob_to_pattern(g)
  local out, i = { "^" }, 1
  while i <= #g do
    local c = g:sub(i, i)
    if c == "*" then
      if g:sub(i + 1, i + 1) == "*" then out[#out + 1] = ".*"; i = i + 1 else out[#out + 1] = "[^/]*" end
    elseif c == "?" then out[#out + 1] = "[^/]"
    elseif c == "[" then
      local close = g:find("]", i + 2, true)
      if not close then out[#out + 1] = "%[" else
        local body = g:sub(i + 1, close - 1):gsub("^!", "^"):gsub("%%", "%%%%")
        out[#out + 1] = "[" .. body .. "]"
        i = close
      end
    elseif c:match("[%^%$%(%)%%%.%]%+%-]") then out[#out + 1] = "%" .. c
    else out[#out + 1] = c end
    i = i + 1
  end
  out[#out + 1] = "$"
  return table.concat(out)
end
local files = {
  "src/main.c", "src/vm/exec.c", "src/vm/exec.h", "README.md", "tests/lua/a.lua",
  "tests/lua/b/c.lua", "build/lurel", "docs/api (v2).md", "x.c", "a1.txt", "ab.txt", "a-b.txt",
}
local globs = { "*.c", "src/*.c", "src/**.c", "**/*.lua", "*.md", "a?.txt", "a[0-9].txt", "a[!0-9].txt", "docs/*(v2).md", "**" }
for _, g in ipairs(globs) do
  local p = glob_to_pattern(g)
  local hits = {}
  for _, f in ipairs(files) do if f:match(p) then hits[#hits + 1] = f end end
  print(string.format("%-14s %-30s %s", g, p, table.concat(hits, " ")))
end
