local t = { "a", "b", "c", nil, "e" }
local out = {}
for i, v in ipairs(t) do out[#out + 1] = i .. v end
assert(table.concat(out, ",") == "1a,2b,3c")
print(table.concat(out, ","))
-- ipairs returns 3 values
local f, s, i = ipairs(t)
assert(s == t and i == 0 and type(f) == "function")
print(f(t, 0))
print(f(t, 3))
-- ipairs respects __index (5.4)
local proxy = setmetatable({}, { __index = function(_, k) if k <= 4 then return k * k end end })
out = {}
for i2, v in ipairs(proxy) do out[#out + 1] = v end
assert(table.concat(out, " ") == "1 4 9 16")
print(table.concat(out, " "))
-- modifying the table while iterating
local grow = { 1, 2, 3 }
local n = 0
for i2, v in ipairs(grow) do
  n = n + 1
  if i2 == 3 and #grow < 6 then grow[#grow + 1] = v + 1 end
end
print("n", n, #grow)
-- ipairs on empty and on hash-only
n = 0
for _ in ipairs({}) do n = n + 1 end
for _ in ipairs({ x = 1 }) do n = n + 1 end
assert(n == 0)
-- errors
print(pcall(ipairs))
print(select("#", pcall(ipairs, nil)), select(3, pcall(ipairs, nil)))
-- ipairs on a string value with __index metamethod of strings: ipairs("abc") indexes string
local ok, e = pcall(function() for i2, v in ipairs("abc") do end end)
print(ok, e)
