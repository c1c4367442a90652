-- file:read("n"): the longest prefix that can start a numeral is consumed
-- (at most 200 characters); it converts if it is a complete numeral.
local name = os.tmpname()

local function try(content, ...)
  local f = assert(io.open(name, "w"))
  f:write(content)
  f:close()
  f = assert(io.open(name))
  local a, b, c, d = f:read(...)
  local rest = f:read("a")
  f:close()
  print("[" .. content .. "]", a, b, c, d, "rest=[" .. rest .. "]")
end

-- incomplete or invalid numerals fail, and what was read is lost
try("0x", "n")
try("3.4e-", "n")
try("-", "n")
try(".", "n")
try("1e", "n")
try("0e", "n")
try("0x1P", "n")
try(".e1", "n")
try("++1", "n")
try("- 1", "n")
try("inf", "n")
try("nan", "n")
try("", "n")
try("   ", "n")
try("0x", "n", "l")          -- reading stops at the first failure
-- valid numerals
try("  +5", "n")
try("\n\t 42abc", "n")
try("0x1p4", "n")
try("0X.8P-1", "n")
try("1..2", "n")
try("9223372036854775807", "n")
try("9223372036854775808", "n")      -- does not fit: a float
try("-9223372036854775808", "n")
try("0xffffffffffffffff", "n")       -- hex integers wrap around
try("00012", "n")
try("1e+5", "n")
try("5 6 7", "n", "n", "n", "n")
try("1,5", "n")
try(".5e3x", "n")
try("0x1.8", "n")
try("1E2", "n")
try("12 ", "n", 1)
try("1.5e10", "n")
try("1e500", "n")
try("3.", "n")
try("0xA", "n")
try("0xg", "n")
try("-0", "n")
try("-0.0", "n")
try("1 2\n3", "n", "l", "n")

-- the 200-character limit
local zeros = ""
for i = 1, 199 do zeros = zeros .. "0" end
local f = assert(io.open(name, "w"))
f:write(zeros .. "1", " ", zeros .. "12", " 7")
f:close()
f = assert(io.open(name))
print(f:read("n"))           -- exactly 200 characters: fine
print(f:read("n"))           -- 201: fails after consuming 200
print(f:read("a"))
f:close()

-- mixing "n" with other formats
f = assert(io.open(name, "w"))
f:write("10 20\nname 30\n")
f:close()
f = assert(io.open(name))
print(f:read("n", "n", "l"))
print(f:read("n"))
print(f:read("l"))
print(f:read("n", "n"))
f:close()
os.remove(name)
