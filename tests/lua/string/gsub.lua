print(("hello world"):gsub("o", "0"))
print(("hello world"):gsub("o", "0", 1))
print(("hello world"):gsub("o", "0", 0))
print(("hello world"):gsub("l+", "L"))
print(("hello"):gsub("", "-"))
print(("abc"):gsub(".", "%0%0"))
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))
print(("abc"):gsub("(a)(b)(c)", "%3%2%1%%"))
print(("a,b,,c"):gsub(",", ";"))
print(("x"):gsub("x", "%%1"))
-- table replacement
local t = { name = "Lua", version = "5.4" }
print(("$name $version $missing"):gsub("%$(%w+)", t))
print(("a b c"):gsub("%a", { a = 1, b = false }))
print(pcall(string.gsub, "a b c", "%a", { a = 1, b = true }))
-- function replacement
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
print(("abc"):gsub("%a", function(c) if c == "b" then return nil end return c:upper() end))
print(("abc"):gsub("%a", function(c) return false end))
print(("hello"):gsub("l", function() end))
print(("k=v"):gsub("(%w)=(%w)", function(k, v) return v .. "=" .. k end))
print(("abc"):gsub("()", function(p) return p end))
-- anchored patterns
print(("aaa"):gsub("^a", "b"))
print(("hello hello"):gsub("^hello", "bye"))
print(("abc"):gsub("$", "!"))
print(("abc"):gsub("^", ">"))
-- max n
print(("aaaa"):gsub("a", "b", 2))
print(("aaaa"):gsub("a", "b", -1))
print(("aaaa"):gsub("a", "b", 2.0))
-- empty match after a non-empty match
print(("abc d"):gsub("%w*", "X"))
print(("a;b"):gsub(";*", "|"))
-- replacement strings with numbers
print(("x"):gsub("x", 42), ("x"):gsub("x", 1.5))
-- escaping special characters in the subject via %p
print(("1+1=2?"):gsub("%p", "%%%0"))
-- errors
local function e(...) local ok, m = pcall(...); print(ok, m) end
e(string.gsub, "abc", "(", "x")
e(string.gsub, "abc", "a", "%2")
e(string.gsub, "abc", "(a)", "%2")
e(string.gsub, "abc", "a", "%x")
e(string.gsub, "abc", "a", {}, "x")
e(string.gsub, "abc", "a")
e(string.gsub, "abc", ".", function() return {} end)
e(string.gsub, "abc", ".", { a = {} })
-- whole capture %0 and %1 without explicit captures
print(("abc"):gsub("b", "[%1]"))
print(("abc"):gsub("b", "[%0]"))
