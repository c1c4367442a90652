-- integer numeric for loops incl. overflow edges
local function collect(a, b, c)
  local t = {}
  if c then for i = a, b, c do t[#t + 1] = i end
  else for i = a, b do t[#t + 1] = i end end
  return t
end
local function show(t) local s = {} for i, v in ipairs(t) do s[i] = tostring(v) end return table.concat(s, ",") end

print(show(collect(1, 5)))
print(show(collect(5, 1)))
print(show(collect(5, 1, -1)))
print(show(collect(1, 10, 3)))
print(show(collect(10, 1, -4)))
print(show(collect(0, 0)))
assert(#collect(1, 0) == 0)
assert(#collect(1, 10, 3) == 4)

local maxi, mini = math.maxinteger, math.mininteger
local t = collect(maxi - 2, maxi)
assert(#t == 3 and t[3] == maxi)
print(show(t))
t = collect(mini + 2, mini, -1)
assert(#t == 3 and t[3] == mini)
print(show(t))
t = collect(mini, mini + 2)
assert(#t == 3)
t = collect(maxi, maxi)
assert(#t == 1)
t = collect(mini, maxi, maxi)
print(show(t))
assert(#t == 3)
t = collect(maxi, mini, mini)
print(show(t))
t = collect(1, maxi, maxi // 2)
print(show(t))
t = collect(-5, maxi, maxi)
print(show(t))
t = collect(maxi, maxi - 1)
assert(#t == 0)

-- modifying the control variable does not affect the loop
local count = 0
for i = 1, 3 do
  local j = i
  i = i * 100
  count = count + 1
  assert(i == j * 100)
end
assert(count == 3)

-- the limit is evaluated once
local lim = 3
count = 0
for i = 1, lim do lim = 10; count = count + 1 end
assert(count == 3)

-- integer loop variable stays integer
for i = 1, 2 do assert(math.type(i) == "integer") end
-- float limit with integer start: loop is integer, limit floored
t = collect(1, 3.7)
print(show(t))
assert(#t == 3 and math.type(t[1]) == "integer")
t = collect(3, 0.5, -1)
print(show(t))
count = 0
for i = maxi - 1, 1e100 do count = count + 1; assert(math.type(i) == "integer") end
assert(count == 2)
count = 0
for i = mini + 1, -1e100, -1 do count = count + 1 end
assert(count == 2)
count = 0
for i = 1, -math.huge do count = count + 1 end
assert(count == 0)
count = 0
for i = 1, math.huge do count = count + 1; if count == 5 then break end end
assert(count == 5)
for i = 3, 2.5 do error("no iterations") end
for i = -3, -3.5, -1 do count = count + 100 end
print("count", count)

-- errors
local function err(f) local ok, m = pcall(f); assert(not ok); print((m:gsub("^.-:%d+: ", ""))) end
err(function() for i = 1, 10, 0 do end end)
err(function() for i = "a", 10 do end end)
err(function() for i = 1, {} do end end)
err(function() for i = 1, 2, nil do end end)
err(function() for i = 1.0, 10, 0.0 do end end)
-- strings convertible to numbers are accepted by 'for' in 5.4
local got = {}
for i = "1", 2 do got[#got + 1] = math.type(i) .. ":" .. tostring(i) end
print(table.concat(got, " "))
got = {}
for i = 1, "2.5", "1" do got[#got + 1] = math.type(i) .. ":" .. tostring(i) end
print(table.concat(got, " "))
