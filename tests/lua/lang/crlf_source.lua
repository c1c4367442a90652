-- this file has CRLF line endings; line numbers must still count lines
local t = {}
local s = [[
line1
line2]]
print(#s, s:byte(1, -1))
print(select(2, pcall(function()
  return t.x.y   -- line 8
end)))
local f, e = load("x = 1\r\ny = = 2")
print(e)
