-- # on proper sequences
local t = {}
assert(#t == 0)
for i = 1, 100 do t[i] = i end
assert(#t == 100)
t[#t] = nil
assert(#t == 99)
t[#t + 1] = "x"
assert(#t == 100 and t[100] == "x")
for i = 100, 51, -1 do t[i] = nil end
assert(#t == 50)
print(#t)
local s = { "a", "b", "c" }
table.insert(s, "d")
assert(#s == 4)
table.remove(s, 1)
assert(#s == 3 and s[1] == "b")
print(#s, table.concat(s))
-- sequences built from constructors with nil at the end
local u = { 1, 2, 3, nil }
assert(#u == 3)
-- strings
assert(#"" == 0 and #"abc" == 3 and #"\0\0" == 2)
-- table with only hash part that forms a sequence
local h = {}
h[3] = 3; h[2] = 2; h[1] = 1
assert(#h == 3)
print(#h)
-- non-numeric keys do not count
local m = { 1, 2, x = 1, y = 2 }
assert(#m == 2)
-- # of large sequence
local big = {}
for i = 1, 100000 do big[i] = true end
assert(#big == 100000)
for i = 100000, 1, -1 do big[i] = nil end
assert(#big == 0)
print(#big)
-- a border exists: when t[1] is nil and nothing else, # is 0
local z = { nil, nil }
assert(#z == 0)
-- length via rawlen
assert(rawlen({ 1, 2 }) == 2 and rawlen("abcd") == 4)
print(rawlen({ 1, 2, 3 }), rawlen("xy"))
