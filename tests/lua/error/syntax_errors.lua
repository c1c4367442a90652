-- load() returns nil plus the exact message for syntax errors
local sources = {
  "x = ",
  "x = 1 +",
  "local 1 = 2",
  "for i = 1 do end",
  "for a, b in do end",
  "if x then",
  "if x then else elseif",
  "function f(",
  "function f() return 1",
  "while true do",
  "repeat x = 1",
  "return return",
  "x = }",
  "x = (1",
  "x = {1, 2",
  "f(",
  "a.b:c = 1",
  "local t = {} t.x.y",
  "x = 'unfinished",
  "x = [[unfinished",
  "--[[ unfinished comment",
  "x = 0x",
  "x = 1e+",
  "x = 3..4",
  "goto 1",
  "::lbl:: ::lbl::",
  "x = ...  function f() return ... end",
  "local function() end",
  "x = a.1",
  "x = #",
  "return 1,",
  "and",
  "x = 1 y = 2 z",
  "local x <const> = 1; x = 2",
  "break",
  "x = @",
  "x = \"a\\qb\"",
  "f() = 1",
  "(a) = 1",
  "a, b() = 1, 2",
  "local a = {} a:b",
  "return not",
  "x = function",
  "x = 1\n\n\ny = = 2",
  "local s = [==[\nabc]=]",
}
for i, src in ipairs(sources) do
  local f, msg = load(src)
  assert(f == nil and type(msg) == "string", src)
  print(i, msg)
end
-- custom chunk names
print(select(2, load("x = ", "=custom")))
print(select(2, load("x = ", "@file.lua")))
print(select(2, load("x = ", "a long chunk name that is really quite long indeed, longer than the limit of the id size used by lua for messages")))
print(select(2, load("\n\nx = ", "multi\nline")))
print(select(2, load("x = 1\ny = ", "")))
-- load with a function reader
local parts = { "x = ", "1 +", "" }
local i = 0
print(load(function() i = i + 1; return parts[i] end, "=reader"))
