-- generic for with various iterators
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
local s = 0
for i in range(5) do s = s + i end
assert(s == 15)
print("range", s)

-- stateless iterator with state and control
local function iter(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
end
local acc = {}
for i, v in iter, {"a", "b", "c"}, 0 do acc[#acc + 1] = i .. "=" .. v end
assert(table.concat(acc, ",") == "1=a,2=b,3=c")
print(table.concat(acc, ","))

-- ipairs stops at first nil
acc = {}
for i, v in ipairs({1, 2, nil, 4}) do acc[#acc + 1] = v end
assert(#acc == 2)

-- the iterator gets exactly (state, control)
local seen = {}
local function spy(st, ctl)
  seen[#seen + 1] = tostring(st) .. "/" .. tostring(ctl)
  if ctl < 3 then return ctl + 1, "x" end
end
for a, b in spy, "S", 0 do end
print(table.concat(seen, " "))

-- many loop variables, extras nil
for a, b, c, d in function(_, x) if not x then return 1, 2 end end do
  assert(a == 1 and b == 2 and c == nil and d == nil)
end

-- pairs with sorted keys
local t = { x = 1, y = 2, z = 3, 10, 20 }
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))

-- nested generic fors and break
local out = {}
for i in range(3) do
  for j in range(3) do
    if j > i then break end
    out[#out + 1] = i .. j
  end
end
print(table.concat(out, " "))

-- string.gmatch as iterator
out = {}
for w in string.gmatch("one two three", "%a+") do out[#out + 1] = w:upper() end
print(table.concat(out, "-"))

-- explicit 4th value nil (closing value) is allowed
local n = 0
for i in range(2), nil, nil, nil do n = n + 1 end
assert(n == 2)

-- modifying the loop var does not affect iteration
n = 0
for i, v in ipairs({5, 6, 7}) do i = 100; n = n + v end
assert(n == 18)
print("n", n)

-- calling a non-function iterator is an error
local ok, m = pcall(function() for x in 42 do end end)
assert(not ok)
print((m:gsub("^.-:%d+: ", "")))
