-- INI file parser with sections, comments, quoted values, continuation lines
-- and type conversion.
local function parse_ini(text)
  local data, order, section = {}, {}, nil
  local errors = {}
  local pending_key, lineno = nil, 0
  for line in (text .. "\n"):gmatch("(.-)\n") do
    lineno = lineno + 1
    line = line:gsub("%s+$", "")
    if pending_key and line:match("^%s+%S") then
      local t = data[section]
      t[pending_key] = t[pending_key] .. " " .. line:match("^%s+(.*)$")
    elseif line:match("^%s*$") or line:match("^%s*[;#]") then
      pending_key = nil
    elseif line:match("^%s*%[") then
      local name = line:match("^%s*%[%s*([^%]]-)%s*%]$")
      if not name or name == "" then errors[#errors + 1] = lineno .. ": bad section header"
      else section = name; data[section] = data[section] or {}; order[#order + 1] = name end
      pending_key = nil
    else
      local k, v = line:match("^%s*([%w_%.%-]+)%s*[=:]%s*(.-)%s*$")
      if not k then errors[#errors + 1] = lineno .. ": cannot parse '" .. line .. "'"
      elseif not section then errors[#errors + 1] = lineno .. ": key outside section"
      else
        local q = v:match('^"(.*)"$') or v:match("^'(.*)'$")
        if q then v = q:gsub("\\n", "\n")
        else v = v:gsub("%s*[;#].*$", "") end
        data[section][k] = v
        pending_key = k
      end
    end
  end
  return data, order, errors
end
local function convert(v)
  if v == "true" or v == "yes" or v == "on" then return true end
  if v == "false" or v == "no" or v == "off" then return false end
  return math.tointeger(tonumber(v)) or tonumber(v) or v
end
local ini = [[
; global comment
[server]
host = example.org   ; trailing comment
port: 8080
debug = yes
ratio = 0.75
motd = "Welcome!\nEnjoy"
[ paths ]
root = /var/www
include = a.conf
  b.conf
  c.conf
# comment
[empty]
[]
bad line here
[server]
port = 9090
hex = 0x1F
]]
local data, order, errors = parse_ini(ini)
print(table.concat(order, ","))
for _, sec in ipairs({ "server", "paths", "empty" }) do
  local keys = {}
  for k in pairs(data[sec]) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = convert(data[sec][k])
    print(sec .. "." .. k, type(v), string.format("%q", v))
  end
end
print(table.concat(errors, " | "))
local _, _, errs2 = parse_ini("x = 1\n[s]\ny")
print(table.concat(errs2, " | "))
