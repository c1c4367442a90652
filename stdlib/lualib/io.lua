-- io.lua — Lua parts of the io and os libraries (see scripts/gen_lualib.sh).

-- os.time(t) for a date table with a metatable: the fields are read and
-- written back with ordinary indexing, so __index and __newindex apply as
-- in lua5.4.  'rawtime' (from lib_os.c) does the work on a plain copy and
-- returns the time, or nil, a message, and whether it normalised the copy.
function L.os_time_meta(t, rawtime)
  local c = {}
  c.year = t.year
  c.month = t.month
  c.day = t.day
  c.hour = t.hour
  c.min = t.min
  c.sec = t.sec
  c.isdst = t.isdst
  local r, msg, normalised = rawtime(c)
  if r or normalised then
    t.year = c.year
    t.month = c.month
    t.day = c.day
    t.hour = c.hour
    t.min = c.min
    t.sec = c.sec
    t.yday = c.yday
    t.wday = c.wday
    t.isdst = c.isdst
  end
  if not r then error(msg, 2) end
  return r
end
