-- string -> number coercion in arithmetic
local function show(x) return math.type(x) .. ":" .. tostring(x) end
local cases = {
  function() return "10" + 1 end, function() return "10.0" + 1 end,
  function() return "0x10" + 0 end, function() return " 5 " * 2 end,
  function() return "1e2" + 0 end, function() return "-3" - 1 end,
  function() return 2 ^ "3" end, function() return "7" // "2" end,
  function() return "7" % "2" end, function() return "7" / "2" end,
  function() return -"2" end, function() return -"2.5" end,
  function() return "\t0x1p4\n" + 0 end, function() return "9223372036854775807" + 0 end,
  function() return "9223372036854775808" + 0 end, function() return "1" + "2" end,
  function() return "0x7fffffffffffffff" + 1 end, function() return ".5" + ".5" end,
}
for i, f in ipairs(cases) do print(i, show(f())) end
assert("10" + 1 == 11 and math.type("10" + 1) == "integer")
assert("10.0" + 1 == 11.0 and math.type("10.0" + 1) == "float")
assert("0x10" + 0 == 16)
assert(" 5 " * 2 == 10)
assert(-"2" == -2)
-- failures
local function err(f) local ok, m = pcall(f); assert(not ok); print((m:gsub("^.-:%d+: ", ""))) end
err(function() return "abc" + 1 end)
err(function() return 1 + "abc" end)
err(function() return "" * 2 end)
err(function() return "1 2" + 1 end)
err(function() return "10" + {} end)
err(function() return {} + "10" end)
err(function() return -"x" end)
err(function() return "0x" + 1 end)
err(function() return "1e" - 1 end)
local s = "z"
err(function() return s * 2 end)
-- comparison does not coerce
err(function() return "10" < 5 end)
err(function() return 5 <= "10" end)
assert("10" ~= 10)
print("10" == 10, 10 == "10")
