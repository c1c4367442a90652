-- messages for malformed patterns
local pats = {
  "%", "abc%", "[a", "[%", "[]", "(", "(()", ")", "a)", "%1", "(a)%2", "(a%1)",
  "%b", "%bx", "%f", "%fx", "%f[a", "%g%", "[^", "((((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))))",
}
for _, p in ipairs(pats) do
  local ok, err = pcall(string.find, "some subject text (x)", p)
  print(string.format("%-12s", string.format("%q", p)):sub(1, 40), ok, err)
end
-- the same errors from match, gmatch, gsub
print(pcall(string.match, "x", "%"))
print(select("#", pcall(string.gmatch, "x", "[")), type(select(2, pcall(string.gmatch, "x", "["))))
print(pcall(function() for _ in string.gmatch("x", "[") do end end))
print(pcall(string.gsub, "x", "(", ""))
print(pcall(string.gsub, "x", "x)", ""))
-- errors in the replacement string
print(pcall(string.gsub, "x", "x", "%"))
print(pcall(string.gsub, "x", "x", "%a"))
print(pcall(string.gsub, "x", "(x)", "%2"))
