-- compile-time errors related to goto, labels, break
local function try(src)
  local f, msg = load(src, "=src")
  assert(f == nil)
  print(msg)
  return msg
end
try("goto nowhere")
try("do goto l end ::m::")
try("::a:: ::a::")
try("::a:: do ::a:: end")
try("goto f; local x; ::f:: print(x)")
try("break")
try("if x then break end")
try("local x <const> = 1; x = 2")
try("local x <foo> = 1")
try("local x <close>, y <close> = 1, 2")
-- these compile fine
assert(load("do goto f; local x; ::f:: end"))
assert(load("goto f; do local x end ::f::"))
assert(load("while true do break end"))
assert(load("repeat local x = 1 until x == 1"))
print("ok")
