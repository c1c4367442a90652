-- os.getenv, os.setlocale, os.clock.
print(type(os.getenv("PATH")), os.getenv("LUREL_SURELY_UNSET_VARIABLE"))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))
print(os.getenv(""))
-- the C locale is in use at start
print(os.setlocale())
print(os.setlocale(nil, "numeric"), os.setlocale(nil, "time"))
print(os.setlocale("C"), os.setlocale("C", "ctype"), os.setlocale("POSIX", "collate"))
print(os.setlocale("no_SUCH.locale"))
print(os.setlocale("no_SUCH.locale", "monetary"))
print(pcall(os.setlocale, "C", "bad"))
print(pcall(os.setlocale, {}))
for _, c in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do
  io.write(c, "=", os.setlocale(nil, c), " ")
end
print()
print(os.setlocale("C"))
-- numbers still print with '.'
print(1.5, 2^53)
-- os.clock: CPU seconds as a float, not decreasing
local c1 = os.clock()
local x = 0
for i = 1, 100000 do x = x + i end
local c2 = os.clock()
print(type(c1), c1 >= 0, c2 >= c1, c1 == c1 + 0.0)
