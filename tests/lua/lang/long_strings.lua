-- long strings and comments
local s1 = [[hello]]
assert(s1 == "hello")
local s2 = [[
first newline skipped]]
assert(s2 == "first newline skipped")
local s3 = [==[
contains ]] and ]=] inside]==]
assert(s3 == "contains ]] and ]=] inside")
print(s3)
local s4 = [[a
b
c]]
assert(s4 == "a\nb\nc" and #s4 == 5)
local s5 = [[no \n escapes \t here]]
assert(#s5 == 21 and s5:sub(4, 5) == "\\n")
print(s5)
local s6 = [=[]=]
assert(s6 == "")
local s7 = [[

two leading newlines]]
assert(s7:sub(1, 1) == "\n")
print(#s7)
local s8 = [====[[[nested]]]====]
assert(s8 == "[[nested]]")
print(s8)
--[[ a long
comment ]] local after = 1
assert(after == 1)
--[==[ another ]] long
comment ]==] after = 2
assert(after == 2)
---[[ this is a line comment, so the next line runs
after = 3
--]]
assert(after == 3)
-- line comment with [[ brackets
print("after", after)
local t = { [[x]], [=[y]=] }
assert(t[1] .. t[2] == "xy")
print(#[[
]])
-- CR LF inside a long string is normalised to \n (source here only has \n)
local lines = 0
for _ in ([[
l1
l2
l3
]]):gmatch("\n") do lines = lines + 1 end
assert(lines == 3)
print("lines", lines)
