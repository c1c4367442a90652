-- comparisons between integers and floats are exact
local maxi, mini = math.maxinteger, math.mininteger
local two53 = 2^53
assert(9007199254740992 == two53)
assert(9007199254740993 ~= two53)
assert(9007199254740993 > two53)
assert(two53 < 9007199254740993)
assert(9007199254740993 >= two53 and not (9007199254740993 <= two53))
assert(9007199254740991 < two53)
assert(two53 + 1 == two53)  -- float arithmetic rounds
assert(maxi < 2^63 and maxi ~= 2^63 and maxi + 0.0 == 2^63)
assert(maxi <= 2^63 and not (maxi >= 2^63))
assert(2^63 > maxi and not (2^63 <= maxi))
assert(mini == -2^63 and mini <= -2^63 and mini >= -2^63)
assert(mini > -2^63 - 2^11 * 2)
assert(mini < -2^62)
assert(-2^64 < mini and 2^64 > maxi)
assert(1 < math.huge and maxi < math.huge and mini > -math.huge)
assert(-0.0 == 0 and 0 == -0.0 and not (-0.0 < 0))
assert(1 == 1.0 and -1 == -1.0 and 1 < 1.5 and 2 > 1.5 and 1 <= 1.0 and 1 >= 1.0)
assert(3 < 3.0000000000000004 and 3 <= 3.0000000000000004)
local nan = 0 / 0
for _, x in ipairs({ 1, 1.5, maxi, mini, math.huge, -math.huge }) do
  assert(not (nan < x) and not (nan > x) and not (nan <= x) and not (nan >= x) and nan ~= x)
  assert(not (x < nan) and not (x > nan) and not (x <= nan) and not (x >= nan) and x ~= nan)
end
-- table lookups with equal int/float keys
local t = { [9007199254740993] = "int" }
assert(t[2^53 + 1] == nil)   -- 2^53+1 rounds to 2^53
t[2^53] = "float"
assert(t[9007199254740992] == "float")
local vals = { maxi, maxi + 0.0, mini, mini + 0.0, two53, 9007199254740993, 1, 1.0, 0.5, -0.0 }
local out = {}
for i = 1, #vals do
  local row = {}
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    row[#row + 1] = (a < b and "<" or "") .. (a == b and "=" or "") .. (a > b and ">" or "")
  end
  out[#out + 1] = table.concat(row, " ")
end
print(table.concat(out, "\n"))
-- string comparisons
assert("a" < "b" and "abc" < "abd" and "" < "a" and "Z" < "a" and "a\0b" < "a\0c" and "a" < "a\0")
assert(not ("a" < "a") and "a" <= "a")
print("10" < "9", "abc" < "abcd", "" == "", "A" < "a")
