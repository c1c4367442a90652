-- os.time: the current time, date tables (defaults, normalisation, errors),
-- os.difftime; local time only through properties.
local now = os.time()
print(type(now), now == now // 1, now > 1600000000)
-- round trip through a local date table
local d = os.date("*t", now)
print(os.time(d) == now)
d = os.date("*t", 1000000000)
print(os.time(d) == 1000000000)
-- default hour is 12, min and sec 0
local noon = os.time({year = 2020, month = 6, day = 15})
local t = os.date("*t", noon)
print(t.year, t.month, t.day, t.hour, t.min, t.sec)
-- differences do not depend on the time zone (no DST at these dates?)
local a = os.time({year = 2000, month = 1, day = 1, hour = 0})
local b = os.time({year = 2000, month = 1, day = 2, hour = 0})
print(b - a, os.difftime(b, a))
-- normalisation rewrites the fields
local tt = {year = 2000, month = 14, day = -3, hour = 25, min = 61, sec = -1, isdst = false}
os.time(tt)
print(tt.year, tt.month, tt.day, tt.hour, tt.min, tt.sec, tt.wday, tt.yday)
tt = {year = 2021, month = 2, day = 29}
os.time(tt)
print(tt.year, tt.month, tt.day, tt.wday, tt.yday)
tt = {year = 2021, month = 1, day = 1, sec = 86400 * 31}
os.time(tt)
print(tt.year, tt.month, tt.day, tt.hour, tt.yday)
-- fields may be integral floats or numeric strings; others are ignored
tt = {year = "2000", month = 1.0, day = "0x1", hour = 0, extra = "ignored"}
print(os.time(tt) == a, tt.extra, tt.day)
-- errors
print(pcall(os.time, {}))
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 1.5}))
print(pcall(os.time, {year = 2000, month = "x", day = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = {}}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, min = "1.5"}))
print(pcall(os.time, {year = 2^40, month = 1, day = 1}))
print(pcall(os.time, {year = -2^40, month = 1, day = 1}))
local ok, r = pcall(os.time, {year = 2000, month = 2^31, day = 1})
print(ok, type(r))
print(pcall(os.time, {year = 2000, month = 1, day = 1, sec = 2^31}))
ok, r = pcall(os.time, {year = 2000, month = 1, day = 1, sec = -2^31})
print(ok, type(r))
print(pcall(os.time, 1))
print(pcall(os.time, "x"))
print(pcall(function() return os.time({year = 2000}) end))
-- nil means now
print(os.time(nil) >= now)
-- isdst is a boolean in the result
tt = {year = 2010, month = 1, day = 1}
os.time(tt)
print(type(tt.isdst))
-- a date table with metatables: fields are read with __index and written
-- with __newindex
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k)
    log[#log + 1] = "get " .. k
    if k == "year" then return 2000 elseif k == "month" then return 1
    elseif k == "day" then return 2 elseif k == "hour" then return 0 end
  end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k; rawset(t, k, v) end,
})
print(os.time(proxy) == b)
for i = 1, #log do io.write(log[i], "; ") end
print()
print(rawget(proxy, "year"), rawget(proxy, "day"), rawget(proxy, "yday"))
local bad = setmetatable({}, {__index = function() return nil end})
print(pcall(os.time, bad))
print(pcall(function() return os.time(bad) end))
-- difftime
print(os.difftime(10, 2), os.difftime(2, 10), os.difftime(5, 5))
print(pcall(os.difftime, 1))
print(pcall(os.difftime))
print(pcall(os.difftime, 1.5, 1))
print(os.difftime("10", 4.0))
