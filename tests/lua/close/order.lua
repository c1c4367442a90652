-- __close runs in reverse order of declaration, at every kind of scope exit
local log = {}
local function C(name)
  return setmetatable({name = name}, {__close = function(o, e)
    log[#log + 1] = o.name .. (e == nil and "" or "!" .. tostring(e))
  end})
end
local function flush(tag)
  print(tag, table.concat(log, " "))
  log = {}
end

do
  local a <close> = C("a")
  local b <close> = C("b")
  local c <close> = C("c")
  log[#log + 1] = "body"
end
flush("block")

-- nested blocks close inner first, each at its own end
do
  local a <close> = C("a")
  do
    local b <close> = C("b")
    do local c <close> = C("c") end
    log[#log + 1] = "after c"
  end
  log[#log + 1] = "after b"
end
flush("nested")

-- function return closes after the return values are computed
local function f()
  local a <close> = C("fa")
  local b <close> = C("fb")
  log[#log + 1] = "computing"
  return (function() log[#log + 1] = "ret value"; return 42 end)()
end
print(f())
flush("return")

-- return of multiple values and of a call in tail position (not a tail call)
local function g(...)
  local a <close> = C("ga")
  return select('#', ...), ...
end
print(g(1, nil, 3))
flush("multret")
local function h()
  local a <close> = C("ha")
  return g("x")
end
print(h())
flush("call in return")

-- a tbc declared after others in the same local statement list is not allowed,
-- but consecutive statements are fine
local function many()
  local a <close> = C("1")
  local b <close> = C("2")
  local c <close> = C("3")
  local d <close> = C("4")
  local e <close> = C("5")
end
many()
flush("five")

-- the closed object is the value, not the variable: later changes to other
-- variables do not matter; a const variable cannot change
do
  local obj = C("orig")
  local x <close> = obj
  obj = C("other")
end
flush("value")

-- __close receives the object itself as first argument
do
  local seen
  do
    local o <close> = setmetatable({}, {__close = function(self, e) seen = self end})
    log.o = o
  end
  print(seen == log.o)
  log.o = nil
end

-- closing happens even for an empty body and for a block ending with return
local function early(n)
  local a <close> = C("early-a")
  if n > 0 then
    local b <close> = C("early-b")
    return "early"
  end
  local c <close> = C("early-c")
  return "late"
end
print(early(1)); flush("early1")
print(early(0)); flush("early0")

-- the __close metamethod is called with exactly two arguments
do
  local x <close> = setmetatable({}, {__close = function(...) log[#log + 1] = select('#', ...) end})
end
flush("nargs")
-- its results are ignored
local function r()
  local x <close> = setmetatable({}, {__close = function() return "ignored", 1, 2 end})
  return "kept"
end
print(r())
-- the same object closed twice when declared twice
local shared = C("shared")
do
  local a <close> = shared
  local b <close> = shared
end
flush("twice")
-- a __close that declares its own tbc variables
do
  local outer <close> = setmetatable({}, {__close = function()
    local inner <close> = C("inner-of-close")
    log[#log + 1] = "outer-close"
  end})
end
flush("close in close")
