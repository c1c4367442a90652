-- blocks whose locals are captured get closed when the block exits
local fs = {}
for i = 1, 3 do
  local v = i
  fs[#fs + 1] = function() v = v + 10; return v end
end
assert(fs[1]() == 11 and fs[1]() == 21 and fs[2]() == 12)
print(fs[1](), fs[2](), fs[3]())

-- break out of a loop with captured locals
local saved
for i = 1, 10 do
  local x = i * i
  saved = function() return x end
  if i == 4 then break end
end
assert(saved() == 16)

-- while loop, each iteration fresh
local list = {}
local i = 0
while i < 3 do
  i = i + 1
  local c = i
  list[i] = function() return c end
end
assert(list[1]() == 1 and list[3]() == 3)

-- goto backwards out of a block closes the upvalue
local gs = {}
do
  local n = 0
  ::top::
  do
    local m = n
    gs[#gs + 1] = function() return m end
  end
  n = n + 1
  if n < 3 then goto top end
end
assert(gs[1]() == 0 and gs[2]() == 1 and gs[3]() == 2)
print(gs[1](), gs[2](), gs[3]())

-- two closures sharing one upvalue after the block is closed
local get, set
do
  local shared = "start"
  get = function() return shared end
  set = function(v) shared = v end
end
set("changed")
assert(get() == "changed")
print(get())

-- nested blocks, inner closed first
local a, b
do
  local outer = 1
  do
    local inner = 2
    a = function() return outer + inner end
    inner = 20
  end
  outer = 100
  b = function() return outer end
end
assert(a() == 120 and b() == 100)
print(a(), b())

-- repeat-until with closure referenced in the condition
local k = 0
local cl
repeat
  local kk = k
  cl = function() return kk end
  k = k + 1
until cl() >= 2
assert(cl() == 2)
print("done", cl())
