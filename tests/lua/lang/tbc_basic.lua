-- minimal to-be-closed variables: nil and false values are allowed and ignored
local function f(n)
  local a <close> = nil
  local b <const> = n * 2
  do
    local c <close> = false
    n = n + b
  end
  return n
end
assert(f(1) == 3)
print(f(1), f(10))
local function g()
  local x <close> = nil
  return 1, 2, 3
end
print(g())
local count = 0
for i = 1, 3 do
  local h <close> = nil
  count = count + i
end
assert(count == 6)
print("count", count)
-- a non-closable value is an error
local ok, m = pcall(function() local y <close> = 42 end)
assert(not ok)
print((m:gsub("^.-:%d+: ", "")))
ok, m = pcall(function() local z <close> = {} end)
print((m:gsub("^.-:%d+: ", "")))
