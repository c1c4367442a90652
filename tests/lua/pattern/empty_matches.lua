-- patterns that can match the empty string
print(("abc"):find(""), ("abc"):find("x*"), ("abc"):find("x*", 2), ("abc"):find("x*", 4), ("abc"):find("x*", 5))
print(("abc"):gsub("x*", "-"))
print(("abc"):gsub("b*", "-"))
print(("a,b,,c"):gsub(",*", "|"))
local out = {}
for w in ("a,b,,c"):gmatch("[^,]*") do out[#out + 1] = "[" .. w .. "]" end
print(table.concat(out))
out = {}
for w in ("  x  y "):gmatch("%s*") do out[#out + 1] = #w end
print(table.concat(out, " "))
out = {}
for a, b in ("abc"):gmatch("()x*()") do out[#out + 1] = a .. "-" .. b end
print(table.concat(out, " "))
print((""):gsub("", "x"), (""):gsub(".", "x"), (""):gsub("x*", "y"))
print(("abc"):gsub(".-", "-"))
print(("hello world"):gsub("o?", "0"))
