-- A tiny Markdown subset to HTML converter built on patterns.
local function inline(s)
  s = s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")
  s = s:gsub("`([^`]+)`", "<code>%1</code>")
  s = s:gsub("%*%*(.-)%*%*", "<strong>%1</strong>")
  s = s:gsub("%*(.-)%*", "<em>%1</em>")
  s = s:gsub("%[(.-)%]%((.-)%)", '<a href="%2">%1</a>')
  return s
end
local function convert(md)
  local out, para, list = {}, {}, nil
  local function flush()
    if #para > 0 then out[#out + 1] = "<p>" .. inline(table.concat(para, " ")) .. "</p>"; para = {} end
    if list then out[#out + 1] = "</" .. list .. ">"; list = nil end
  end
  for line in (md .. "\n"):gmatch("(.-)\r?\n") do
    local hashes, htext = line:match("^(#+)%s+(.-)%s*#*$")
    local bullet = line:match("^%s*[-*+]%s+(.*)$")
    local num = line:match("^%s*%d+[.)]%s+(.*)$")
    if hashes and #hashes <= 6 then
      flush()
      out[#out + 1] = ("<h%d>%s</h%d>"):format(#hashes, inline(htext), #hashes)
    elseif bullet or num then
      local kind = bullet and "ul" or "ol"
      if #para > 0 then local l = list; list = nil; flush(); list = l end
      if list ~= kind then if list then out[#out + 1] = "</" .. list .. ">" end; out[#out + 1] = "<" .. kind .. ">"; list = kind end
      out[#out + 1] = "  <li>" .. inline(bullet or num) .. "</li>"
    elseif line:match("^%s*$") then
      flush()
    elseif line:match("^%-%-%-+$") then
      flush(); out[#out + 1] = "<hr/>"
    else
      if list then out[#out + 1] = "</" .. list .. ">"; list = nil end
      para[#para + 1] = line:match("^%s*(.-)%s*$")
    end
  end
  flush()
  return table.concat(out, "\n")
end
print(convert([[
# Lurel *notes* #
Some **bold** text and *emphasis*, with `code <tags>` and a [link](http://x.y/?a=1&b=2).
Continued line.

## Lists
- first item
- second with **bold**
* third

1. one
2) two
---
Final paragraph & more.
]]))
