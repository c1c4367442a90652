-- escaping magic characters
local magic = "^$()%.[]*+-?"
local function escape(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
print(escape(magic))
local subject = "cost: $5.00 (approx.) [50%] a+b-c*d?e^f"
for i = 1, #magic do
  local c = magic:sub(i, i)
  local p = escape(c)
  io.write(c, "@", tostring(subject:find(p)), " ")
end
print()
print(subject:find(escape("$5.00")), subject:find(escape("[50%]")), subject:find(escape("a+b-c*d?e^f")))
print(subject:gsub(escape("."), "!"))
-- %-escapes of non-alphanumerics are literal
print(("a/b\\c"):gsub("%/", "|"), ("a/b\\c"):gsub("%\\", "|"), ("a,b"):gsub("%,", ";"))
-- literal use of - in the middle
print(("2024-01-02"):match("(%d+)%-(%d+)%-(%d+)"))
print(("a-b"):find("-"), ("a-b"):match("a-b"), ("a-b"):match("a%-b"))
-- patterns containing zero bytes
print(("a\0b\0c"):find("\0b"), ("a\0b\0c"):gsub("%z", "0"), ("a\0b\0c"):gsub("\0", "Z"))
print(#("x\0y"):match(".%z."), ("\0\0\0"):find("\0+"))
