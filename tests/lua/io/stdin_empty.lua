-- Reading the standard input when it is empty (the test runner gives
-- /dev/null): every format but "a" fails, "a" gives "".
print(io.read())
print(io.read("l"))
print(io.read("L"))
print(io.read("n"))
print(io.read(1))
print(io.read(0))
print(io.read("a"))
print(io.read("a", "a"))
print(io.stdin:read("l"))
local n = 0
for l in io.lines() do n = n + 1 end
print(n)
for l in io.stdin:lines() do n = n + 1 end
print(n)
print(io.type(io.stdin))
