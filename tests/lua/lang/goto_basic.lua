-- goto and labels
local out = {}
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
assert(table.concat(out, " ") == "1 3 5 7 9")
print(table.concat(out, " "))

-- backward goto as loop
local n = 0
::top::
n = n + 1
if n < 5 then goto top end
assert(n == 5)
print("n", n)

-- break out of nested loops
local found
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then found = i .. "x" .. j; goto done end
  end
end
::done::
assert(found == "3x4")
print("found", found)

-- goto with closures capturing a fresh local each round
local fns = {}
do
  local k = 1
  ::again::
  local v = k * 10
  fns[#fns + 1] = function() return v end
  k = k + 1
  if k <= 3 then goto again end
end
assert(fns[1]() == 10 and fns[2]() == 20 and fns[3]() == 30)
print(fns[1](), fns[2](), fns[3]())

-- label at end of block, label visible in nested blocks
do
  local i = 0
  while true do
    i = i + 1
    do
      if i > 3 then goto out end
    end
  end
  ::out::
  assert(i == 4)
  print("i", i)
end

-- same label name in different functions and blocks
local function f()
  do goto l1 end
  ::l1::
  do ::l2:: end
  return "f ok"
end
print(f())

-- repeat/until with continue-style goto
local c = 0
repeat
  c = c + 1
  if c == 2 then goto cont end
  ::cont::
until c >= 3
assert(c == 3)
print("c", c)
