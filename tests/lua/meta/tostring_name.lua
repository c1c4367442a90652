-- __tostring and __name
local P = { __tostring = function(p) return "Point(" .. p.x .. "," .. p.y .. ")" end }
local p = setmetatable({ x = 1, y = 2 }, P)
print(p)
print(tostring(p), "[" .. tostring(p) .. "]")
assert(tostring(p) == "Point(1,2)")
-- __tostring must return a string
local Bad = setmetatable({}, { __tostring = function() return 42 end })
print(pcall(tostring, Bad))
-- __name is used in the default tostring (prefix only; the address varies)
local Named = setmetatable({}, { __name = "MyType" })
local s = tostring(Named)
print(s:match("^MyType: ") ~= nil)
-- __name that is not a string is ignored
local NotStr = setmetatable({}, { __name = 42 })
print(tostring(NotStr):match("^table: ") ~= nil)
-- __name appears in argument errors
print(pcall(string.rep, Named, 2))
print(pcall(math.floor, Named))
print(pcall(string.len, setmetatable({}, { __name = "Thing" })))
-- __tostring is used by print for every argument
local T2 = setmetatable({}, { __tostring = function() return "T2!" end })
print(T2, 1, T2, nil, T2)
-- __tostring with error
local E = setmetatable({}, { __tostring = function() error("no string for you") end })
print(pcall(tostring, E))
-- tostring on values without metatables: types only (addresses vary)
print(tostring(nil), tostring(true), tostring(12), tostring("s"))
print(tostring({}):match("^table: ") ~= nil, tostring(print):match("^builtin: ") ~= nil or tostring(print):match("^function: ") ~= nil)
-- __tostring also used by string.format %s and error with objects?
print(string.format("%s|%s", p, T2))
print(("%5.3s|"):format(T2))
