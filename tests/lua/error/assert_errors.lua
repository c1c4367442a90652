-- assert returns all its arguments on success
print(assert(1, 2, 3))
print(assert("v", nil))
print(select("#", assert(true)))
-- failures
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(assert, false, "custom message"))
print(pcall(assert, nil, 42))
local obj = {}
local ok, v = pcall(assert, false, obj)
assert(v == obj)
print(ok, v == obj)
print(pcall(assert))
-- assert message is not decorated with position
ok, v = pcall(function() assert(1 == 2, "math is broken") end)
print(ok, v)
ok, v = pcall(function() assert(1 == 2) end)
print(ok, v)
-- assert with a function call result
local function check(x) return x > 0, "not positive: " .. x end
print(pcall(function() return assert(check(5)) end))
print(pcall(function() return assert(check(-5)) end))
-- error messages from assert inside nested calls
local function validate(t)
  assert(type(t) == "table", "expected table")
  assert(t.name, "missing name")
  return t.name
end
print(pcall(validate, 1))
print(pcall(validate, {}))
print(pcall(validate, { name = "ok" }))
