print(("hello"):find("(l)%1"), ("hello"):match("(l)%1"), ("abcabc"):match("(abc)%1"))
print(("say \"hi\" and 'bye'"):match("([\"'])(.-)%1"))
print(("x='a\"b' y=\"c'd\""):gsub("([\"'])(.-)%1", "<%2>"))
local out = {}
for q, body in ("'one' \"two\" 'th\"ree'"):gmatch("([\"'])(.-)%1") do out[#out + 1] = q .. body end
print(table.concat(out, " "))
print(("aaaa"):match("(a+)%1"), ("abab"):match("^(.-)%1$"), ("abcab"):match("^(.-)%1$"))
print(("[==[ long ]==]"):match("%[(=*)%[(.-)%]%1%]"))
print(("[=[ x ]==] ]=]"):match("%[(=*)%[(.-)%]%1%]"))
-- repeated words
local text = "this is is a test test of the the code"
local reps = {}
for w in text:gmatch("%f[%a](%a+)%s+%1%f[%A]") do reps[#reps + 1] = w end
print(table.concat(reps, ","))
-- position capture referenced back is an error
print(pcall(string.match, "aa", "()%1"))
-- back reference to an unfinished capture
print(pcall(string.match, "aa", "(a%1)"))
print(pcall(string.match, "aa", "%1(a)"))
print(pcall(string.match, "aa", "(a)%2"))
print(pcall(string.match, "aa", "(a)%0"))
