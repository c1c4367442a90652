-- debug.getupvalue / setupvalue / upvalueid / upvaluejoin.
local a, b, c = 1, "two", 3.5
local function f() return a, b, c end
local function g() return b end
local function h() local x = a; a = x + 1; return a end

for i = 1, 4 do print(i, debug.getupvalue(f, i)) end
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2))
print(debug.getupvalue(f, 0), debug.getupvalue(f, -1))

-- C functions: no upvalue names for those that have none
print(debug.getupvalue(print, 1))
print(debug.getupvalue(string.gmatch("x", "x"), 1) ~= nil or "none")

-- _ENV as an upvalue
local function uses_env() return print end
print(debug.getupvalue(uses_env, 1) == "_ENV", select(2, debug.getupvalue(uses_env, 1)) == _ENV)

-- setupvalue changes the shared variable for every closure
print(debug.setupvalue(f, 2, "TWO"))
print(b, g(), select(2, f()))
print(debug.setupvalue(f, 10, "x"), debug.setupvalue(print, 1, "x"))

-- replace _ENV of a function
local env_reader = load("return tostring(some_global_name)")
print(env_reader())
debug.setupvalue(env_reader, 1, { some_global_name = "from the new env", tostring = tostring })
print(env_reader(), some_global_name)

-- upvalueid: same variable, same id
print(debug.upvalueid(f, 2) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
print(debug.upvalueid(f, 1) ~= debug.upvalueid(f, 2))
print(type(debug.upvalueid(f, 1)))
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(debug.upvalueid(c1, 1) ~= debug.upvalueid(c2, 1))

-- upvaluejoin: make c1's first upvalue refer to c2's
print(c1(), c1(), c2())
debug.upvaluejoin(c1, 1, c2, 1)
print(debug.upvalueid(c1, 1) == debug.upvalueid(c2, 1))
print(c1(), c2(), c1())

-- join f's 'a' to g's 'b'
debug.upvaluejoin(f, 1, g, 1)
print(f())
a = 42
print(f(), h())

-- errors
print(pcall(debug.upvalueid, f, 10))
print(pcall(debug.upvalueid, f, 0))
print(pcall(debug.upvalueid, print, 1))
print(pcall(debug.upvalueid, 1, 1))
print(pcall(debug.upvaluejoin, f, 10, g, 1))
print(pcall(debug.upvaluejoin, f, 1, g, 10))
print(pcall(debug.upvaluejoin, print, 1, g, 1))
print(pcall(debug.upvaluejoin, f, 1, print, 1))
print(pcall(debug.upvaluejoin, f, 1))
print(pcall(debug.getupvalue))
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.setupvalue, {}, 1, 1))

-- upvalues of a stripped dump have no names
local dumped = load(string.dump(f, true))
print(debug.getupvalue(dumped, 1), debug.getupvalue(dumped, 3))
-- C closures with upvalues
local it = string.gmatch("a b", "%a")
print(debug.getupvalue(it, 1) == "", pcall(debug.upvaluejoin, it, 1, f, 1))
print(pcall(debug.upvaluejoin, f, 1, it, 1))
print(type(debug.upvalueid(it, 1)), debug.upvalueid(it, 100))
print(pcall(debug.upvaluejoin, it, 100, f, 1))
print(pcall(debug.getupvalue, f, 1.5), pcall(debug.getupvalue, f, "1"))
