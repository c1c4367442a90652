-- Parse web-server log lines, aggregate by status, path and hour, and find
-- the slowest requests. Uses captures, frontier and anchors.
local log = [[
192.168.1.10 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326 0.012
10.0.0.5 - alice [10/Oct/2023:13:57:01 +0000] "POST /api/login HTTP/1.1" 302 0 0.150
192.168.1.10 - - [10/Oct/2023:14:01:12 +0000] "GET /images/logo.png HTTP/1.1" 304 0 0.002
172.16.0.3 - - [10/Oct/2023:14:05:44 +0000] "GET /api/items?page=2 HTTP/1.1" 200 5120 0.340
10.0.0.5 - alice [10/Oct/2023:14:06:02 +0000] "DELETE /api/items/17 HTTP/1.1" 403 87 0.005
garbage line that does not match
172.16.0.3 - - [10/Oct/2023:15:00:00 +0000] "GET /index.html HTTP/1.0" 200 2326 0.010
192.168.1.77 - bob [10/Oct/2023:15:30:59 +0000] "GET /missing HTTP/1.1" 404 153 0.001
10.0.0.5 - alice [10/Oct/2023:15:31:10 +0000] "PUT /api/items/17 HTTP/1.1" 500 42 1.250
]]
local pat = '^(%d+%.%d+%.%d+%.%d+) %S+ (%S+) %[(%d+)/(%a+)/(%d+):(%d+):(%d+):(%d+) ([+-]%d+)%] "(%u+) (%S+) HTTP/([%d.]+)" (%d%d%d) (%d+) ([%d.]+)$'
local entries, bad = {}, 0
for line in log:gmatch("[^\n]+") do
  local ip, user, day, mon, year, hh, mm, ss, tz, method, path, ver, status, size, dur = line:match(pat)
  if ip then
    entries[#entries + 1] = { ip = ip, user = user ~= "-" and user or nil, hour = tonumber(hh), method = method,
      path = path:gsub("%?.*$", ""), status = tonumber(status), size = tonumber(size), dur = tonumber(dur) }
  else bad = bad + 1 end
end
print("parsed", #entries, "bad", bad)
local function count_by(field)
  local c = {}
  for _, e in ipairs(entries) do local k = tostring(e[field]) c[k] = (c[k] or 0) + 1 end
  local keys = {}
  for k in pairs(c) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. ":" .. c[k] end
  return table.concat(out, " ")
end
print("status", count_by("status"))
print("method", count_by("method"))
print("hour", count_by("hour"))
print("ip", count_by("ip"))
print("user", count_by("user"))
local bytes = 0
for _, e in ipairs(entries) do bytes = bytes + e.size end
print("bytes", bytes)
table.sort(entries, function(a, b) return a.dur > b.dur end)
for i = 1, 3 do print(string.format("slow %d: %.3fs %s %s -> %d", i, entries[i].dur, entries[i].method, entries[i].path, entries[i].status)) end
local api = 0
for _, e in ipairs(entries) do if e.path:find("^/api/") then api = api + 1 end end
local errors = 0
for _, e in ipairs(entries) do if e.status >= 400 then errors = errors + 1 end end
print("api calls", api, "errors", errors, string.format("error rate %.1f%%", 100 * errors / #entries))
