-- common text transformations with patterns
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function collapse(s) return (s:gsub("%s+", " ")) end
local function snake(s) return (s:gsub("(%l)(%u)", "%1_%2"):gsub("(%u)(%u%l)", "%1_%2"):lower()) end
local function camel(s) return (s:gsub("_(%w)", string.upper)) end
local function title(s) return (s:gsub("(%a)([%w']*)", function(a, b) return a:upper() .. b:lower() end)) end
local function strip_tags(s) return (s:gsub("<[^>]*>", "")) end
local function squeeze(s) return (s:gsub("(.)%1+", "%1")) end
local function commas(n) local s = tostring(n) local r repeat s, r = s:gsub("^(-?%d+)(%d%d%d)", "%1,%2") until r == 0 return s end
print("[" .. trim("  \t padded text \n ") .. "]")
print(collapse("a  b\t\tc\n\nd"))
print(snake("camelCaseString"), snake("HTTPServerError"), snake("already_snake"))
print(camel("snake_case_string"), camel("x_1_y"))
print(title("the QUICK brown fox's tale"))
print(strip_tags("<p>Hello <b>bold</b> <a href='x'>link</a></p>"))
print(squeeze("aaabbbcccd  e"), squeeze("mississippi"))
print(commas(1234567), commas(-9876543210), commas(999), commas(1000))
-- replacing with a function that uses position captures
print(("abcdef"):gsub("()(%a)", function(p, c) return p % 2 == 0 and c:upper() or c end))
-- hex encode / decode round trip
local function tohex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function fromhex(h) return (h:gsub("%x%x", function(x) return string.char(tonumber(x, 16)) end)) end
local raw = "Hi\0\255!"
print(tohex(raw), fromhex(tohex(raw)) == raw)
-- url encoding
local function urlencode(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end)) end
local function urldecode(s) return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end):gsub("+", " ")) end
local enc = urlencode("a b&c=d/é")
print(enc, urldecode(enc), urldecode("x+y%21"))
-- variable expansion with defaults ${name:-default}
local env = { USER = "ada", HOME = "/home/ada" }
print(("${USER} lives in ${HOME}; shell=${SHELL:-/bin/sh}"):gsub("%${([%w_]+):?%-?([^}]*)}", function(k, d) return env[k] or d end))
