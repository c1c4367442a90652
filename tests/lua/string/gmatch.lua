local out = {}
for w in ("the quick brown fox"):gmatch("%a+") do out[#out + 1] = w end
assert(#out == 4)
print(table.concat(out, ","))
out = {}
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do out[#out + 1] = k .. ":" .. v end
print(table.concat(out, " "))
-- position captures
out = {}
for p, w in ("ab cd ef"):gmatch("()(%a+)") do out[#out + 1] = p .. w end
print(table.concat(out, " "))
-- empty matches: 5.4 does not match empty right after a previous match
out = {}
for w in ("one two  three"):gmatch("%a*") do out[#out + 1] = "[" .. w .. "]" end
print(table.concat(out))
out = {}
for p in ("abc"):gmatch("()") do out[#out + 1] = p end
print(table.concat(out, " "))
out = {}
for x in (""):gmatch(".") do out[#out + 1] = x end
print(#out)
-- init argument (5.4)
out = {}
for w in ("one two three four"):gmatch("%a+", 5) do out[#out + 1] = w end
print(table.concat(out, ","))
out = {}
for w in ("one two three four"):gmatch("%a+", -4) do out[#out + 1] = w end
print(table.concat(out, ","))
out = {}
for w in ("abc"):gmatch(".", 10) do out[#out + 1] = w end
print(#out)
out = {}
for w in ("abc"):gmatch(".", -10) do out[#out + 1] = w end
print(table.concat(out))
-- '^' is not an anchor in gmatch: it matches a literal '^'
out = {}
for w in ("^ab^ab ab"):gmatch("^ab") do out[#out + 1] = w end
print(#out, table.concat(out, "|"))
-- the iterator can be called manually
local it = ("x1y2z3"):gmatch("%a(%d)")
print(it(), it(), it(), it())
-- numbers as subjects
out = {}
for d in string.gmatch(31415, "%d") do out[#out + 1] = d end
print(table.concat(out, "-"))
-- lines of a text
local text = "first line\nsecond line\n\nfourth"
out = {}
for line in (text .. "\n"):gmatch("(.-)\n") do out[#out + 1] = "<" .. line .. ">" end
print(table.concat(out))
-- key/value config parsing
local conf = [[
name = lurel
version=  0.1
# comment
debug =true
]]
local keys = {}
for k, v in conf:gmatch("\n?%s*([%w_]+)%s*=%s*([^\n]-)%s*\n") do keys[#keys + 1] = k .. "=" .. v end
print(table.concat(keys, ";"))
