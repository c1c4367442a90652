-- escape sequences in short strings
local function bytes(s) local t = {} for i = 1, #s do t[i] = s:byte(i) end return table.concat(t, " ") end
print(bytes("\a\b\f\n\r\t\v\\\"\'"))
assert("\a\b\f\n\r\t\v" == "\7\8\12\10\13\9\11")
assert("\65\066\0067" == "AB\0067" and #"\0067" == 2)
print(bytes("\0\1\255"), #"\0\0\0")
assert("\x41\x62\x7A\xff" == "Abz\255")
assert("\u{41}" == "A")
assert("\u{7FF}" == "\xDF\xBF")
assert("\u{20AC}" == "\xE2\x82\xAC")
assert("\u{10FFFF}" == "\xF4\x8F\xBF\xBF")
assert("\u{7FFFFFFF}" == "\xFD\xBF\xBF\xBF\xBF\xBF")
print(bytes("\u{0}\u{80}\u{10000}"))
local z = "a\z
           b\z   c"
assert(z == "abc")
local cont = "line1\
line2"
assert(cont == "line1\nline2")
print(cont)
assert('single \'quoted\' "dq"' == "single 'quoted' \"dq\"")
print('single \'quoted\' "dq"')
-- string with embedded zeros has full length
local zs = "a\0b\0c"
assert(#zs == 5 and zs:sub(3, 3) == "b")
print(#zs, bytes(zs))
-- invalid escapes are syntax errors
local function bad(src) local f, m = load(src, "=esc"); assert(not f); print(m) end
bad([[return "\q"]])
bad([[return "\x4"]])
bad([[return "\256"]])
bad([[return "\u{110000000}"]])
bad([[return "\u{41"]])
bad([[return "abc]])
bad("return 'abc\ndef'")
