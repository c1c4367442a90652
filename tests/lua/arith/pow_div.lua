-- exponentiation and float division
local function f(x) if x ~= x then return "nan" end return tostring(x) end
local cases = {
  {2, 10}, {2, 0.5}, {2, -1}, {0, 0}, {0, -1}, {-2, 2}, {-2, 3}, {10, 15}, {10, -2},
  {4, 0.5}, {1, math.huge}, {2, math.huge}, {0.5, math.huge}, {2, -math.huge},
  {math.huge, 0}, {-8, 1/3}, {1e10, 31}, {3, 40},
}
for _, c in ipairs(cases) do print(c[1], c[2], f(c[1] ^ c[2])) end
assert(2 ^ 10 == 1024.0 and math.type(2 ^ 10) == "float")
assert(0 ^ 0 == 1.0)
assert(2 ^ 0.5 == math.sqrt(2))
assert(10 ^ -2 == 0.01)
local divs = { {1, 2}, {7, 7}, {1, 3}, {-1, 3}, {10, 4}, {0, 5}, {0, -5}, {1e308, 0.1}, {5, math.huge}, {math.mininteger, -1}, {math.maxinteger, 1} }
for _, c in ipairs(divs) do
  local r = c[1] / c[2]
  assert(math.type(r) == "float")
  print(c[1], c[2], f(r))
end
assert(7 / 7 == 1.0 and 10 / 4 == 2.5)
assert(math.mininteger / -1 == 2^63)
