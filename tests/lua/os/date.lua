-- os.date with fixed times in UTC: every C99 conversion, "*t"/"!*t",
-- literal text, and the invalid conversion errors.
local t0 = 86400                     -- 1970-01-02 00:00:00 UTC
local t1 = 1000000000                -- 2001-09-09 01:46:40 UTC
print(os.date("!%Y-%m-%d %H:%M:%S", t0))
print(os.date("!%c", 0))
print(os.date("!%x %X %p %j %a %A %b %B %y %C %e %D %F %g %G %h %I", t1))
print(os.date("!%n|%r|%R|%t|%T|%u|%U|%V|%w|%W|%z|%Z|%%", t1))
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY", t1))
print(os.date("!%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", t1))
-- all single conversions, one by one
local convs = {"a", "A", "b", "B", "c", "C", "d", "D", "e", "F", "g", "G", "h",
  "H", "I", "j", "m", "M", "n", "p", "r", "R", "S", "t", "T", "u", "U", "V",
  "w", "W", "x", "X", "y", "Y", "z", "Z", "%"}
for _, c in ipairs(convs) do
  io.write(c, "=[", os.date("!%" .. c, 1234567890), "] ")
end
print()
-- dates around edges: leap day, year end, negative times
print(os.date("!%Y-%m-%d %j %a", 951782400))      -- 2000-02-29
print(os.date("!%Y-%m-%d %j %U %W %V %G", 978220800))  -- 2000-12-31
print(os.date("!%Y-%m-%d %H:%M:%S", -1))
print(os.date("!%Y-%m-%d", -86400 * 365))
print(os.date("!%Y", 253402300799))              -- 9999-12-31
-- text around conversions, and strings with '\0'
print(os.date("!day %d of %B, year %Y!", t1))
print(os.date("!", t1) == "", os.date("", t1) == "")
print(#os.date("!%Y\0%m", 0), os.date("!%Y\0%m", 0) == "1970\0" .. "01")
print(os.date("!no conversions", t1))
-- the time argument: integers, integral floats, numeric strings
print(os.date("!%H:%M", 3600.0), os.date("!%H:%M", "7200"))
-- "*t" and "!*t"
local d = os.date("!*t", t1)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
d = os.date("!*t", 0)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
local n = 0
for k in pairs(d) do n = n + 1 end
print(n)
local l = os.date("*t", t1)
print(type(l.year), type(l.isdst), l.min, l.sec)
-- invalid conversions: the message quotes the rest of the format
print(pcall(os.date, "%Ez abc"))
print(pcall(os.date, "%"))
print(pcall(os.date, "abc %"))
print(pcall(os.date, "%E"))
print(pcall(os.date, "%O"))
print(pcall(os.date, "%Oz"))
print(pcall(os.date, "%Ea"))
print(pcall(os.date, "%Q and more"))
print(pcall(os.date, "!%Y\0%Q", 0))
print(pcall(os.date, "%Y %k", 0))
print(pcall(os.date, "%Y %E", 0))
print(pcall(os.date, "%5d", 0))
print(pcall(os.date, "%-d", 0))
-- argument errors
print(pcall(os.date, "%Y", 1.5))
print(pcall(os.date, "%Y", "x"))
print(pcall(os.date, "%Y", {}))
print(pcall(os.date, {}))
print(pcall(os.date, "*t", 2^60))
print(pcall(os.date, "!*t", -2^60))
print(pcall(os.date, "%Y", 1 << 62))
print(os.date(1, 0))          -- a number format is a string
print(function() return os.date("%d") end ~= nil)
-- the default format is "%c" and the default time is now
print(type(os.date()), type(os.date("%c")), os.date("!%c", 0) == os.date("!%c", 0))
