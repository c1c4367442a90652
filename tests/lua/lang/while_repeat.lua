local i, s = 0, 0
while i < 10 do i = i + 1; s = s + i end
assert(s == 55)
print("while", s)

-- while with break
i = 0
while true do
  i = i + 1
  if i == 7 then break end
end
assert(i == 7)

-- while false never runs
while false do error("never") end
while nil do error("never") end

-- repeat: the until condition sees the body locals
local n = 0
repeat
  local done = n >= 4
  n = n + 1
until done
assert(n == 5)
print("repeat", n)

-- repeat with closure capturing a body local
local fs = {}
local k = 0
repeat
  k = k + 1
  local kk = k
  fs[k] = function() return kk end
until kk == 3
assert(fs[1]() == 1 and fs[3]() == 3)

-- nested loops with break affecting only the inner one
local pairs_found = {}
for a = 1, 4 do
  local b = 0
  while true do
    b = b + 1
    if b > a then break end
    if (a + b) % 3 == 0 then pairs_found[#pairs_found + 1] = a .. "+" .. b end
  end
end
print(table.concat(pairs_found, " "))

-- loop conditions use truthiness: 0 and "" are true
local cnt = 0
while 0 do cnt = cnt + 1; if cnt == 2 then break end end
assert(cnt == 2)
repeat cnt = cnt + 1 until ""
assert(cnt == 3)
print("cnt", cnt)

-- collatz
local function collatz(x)
  local steps = 0
  while x ~= 1 do
    if x % 2 == 0 then x = x // 2 else x = 3 * x + 1 end
    steps = steps + 1
  end
  return steps
end
assert(collatz(27) == 111)
print("collatz", collatz(27), collatz(97))
