-- call forms and statement syntax
local function id(...) return ... end
local function n(...) return select("#", ...) end
assert(id"str" == "str")
assert(id[[long]] == "long")
assert(id{1, 2}[2] == 2)
assert(type(id{}) == "table")
assert(n() == 0 and n(nil) == 1 and n(nil, nil) == 2)
assert(("abc"):upper() == "ABC")
assert(#("x"):rep(3) == 3)
local s = "hi"
assert(s:len() == 2 and s.len(s) == 2)
-- parentheses truncate to one value
assert(n((id(1, 2, 3))) == 1)
assert(n(id(1, 2, 3)) == 3)
assert(n(id(1, 2, 3), 4) == 2)
assert(n({id(1, 2, 3)}) == 1)
-- empty statements and semicolons
;;; local a = 1; ; local b = 2;;
assert(a + b == 3)
-- chained calls and indexing
local obj = { f = function() return { g = function() return { 10, 20, 30 } end } end }
assert(obj.f().g()[3] == 30)
assert(obj["f"]()["g"]()[1] == 10)
print(obj.f().g()[2])
-- method call on result of call
local mk = function() return { v = 5, get = function(self) return self.v end } end
assert(mk():get() == 5)
-- string method on number requires parentheses around literal concat
assert(("x" .. 1):rep(2) == "x1x1")
print(id"a", id[[b]], id{}.x, ("q"):rep(3, ","))
-- function call as statement discards results
id(1, 2, 3)
print(n(id()), n(id(nil)), n(id(nil, nil)))
-- table with trailing separators
local t = { 1, 2, 3, }
local u = { 1; 2; 3; }
local w = { x = 1, ["y"] = 2; 3 }
assert(#t == 3 and #u == 3 and w.x == 1 and w.y == 2 and w[1] == 3)
print(#t, #u, w.x, w.y, w[1])
