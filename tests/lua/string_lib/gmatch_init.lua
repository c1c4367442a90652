-- gmatch: init argument, '^' (a plain character for gmatch in lua5.4.4),
-- empty matches, iterators used after the end
local function all(s, p, init)
  local r = {}
  for a, b in string.gmatch(s, p, init) do r[#r + 1] = b and (a .. "/" .. b) or tostring(a) end
  return table.concat(r, ",")
end
print(all("abcabc", "b"), all("abcabc", "b", 3), all("abcabc", "b", -2), all("abcabc", "b", -100), all("abcabc", "b", 100))
print(all("abc", ""), all("abc", "", 4), all("abc", "", 5), all("abc", "()", 2))
print(all("abc", "^."), all("^abc", "^."), all("a^b^c", "%^."))
print(all("aaa", "a*"), all("abab", "b*"), all("k=v, x=y", "(%w+)=(%w+)"))
print(all("one two  three", "%S+"), all("a,b,,c", "([^,]*)"))
local it = ("ab"):gmatch(".")
print(it(), it(), it(), it())
print(pcall(string.gmatch, "x"))
print(type(select(2, pcall(string.gmatch, "x", "%"))))
local ok, err = pcall(function() for _ in ("x"):gmatch("%") do end end)
print(ok, err)
print(pcall(string.gmatch, "x", ".", "y"))
