local function all(s, p) local r = {} for x in s:gmatch(p) do r[#r + 1] = x end return table.concat(r, "|") end
print(all("THE (quick) fox", "%f[%a]%a+"))
print(all("hello world, hi", "%f[%w]%w+%f[%W]"))
print(("THE (quick) fox"):find("%f[%a]%a+%f[%A]", 5))
print(("the cat in the hat"):gsub("%f[%w]the%f[%W]", "THE"))
print(("the cat in the hat"):gsub("%f[%a]%a", string.upper))
-- frontier at the start and end of the subject (the borders count as \0)
print(("word"):find("%f[%w]"), ("word"):find("%f[%W]"), ("word"):match("%f[%w](%w+)%f[%W]"))
print((""):find("%f[%a]"), (""):find("%f[%A]"))
print(("abc"):find("%f[%z]"), ("a\0b"):find("%f[%z]"))
-- frontier with sets
print(all("key1=val1;key2=val2", "%f[%w][%w]+%f[=]"))
print(all("1.5 22 333 4.44", "%f[%d]%d+%f[^%d%.]"))
print(("THE (quick) fox"):gsub("%f[%l]", "_"))
print(("aaa bbb"):gsub("%f[%S]", "^"), ("aaa bbb"):gsub("%f[%s]", "$"))
-- errors
print(pcall(string.find, "abc", "%f"))
print(pcall(string.find, "abc", "%fa"))
print(pcall(string.find, "abc", "%f[a"))
