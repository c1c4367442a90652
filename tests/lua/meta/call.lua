-- __call
local callable = setmetatable({ name = "obj" }, { __call = function(self, a, b) return self.name, a, b end })
print(callable(1, 2))
print(callable())
local n1, a1 = callable("x")
assert(n1 == "obj" and a1 == "x")
-- varargs and multiple results through __call
local counter = setmetatable({}, { __call = function(self, ...) return select("#", ...), ... end })
print(counter(nil, nil, 3))
-- __call used as method / in pcall / in table.sort comparator / as iterator
local obj = { f = callable }
print(obj.f("m"))
print(pcall(callable, "p"))
local cmp = setmetatable({}, { __call = function(_, x, y) return x > y end })
local t = { 3, 1, 2 }
print(pcall(table.sort, t, cmp))   -- sort wants a real function
table.sort(t, function(x, y) return cmp(x, y) end)
print(t[1], t[2], t[3])
local iter = setmetatable({ i = 0 }, { __call = function(self) self.i = self.i + 1; if self.i <= 3 then return self.i end end })
local got = {}
for v in iter do got[#got + 1] = v end
print(table.concat(got, " "))
-- chained __call: the __call field is itself a callable table
local inner = setmetatable({}, { __call = function(...) return "inner", select("#", ...) end })
local outer = setmetatable({}, { __call = inner })
print(outer("arg"))
-- tail call to a callable table
local function tc(x) return callable(x) end
print(tc("tail"))
-- calling non-callables
local function e(f) local ok, m = pcall(f); print(ok, (m:gsub("^.-:%d+: ", ""))) end
e(function() local x = {}; x() end)
e(function() local x = setmetatable({}, {}); x() end)
e(function() notdefined() end)
e(function() local t2 = {}; t2.method() end)
e(function() local t2 = {}; t2:method() end)
e(function() ("str")() end)
