print(("ab"):rep(3), ("ab"):rep(3, ","), ("ab"):rep(1, ","), ("ab"):rep(0, ","), ("ab"):rep(-1))
print(("x"):rep(0) == "", (""):rep(1000) == "", #(""):rep(100, "ab"))
assert(("abc"):rep(2, "--") == "abc--abc")
assert(#("a"):rep(10000) == 10000)
print(#("abc"):rep(1000, ", "))
print(pcall(string.rep, "x", 1e10))
print(pcall(string.rep, "x", math.maxinteger))
print(pcall(string.rep, "ab", 2^62 // 1, "c"))
print(pcall(string.rep, "x"))
-- reverse
print(("hello"):reverse(), (""):reverse(), ("a"):reverse(), ("ab\0cd"):reverse() == "dc\0ba")
assert(("racecar"):reverse() == "racecar")
-- len
print(("hello"):len(), (""):len(), ("\0\0\0"):len(), string.len(12345), #"abc")
-- upper / lower (C locale: only ASCII letters change)
print(("Hello World 123!"):upper(), ("Hello World 123!"):lower())
print(("\xC3\xA9"):upper() == "\xC3\xA9", ("ÀB"):lower())
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local up, low = s:upper(), s:lower()
local changed_up, changed_low = 0, 0
for i = 1, 256 do
  if up:byte(i) ~= s:byte(i) then changed_up = changed_up + 1 end
  if low:byte(i) ~= s:byte(i) then changed_low = changed_low + 1 end
end
print(changed_up, changed_low)
assert(changed_up == 26 and changed_low == 26)
print(string.upper(1.5), string.lower(true and "X"))
print(pcall(string.upper), pcall(string.lower, {}))
