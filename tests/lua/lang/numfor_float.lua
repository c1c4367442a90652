local function collect(a, b, c)
  local t = {}
  for i = a, b, c or 1 do t[#t + 1] = i end
  return t
end
local function show(t) local s = {} for i, v in ipairs(t) do s[i] = math.type(v) .. ":" .. tostring(v) end return table.concat(s, " ") end

print(show(collect(0, 1, 0.25)))
print(show(collect(1.0, 3)))
print(show(collect(1, 3, 1.0)))
print(show(collect(1, 2, 0.5)))
print(show(collect(2, 1, -0.5)))
print(show(collect(0.1, 0.35, 0.1)))
print(show(collect(-1.5, 1.5)))
assert(#collect(0, 1, 0.25) == 5)
assert(#collect(1.0, 3) == 3)
for i = 1.0, 2 do assert(math.type(i) == "float") end
for i = 1, 2, 1.0 do assert(math.type(i) == "float") end

-- float loop with huge values terminates by comparison
local n = 0
for x = 1e308, math.huge, 1e308 do n = n + 1; if n > 3 then break end end
print("huge loop", n)
n = 0
for x = 2^53 - 3, 2^53 - 1 do n = n + 1 end
print("2^53 loop", n)
n = 0
for x = 0.0, -1.0, -0.5 do n = n + 1 end
assert(n == 3)
n = 0
for x = math.huge, 0 do n = n + 1 end
assert(n == 0)
n = 0
for x = -math.huge, 0, 1 do n = n + 1; if n == 4 then break end end
assert(n == 4)
print("ok")
