-- gsub with function and table replacements (called through continuations)
print(string.gsub("abc", "%w", function(c) return c:upper() end))
print(string.gsub("hello world", "(o)", function(o) return "[" .. o .. "]" end))
print(string.gsub("abc", "()(%w)", function(p, c) return p .. c end))
print(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return c .. c end))
print(string.gsub("abc", "%w", function(c) return c == "b" and false end))
print(string.gsub("a1b2", "%d", function(d) return d * 2 end))
print(string.gsub("a1b2", "%d", function(d) return d / 2 end))
print(string.gsub("abc", "%w", function() end, 2))
print(string.gsub("abc", "^%w", function(c) return "<" .. c .. ">" end))
print(string.gsub("abc", "", function() return "-" end))
print(string.gsub("abc", "x*", function(m) return "(" .. m .. ")" end))
-- table replacements, raw and through __index
print(string.gsub("$a $b $c", "%$(%w)", {a = "A", b = 2}))
print(string.gsub("abc", "%w", {}))
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k) calls = calls + 1; return k:upper() .. calls end})
print(string.gsub("x y z", "%w", lazy), calls)
local chain = setmetatable({a = "1"}, {__index = setmetatable({b = "2"}, {__index = {c = "3"}})})
print(string.gsub("abcd", "%w", chain))
print(string.gsub("abc", "()", setmetatable({}, {__index = function(_, k) return "#" .. k end})))
-- errors, caught by pcall around gsub
print(pcall(string.gsub, "abc", "%w", function(c) error("cb " .. c) end))
print(select(2, pcall(string.gsub, "abc", "%w", function(c) error({code = c}) end)).code)
print(pcall(string.gsub, "abc", "%w", function() return {} end))
print(pcall(string.gsub, "abc", "%w", {a = true}))
print(pcall(string.gsub, "abc", "%w", setmetatable({}, {__index = function() error("idx err") end})))
print(pcall(string.gsub, "abc", "%w", setmetatable({}, {__index = function() return print end})))
print(pcall(string.gsub, "abc", "(%w", function() return "x" end))
-- nesting and recursion
print(string.gsub("a b c", "%w", function(c) return (string.gsub("<x>", "x", c)) end))
local function expand(s)
  return (s:gsub("%((.-)%)", function(inner) return "[" .. expand(inner) .. "]" end))
end
print(expand("(a(b)c)(d)"))
local function nest(s) return (s:gsub("%b()", function(m) return "{" .. nest(m:sub(2, -2)) .. "}" end)) end
print(nest("f(a(b(c)d)e)(g)"))
-- callbacks that call other library functions with callbacks
print(string.gsub("k1=v1;k2=v2", "(%w+)=(%w+)", function(k, v)
  return string.format("%s:%s", setmetatable({}, {__tostring = function() return k:upper() end}), v)
end))
-- many callbacks
local n = 0
local r = string.gsub(string.rep("xy", 5000), "x", function() n = n + 1; return n % 10 end)
print(#r, n, r:sub(1, 30))
-- a callback changing its upvalues between matches
local acc = {}
print(string.gsub("one two three", "%a+", function(w) acc[#acc + 1] = w; return #acc end))
print(table.concat(acc, ","))
