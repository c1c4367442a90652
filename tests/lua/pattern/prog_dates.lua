-- Date/time parsing with several formats, validation and day-of-week by
-- Zeller's congruence, all with patterns and integer arithmetic.
local months = { jan = 1, feb = 2, mar = 3, apr = 4, may = 5, jun = 6, jul = 7, aug = 8, sep = 9, oct = 10, nov = 11, dec = 12 }
local function leap(y) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end
local mdays = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local function valid(y, m, d) return m >= 1 and m <= 12 and d >= 1 and d <= (m == 2 and leap(y) and 29 or mdays[m]) end
local function dow(y, m, d)
  if m < 3 then m = m + 12; y = y - 1 end
  local k, j = y % 100, y // 100
  local h = (d + (13 * (m + 1)) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
  return ({ "Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri" })[h + 1]
end
local formats = {
  { "^(%d%d%d%d)%-(%d%d)%-(%d%d)$", function(a, b, c) return a, b, c end },
  { "^(%d%d?)/(%d%d?)/(%d%d%d%d)$", function(m, d, y) return y, m, d end },
  { "^(%d%d?)%.(%d%d?)%.(%d%d%d%d)$", function(d, m, y) return y, m, d end },
  { "^(%d%d?)%s+(%a%a%a)%a*%s+(%d%d%d%d)$", function(d, mon, y) return y, months[mon:lower()], d end },
  { "^(%a%a%a)%a*%s+(%d%d?),?%s+(%d%d%d%d)$", function(mon, d, y) return y, months[mon:lower()], d end },
}
local function parse(s)
  s = s:match("^%s*(.-)%s*$")
  local date, time = s:match("^(.-)[T ](%d%d?:%d%d:?%d*)$")
  if not date then date = s end
  for _, f in ipairs(formats) do
    local a, b, c = date:match(f[1])
    if a then
      local y, m, d = f[2](a, b, c)
      y, m, d = tonumber(y), tonumber(m), tonumber(d)
      if not m or not valid(y, m, d) then return nil, "invalid date" end
      local hh, mm, ss = 0, 0, 0
      if time then
        hh, mm, ss = time:match("^(%d+):(%d+):?(%d*)$")
        hh, mm, ss = tonumber(hh), tonumber(mm), tonumber(ss) or 0
        if hh > 23 or mm > 59 or ss > 59 then return nil, "invalid time" end
      end
      return string.format("%04d-%02d-%02d %02d:%02d:%02d %s", y, m, d, hh, mm, ss, dow(y, m, d))
    end
  end
  return nil, "unrecognised format"
end
local inputs = {
  "2024-02-29", "2023-02-29", "12/25/2023", "1/2/2000", "31.12.1999", "  7 July 1969  ",
  "March 14, 2015", "Dec 7 1941", "2024-01-15T13:45:30", "2024-01-15 8:05", "2024-13-01",
  "2024-01-15 24:00", "yesterday", "1900-02-29", "2000-02-29",
}
for _, s in ipairs(inputs) do print(string.format("%-24s", string.format("%q", s)), parse(s)) end
