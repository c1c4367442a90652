-- Every binary operator over integers, floats (-0.0, 2^53, extremes) and
-- numeric strings, computed four ways: at run time, with a constant right or
-- left operand (immediate and constant-table forms) and with both constant
-- (folded or not); results, subtypes and errors as lua5.4 gives them.
local operand = {3, 100, 5.0, -10, -5.0, 10000, -10000, 0, -0.0, 2^53, math.maxinteger, math.mininteger, 1e308, 0.5, "10", "0x10", "3.0"}
local operator = {"+", "-", "*", "/", "//", "%", "^", "&", "|", "~", "<<", ">>", "==", "~=", "<", ">", "<=", ">=", ".."}
local function show(ok, v) if not ok then return "ERR:" .. tostring(v) end return math.type(v) or type(v), tostring(v) end
local lines = 0
for _, op in ipairs(operator) do
  local f = assert(load(string.format("return function (x,y) return x %s y end", op)))()
  for _, o1 in ipairs(operand) do
    for _, o2 in ipairs(operand) do
      local r = {show(pcall(f, o1, o2))}
      local lit1 = type(o1) == "string" and string.format("%q", o1) or string.format("%q", o1)
      local lit2 = type(o2) == "string" and string.format("%q", o2) or string.format("%q", o2)
      _ENV.XX = o1
      local r2 = {show(pcall(assert(load(string.format("return XX %s %s", op, lit2)))))}
      _ENV.XX = o2
      local r3 = {show(pcall(assert(load(string.format("return (%s) %s XX", lit1, op)))))}
      local r4 = {show(pcall(assert(load(string.format("return (%s) %s (%s)", lit1, op, lit2)))))}
      local loc = {show(pcall(assert(load(string.format("local a <const> = %s; local b <const> = %s; return a %s b", lit1, lit2, op)))))}
      print(op, lit1, lit2, r[1], r[2], r2[1], r2[2], r3[1], r3[2], r4[1], r4[2], loc[1], loc[2])
    end
  end
end
