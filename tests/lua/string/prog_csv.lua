-- CSV parsing with quoted fields, escaped quotes and embedded separators,
-- then aggregation and formatted output.
local function parse_line(line, sep)
  sep = sep or ","
  local fields, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local buf, i = {}, pos + 1
      while true do
        local q = line:find('"', i, true)
        if not q then error("unterminated quoted field", 0) end
        buf[#buf + 1] = line:sub(i, q - 1)
        if line:sub(q + 1, q + 1) == '"' then buf[#buf + 1] = '"'; i = q + 2
        else pos = q + 1 break end
      end
      fields[#fields + 1] = table.concat(buf)
      local c = line:sub(pos, pos)
      if c == "" then break end
      if c ~= sep then error("garbage after quoted field at " .. pos, 0) end
      pos = pos + 1
    else
      local e = line:find(sep, pos, true)
      if e then fields[#fields + 1] = line:sub(pos, e - 1); pos = e + 1
      else fields[#fields + 1] = line:sub(pos); break end
    end
  end
  return fields
end

local data = [[
name,city,amount,date
"Smith, John",Boston,120.50,2024-01-03
Ann,"New ""Old"" York",75,2024-01-04
Bob,Boston,30.25,2024-02-10
"Lee",Chicago,,2024-02-11
Zoe,Chicago,99.99,2024-03-01
"",Boston,1,2024-03-02
]]
local rows, header = {}, nil
for line in data:gmatch("[^\n]+") do
  local f = parse_line(line)
  if not header then header = f else
    local r = {}
    for i, h in ipairs(header) do r[h] = f[i] end
    rows[#rows + 1] = r
  end
end
print(#rows, table.concat(header, "|"))
for i, r in ipairs(rows) do print(i, string.format("%-14s %-18s %8s %s", string.format("%q", r.name), string.format("%q", r.city), r.amount, r.date)) end
local bycity, months = {}, {}
for _, r in ipairs(rows) do
  local amt = tonumber(r.amount) or 0
  bycity[r.city] = (bycity[r.city] or 0) + amt
  local m = r.date:match("^%d+%-(%d+)")
  months[m] = (months[m] or 0) + 1
end
local cities = {}
for c in pairs(bycity) do cities[#cities + 1] = c end
table.sort(cities)
for _, c in ipairs(cities) do print(string.format("%-16s %10.2f", c, bycity[c])) end
local ms = {}
for m, n in pairs(months) do ms[#ms + 1] = m .. ":" .. n end
table.sort(ms)
print(table.concat(ms, " "))
-- write back with quoting where needed
local function quote(s) if s:find('[,"\n]') then return '"' .. s:gsub('"', '""') .. '"' end return s end
for _, r in ipairs(rows) do
  local out = {}
  for i, h in ipairs(header) do out[i] = quote(r[h]) end
  print(table.concat(out, ","))
end
for _, bad in ipairs({ '"open,1', '"a"b,2', 'x;y;"z"', "a,,b," }) do
  local ok, res = pcall(parse_line, bad)
  print(ok, ok and (#res .. ":" .. table.concat(res, "/")) or res)
end
print(table.concat(parse_line('x;y;"z;w"', ";"), "/"))
