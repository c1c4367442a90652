-- edge cases of ... and select
local function f(...) return ... end
print(f())
print((f()))
print(f(nil))
print(f(nil, nil))
print(select("#", f(nil, nil, nil)))
local function g(...) local a, b, c = ...; return c, b, a end
print(g(1, 2))
-- ... in table constructors and nested calls
local function h(...) return { ... }, select("#", ...), { n = select("#", ...), ... } end
local t1, n, t2 = h(1, nil, 3)
print(#t2 == 3 or #t2 == 1, n, t2.n, t1[3])
-- ... passed through several levels
local function l3(...) return select("#", ...), ... end
local function l2(...) return l3(...) end
local function l1(...) return l2(...) end
print(l1(nil, false, nil))
-- vararg with string.format / math.max / table.concat
local function fmt(...) return string.format(string.rep("%s", select("#", ...), "|"), ...) end
print(fmt(1, "two", nil, false))
-- 250 values through varargs
local big = {}
for i = 1, 250 do big[i] = i end
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + (select(i, ...)) end return s end
print(sum(table.unpack(big)))
