-- A JSON encoder (sorted object keys, deterministic) and decoder written with
-- string and table functions only, plus a round-trip check.
local json = {}

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 then return false end
    n = math.max(n, k)
  end
  for i = 1, n do if t[i] == nil then return false end end
  return true, n
end

function json.encode(v, indent, depth)
  depth = depth or 0
  local t = type(v)
  if v == nil or v == json.null then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot encode " .. tostring(v)) end
    if math.type(v) == "integer" then return tostring(v) end
    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%d", v) end
    return string.format("%.14g", v)
  elseif t == "string" then return encode_string(v)
  elseif t == "table" then
    local arr, n = is_array(v)
    local nl = indent and "\n" .. string.rep(indent, depth + 1) or ""
    local close = indent and "\n" .. string.rep(indent, depth) or ""
    local parts = {}
    if arr and n > 0 then
      for i = 1, n do parts[i] = json.encode(v[i], indent, depth + 1) end
      return "[" .. nl .. table.concat(parts, "," .. nl) .. close .. "]"
    end
    local keys = {}
    for k in pairs(v) do
      if type(k) ~= "string" then error("object key must be a string, got " .. type(k)) end
      keys[#keys + 1] = k
    end
    if #keys == 0 then return arr and "[]" or "{}" end
    table.sort(keys)
    for i, k in ipairs(keys) do
      parts[i] = encode_string(k) .. (indent and ": " or ":") .. json.encode(v[k], indent, depth + 1)
    end
    return "{" .. nl .. table.concat(parts, "," .. nl) .. close .. "}"
  end
  error("cannot encode type " .. t)
end

json.null = setmetatable({}, { __tostring = function() return "null" end })

function json.decode(s)
  local pos = 1
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local function fail(msg) error(("json: %s at position %d"):format(msg, pos), 0) end
  local value
  local function str()
    pos = pos + 1
    local buf = {}
    while true do
      local c = s:sub(pos, pos)
      if c == "" then fail("unterminated string") end
      if c == '"' then pos = pos + 1 break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        local map = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
        if map[e] then buf[#buf + 1] = map[e]; pos = pos + 2
        elseif e == "u" then
          local hex = s:match("^%x%x%x%x", pos + 2) or fail("bad unicode escape")
          local cp = tonumber(hex, 16)
          if cp < 0x80 then buf[#buf + 1] = string.char(cp)
          elseif cp < 0x800 then buf[#buf + 1] = string.char(0xC0 | (cp >> 6), 0x80 | (cp & 0x3F))
          else buf[#buf + 1] = string.char(0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)) end
          pos = pos + 6
        else fail("bad escape") end
      else
        local run = s:match('^[^"\\]+', pos)
        buf[#buf + 1] = run
        pos = pos + #run
      end
    end
    return table.concat(buf)
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      pos = pos + 1
      local obj = {}
      ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return obj end
      while true do
        ws()
        if s:sub(pos, pos) ~= '"' then fail("expected string key") end
        local k = str()
        ws()
        if s:sub(pos, pos) ~= ":" then fail("expected ':'") end
        pos = pos + 1
        obj[k] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "}" then return obj end
        if d ~= "," then pos = pos - 1 fail("expected ',' or '}'") end
      end
    elseif c == "[" then
      pos = pos + 1
      local arr = {}
      ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1 return arr end
      while true do
        arr[#arr + 1] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "]" then return arr end
        if d ~= "," then pos = pos - 1 fail("expected ',' or ']'") end
      end
    elseif c == '"' then return str()
    elseif s:find("^true", pos) then pos = pos + 4 return true
    elseif s:find("^false", pos) then pos = pos + 5 return false
    elseif s:find("^null", pos) then pos = pos + 4 return json.null
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then fail("unexpected character '" .. c .. "'") end
      pos = pos + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local v = value()
  ws()
  if pos <= #s then fail("trailing garbage") end
  return v
end

local doc = {
  name = "lurel", version = 1, ratio = 0.25, big = 1e20, neg = -3,
  tags = { "vm", "actors", "lua" }, nested = { a = { b = { c = { true, false } } } },
  empty_obj = {}, text = 'quote " backslash \\ newline \n tab \t ctrl \1',
  list = { 1, 2.5, "three", { four = 4 } },
}
local enc = json.encode(doc)
print(enc)
print(json.encode(doc, "  "))
local dec = json.decode(enc)
local re = json.encode(dec)
assert(re == enc, "round trip mismatch")
print("round trip ok", #enc)
assert(dec.tags[2] == "actors" and dec.nested.a.b.c[2] == false and dec.text == doc.text)
local samples = {
  '[1, 2, 3]', '{"a": [true, null, false], "b": {"c": "d"}}', '"\\u0041\\u00e9\\u20ac"',
  '  {  }  ', '[[[]]]', '-12.5e2', '{"a" 1}', '[1, 2', '"abc', 'nul', '[1,]x', '{"k": 1} extra',
}
for _, s in ipairs(samples) do
  local ok, v = pcall(json.decode, s)
  if ok then print("ok ", s, "=>", json.encode(v)) else print("err", s, "=>", v) end
end
print(pcall(json.encode, { [1] = 1, [3] = 3 }))
print(pcall(json.encode, { [true] = 1 }))
print(pcall(json.encode, 0 / 0 ~= 0 / 0 and math.huge))
print(pcall(json.encode, print))
