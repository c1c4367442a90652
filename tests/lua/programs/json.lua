-- A JSON encoder/decoder with round-trip tests, error positions, a
-- pretty-printer and a temp-file round trip through io.
local json = {}

---------------------------------------------------------------------------
-- encoder
---------------------------------------------------------------------------
local escapes = {
  ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
}

local function escape_char(c)
  return escapes[c] or string.format("\\u%04x", c:byte())
end

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', escape_char) .. '"'
end

local function encode_number(n)
  if n ~= n or n == math.huge or n == -math.huge then
    error("cannot encode number " .. tostring(n), 0)
  end
  if math.type(n) == "integer" then
    return string.format("%d", n)
  end
  if n == math.floor(n) and math.abs(n) < 2^53 then
    -- keep floats recognisable: 3.0 stays 3.0
    return string.format("%.1f", n)
  end
  local s = string.format("%.14g", n)
  if tonumber(s) ~= n then s = string.format("%.17g", n) end
  return s
end

-- an array is a table whose keys are exactly 1..#t (and which is non-empty,
-- or is marked as an array through its metatable)
local array_mt = { __name = "json.array" }
function json.array(t) return setmetatable(t or {}, array_mt) end

local function is_array(t)
  if getmetatable(t) == array_mt then return true end
  local n = 0
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 then return false end
    n = n + 1
  end
  for i = 1, n do if t[i] == nil then return false end end
  return n > 0
end

local function key_less(a, b)
  return a < b
end

local encode_value

local function encode_table(t, opts, depth, seen)
  if seen[t] then error("cycle detected in table", 0) end
  seen[t] = true
  local indent = opts.indent
  local nl, pad, pad_in, colon = "", "", "", ":"
  if indent then
    nl = "\n"
    pad = string.rep(" ", indent * depth)
    pad_in = string.rep(" ", indent * (depth + 1))
    colon = ": "
  end
  local parts = {}
  local out
  if is_array(t) then
    for i = 1, #t do
      parts[#parts + 1] = pad_in .. encode_value(t[i], opts, depth + 1, seen)
    end
    if #parts == 0 then out = "[]"
    else out = "[" .. nl .. table.concat(parts, "," .. nl) .. nl .. pad .. "]" end
  else
    local keys = {}
    for k in pairs(t) do
      if type(k) ~= "string" then
        error("object key must be a string, got " .. type(k), 0)
      end
      table.insert(keys, k)
    end
    table.sort(keys, key_less)
    for _, k in ipairs(keys) do
      parts[#parts + 1] = pad_in .. encode_string(k) .. colon ..
                          encode_value(t[k], opts, depth + 1, seen)
    end
    if #parts == 0 then out = "{}"
    else out = "{" .. nl .. table.concat(parts, "," .. nl) .. nl .. pad .. "}" end
  end
  seen[t] = nil
  return out
end

json.null = setmetatable({}, { __tostring = function() return "null" end })

function encode_value(v, opts, depth, seen)
  local tv = type(v)
  if v == json.null or v == nil then return "null"
  elseif tv == "boolean" then return tostring(v)
  elseif tv == "number" then return encode_number(v)
  elseif tv == "string" then return encode_string(v)
  elseif tv == "table" then return encode_table(v, opts, depth, seen)
  else error("cannot encode value of type " .. tv, 0) end
end

function json.encode(v, opts)
  return encode_value(v, opts or {}, 0, {})
end

---------------------------------------------------------------------------
-- decoder
---------------------------------------------------------------------------
local Decoder = {}
Decoder.__index = Decoder

local function decode_error(d, msg, pos)
  pos = pos or d.pos
  -- line and column of pos
  local line, col = 1, 1
  local s = d.s
  local i = 1
  while true do
    local j = s:find("\n", i, true)
    if not j or j >= pos then break end
    line = line + 1
    i = j + 1
  end
  col = pos - i + 1
  error(string.format("json: %s at position %d (line %d, column %d)",
                      msg, pos, line, col), 0)
end

function Decoder:skip()
  local _, e = self.s:find("^[ \t\r\n]*", self.pos)
  self.pos = e + 1
end

function Decoder:peek()
  return self.s:sub(self.pos, self.pos)
end

local function codepoint_to_utf8(cp)
  return utf8.char(cp)
end

function Decoder:string()
  local s = self.s
  local start = self.pos
  assert(s:sub(start, start) == '"')
  local i = start + 1
  local buf = {}
  while true do
    local j = s:find('["\\%c]', i)
    if not j then decode_error(self, "unterminated string", start) end
    if j > i then buf[#buf + 1] = s:sub(i, j - 1) end
    local c = s:sub(j, j)
    if c == '"' then
      self.pos = j + 1
      break
    elseif c == "\\" then
      local e = s:sub(j + 1, j + 1)
      local simple = ({ ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b',
                        f = '\f', n = '\n', r = '\r', t = '\t' })[e]
      if simple then
        buf[#buf + 1] = simple
        i = j + 2
      elseif e == "u" then
        local hex = s:match("^%x%x%x%x", j + 2)
        if not hex then decode_error(self, "bad \\u escape", j) end
        local cp = tonumber(hex, 16)
        i = j + 6
        if cp >= 0xD800 and cp <= 0xDBFF then
          local lo = s:match("^\\u(%x%x%x%x)", i)
          local lov = lo and tonumber(lo, 16)
          if not lov or lov < 0xDC00 or lov > 0xDFFF then
            decode_error(self, "unpaired high surrogate", j)
          end
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lov - 0xDC00)
          i = i + 6
        elseif cp >= 0xDC00 and cp <= 0xDFFF then
          decode_error(self, "unpaired low surrogate", j)
        end
        buf[#buf + 1] = codepoint_to_utf8(cp)
      else
        decode_error(self, "bad escape '\\" .. e .. "'", j)
      end
    else
      decode_error(self, string.format("control character 0x%02X in string", c:byte()), j)
    end
  end
  local str = table.concat(buf)
  if not utf8.len(str) then
    local _, bad = utf8.len(str)
    decode_error(self, "invalid UTF-8 (byte " .. bad .. " of string)", start)
  end
  return str
end

function Decoder:number()
  local s = self.s
  local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", self.pos)
  if not num or num == "-" then decode_error(self, "bad number") end
  -- JSON forbids leading zeros and a bare trailing dot
  if num:find("^-?0%d") then decode_error(self, "leading zero in number") end
  if num:find("%.$") or num:find("%.[eE]") then decode_error(self, "digit expected after '.'") end
  if num:find("[eE][-+]?$") then decode_error(self, "digit expected in exponent") end
  local v
  if num:find("[.eE]") then
    v = tonumber(num)
  else
    v = math.tointeger(tonumber(num)) or tonumber(num)
  end
  if v == nil then decode_error(self, "bad number '" .. num .. "'") end
  self.pos = self.pos + #num
  return v
end

function Decoder:literal(word, value)
  if self.s:sub(self.pos, self.pos + #word - 1) ~= word then
    decode_error(self, "unexpected '" .. self.s:sub(self.pos, self.pos) .. "'")
  end
  self.pos = self.pos + #word
  return value
end

function Decoder:value()
  self:skip()
  local c = self:peek()
  if c == "{" then return self:object()
  elseif c == "[" then return self:array()
  elseif c == '"' then return self:string()
  elseif c == "-" or c:find("%d") then return self:number()
  elseif c == "t" then return self:literal("true", true)
  elseif c == "f" then return self:literal("false", false)
  elseif c == "n" then return self:literal("null", json.null)
  elseif c == "" then decode_error(self, "unexpected end of input")
  else decode_error(self, "unexpected '" .. c .. "'") end
end

function Decoder:array()
  self.depth = self.depth + 1
  if self.depth > 64 then decode_error(self, "nesting too deep") end
  self.pos = self.pos + 1
  local t = json.array()
  self:skip()
  if self:peek() == "]" then
    self.pos = self.pos + 1
    self.depth = self.depth - 1
    return t
  end
  while true do
    t[#t + 1] = self:value()
    self:skip()
    local c = self:peek()
    self.pos = self.pos + 1
    if c == "]" then break end
    if c ~= "," then decode_error(self, "',' or ']' expected", self.pos - 1) end
  end
  self.depth = self.depth - 1
  return t
end

function Decoder:object()
  self.depth = self.depth + 1
  if self.depth > 64 then decode_error(self, "nesting too deep") end
  self.pos = self.pos + 1
  local t = {}
  self:skip()
  if self:peek() == "}" then
    self.pos = self.pos + 1
    self.depth = self.depth - 1
    return t
  end
  while true do
    self:skip()
    if self:peek() ~= '"' then decode_error(self, "string key expected") end
    local k = self:string()
    self:skip()
    if self:peek() ~= ":" then decode_error(self, "':' expected") end
    self.pos = self.pos + 1
    if t[k] ~= nil then decode_error(self, "duplicate key '" .. k .. "'") end
    t[k] = self:value()
    self:skip()
    local c = self:peek()
    self.pos = self.pos + 1
    if c == "}" then break end
    if c ~= "," then decode_error(self, "',' or '}' expected", self.pos - 1) end
  end
  self.depth = self.depth - 1
  return t
end

function json.decode(s)
  if type(s) ~= "string" then
    error("bad argument #1 to 'decode' (string expected, got " .. type(s) .. ")", 2)
  end
  local d = setmetatable({ s = s, pos = 1, depth = 0 }, Decoder)
  local v = d:value()
  d:skip()
  if d.pos <= #s then decode_error(d, "trailing garbage") end
  return v
end

---------------------------------------------------------------------------
-- deep comparison
---------------------------------------------------------------------------
local function deep_equal(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then
    if a ~= a and b ~= b then return true end
    return a == b and math.type(a) == math.type(b)
  end
  for k, v in pairs(a) do
    if not deep_equal(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local checks, failures = 0, 0
local function check(cond, what)
  checks = checks + 1
  if not cond then
    failures = failures + 1
    print("CHECK FAILED: " .. what)
  end
end

---------------------------------------------------------------------------
-- 1. encoding basics
---------------------------------------------------------------------------
print("== encode")
local samples = {
  { "int", 42 }, { "neg", -17 }, { "zero", 0 }, { "float", 3.5 },
  { "float-int", 3.0 }, { "neg float", -0.25 }, { "small", 1e-10 },
  { "big", 1.5e300 }, { "third", 1 / 3 }, { "maxint", math.maxinteger },
  { "minint", math.mininteger }, { "true", true }, { "false", false },
  { "null", json.null }, { "str", "hello" }, { "quote", 'a "b" c' },
  { "ctl", "tab\there\nnew\1\31" }, { "backslash", "c:\\dir\\" },
  { "utf8", "h\u{E9}llo \u{4E16}\u{754C} \u{1F600}" },
  { "empty obj", {} }, { "empty arr", json.array() },
  { "array", { 1, 2, 3, "four", { 5 } } },
  { "object", { b = 1, a = 2, c = { z = true, y = false } } },
}
for i, s in ipairs(samples) do
  io.write(string.format("%2d %-10s %s\n", i, s[1], json.encode(s[2])))
end

-- encoder errors
local bad = {
  { "nan", 0 / 0 }, { "inf", math.huge }, { "-inf", -math.huge },
  { "function", print }, { "mixed keys", { 1, 2, x = 3 } },
  { "bool key", { [true] = 1 } }, { "sparse", { [1] = 1, [3] = 3 } },
}
local cyc = { name = "loop" }
cyc.self = cyc
bad[#bad + 1] = { "cycle", cyc }
for _, b in ipairs(bad) do
  local ok, err = pcall(json.encode, b[2])
  print(string.format("%-10s %-5s %s", b[1], tostring(ok), err))
end

---------------------------------------------------------------------------
-- 2. decoding basics
---------------------------------------------------------------------------
print("== decode")
local function show(v, ind)
  ind = ind or ""
  if type(v) ~= "table" or v == json.null then
    if type(v) == "string" then return string.format("%q", v) end
    if math.type(v) == "float" then return string.format("%.17g(float)", v) end
    return tostring(v)
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) == "number"
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    parts[#parts + 1] = tostring(k) .. "=" .. show(v[k])
  end
  local kind = getmetatable(v) == array_mt and "arr" or "obj"
  return kind .. "{" .. table.concat(parts, ", ") .. "}"
end

local inputs = {
  '0', '-0', '12', '-12', '1.5', '-1.5e3', '1E2', '2e-3', '1.25E+2',
  '9007199254740993', '123456789012345678901234567890',
  'true', 'false', 'null', '""', '"abc"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
  '"\\u0041\\u00e9\\u4e16"', '"\\ud83d\\ude00"', '"\\uD834\\uDD1E clef"',
  '[]', '{}', '[1,[2,[3,[4]]]]', '  { "a" : 1 , "b" : [ true , null ] }  ',
  '{"nested":{"deep":{"deeper":"yes"}},"list":[1.0,2,3e0]}',
  '"\\u0000 nul"',
}
for i, s in ipairs(inputs) do
  local v = json.decode(s)
  print(string.format("%2d %-40s -> %s", i, s, show(v)))
end

---------------------------------------------------------------------------
-- 3. malformed input: messages with positions
---------------------------------------------------------------------------
print("== errors")
local malformed = {
  '', '   ', '[', '[1,', '[1 2]', '{"a" 1}', '{"a":1,}', '{1:2}', '"abc',
  '"bad \\x escape"', '"\\u12"', '"\\ud800"', '"\\ud800\\u0041"', '"\\udc00"',
  '01', '1.', '1.e5', '1e', '-', '--1', 'tru', 'nul', '[1]]', '{"a":1}x',
  '"tab\there"', '{"a":1,"a":2}', '[1,\n2,\n@]', '\n\n  }',
  string.rep("[", 70) .. string.rep("]", 70), '"\255\254"',
}
for i, s in ipairs(malformed) do
  local ok, err = pcall(json.decode, s)
  print(string.format("%2d %-22s %s", i, string.format("%q", s):sub(1, 22), ok and "OK?!" or err))
end
print(pcall(json.decode, 42))
print(pcall(json.decode))

---------------------------------------------------------------------------
-- 4. round trips
---------------------------------------------------------------------------
print("== round trips")
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
local words = { "alpha", "beta", "gamma", "delta", "\u{3B5}psilon", "z\"eta",
                "eta\n", "th\\eta", "iota", "kappa" }
local function random_value(depth)
  local r = rand(depth > 3 and 6 or 9)
  if r == 0 then return rand(2000) - 1000
  elseif r == 1 then return (rand(20000) - 10000) / 64
  elseif r == 2 then return words[rand(#words) + 1]
  elseif r == 3 then return rand(2) == 0
  elseif r == 4 then return json.null
  elseif r == 5 then return rand(100) * 1.0e10 + 0.5
  elseif r <= 7 then
    local t = json.array()
    for i = 1, rand(5) do t[i] = random_value(depth + 1) end
    return t
  else
    local t = {}
    for _ = 1, rand(5) do t[words[rand(#words) + 1]] = random_value(depth + 1) end
    return t
  end
end

local total_len = 0
for i = 1, 60 do
  local v = random_value(0)
  local s = json.encode(v)
  local back = json.decode(s)
  check(deep_equal(v, back), "round trip " .. i .. ": " .. s)
  local s2 = json.encode(back)
  check(s == s2, "re-encode " .. i)
  local pretty = json.encode(v, { indent = 2 })
  check(deep_equal(json.decode(pretty), v), "pretty round trip " .. i)
  total_len = total_len + #s
  if i % 6 == 0 then print(string.format("%3d %4d %s", i, #s, s:sub(1, 70))) end
end
print("total encoded length", total_len)

-- number formatting corner cases survive
for _, n in ipairs({ 0.1, 0.2, 0.1 + 0.2, 1e21, 1e-7, 123456.789, -2.5e-5,
                      2^53, 2^63, -2^63, 5e-324, 1.7976931348623157e308 }) do
  local s = json.encode(n)
  local back = json.decode(s)
  print(string.format("%-26s %-24s %s", string.format("%.17g", n), s, tostring(back == n)))
end

---------------------------------------------------------------------------
-- 5. pretty printing
---------------------------------------------------------------------------
print("== pretty")
local doc = {
  name = "lurel", version = { major = 5, minor = 4, patch = 0 },
  tags = json.array({ "lua", "vm", "erlang" }),
  matrix = json.array({ json.array({ 1, 0, 0 }), json.array({ 0, 1, 0 }), json.array({ 0, 0, 1 }) }),
  empty = {}, none = json.null, ratio = 0.75, ok = true,
  unicode = "\u{2603} snowman",
}
local pretty = json.encode(doc, { indent = 2 })
print(pretty)
print(json.encode(doc, { indent = 4 }):sub(1, 60))
check(deep_equal(json.decode(pretty), doc), "pretty doc round trip")

-- a column report of the document with string.format widths
local keys = {}
for k in pairs(doc) do keys[#keys + 1] = k end
table.sort(keys, function(a, b) return #a > #b or (#a == #b and a < b) end)
for _, k in ipairs(keys) do
  local enc = json.encode(doc[k])
  io.write(string.format("|%-8s|%8s|%5.2f|%-30.30s|\n", k, type(doc[k]), #enc / 10, enc))
end

---------------------------------------------------------------------------
-- 6. files: write a document, read it back by lines, whole, and with seek
---------------------------------------------------------------------------
print("== files")
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f))
local records = {}
for i = 1, 12 do
  records[i] = { id = i, name = "item" .. i, price = i * 1.25, tags = json.array({ "t" .. i % 3 }) }
  f:write(json.encode(records[i]), "\n")
end
f:close()
print(io.type(f), pcall(f.write, f, "x"))

-- line by line
local n = 0
for line in io.lines(name) do
  n = n + 1
  local r = json.decode(line)
  check(deep_equal(r, records[n]), "line " .. n)
  if n <= 3 then print(n, #line, line) end
end
print("lines read", n)

-- whole file, then as a JSON array
f = assert(io.open(name, "r"))
local all = f:read("a")
print("size", #all, f:seek("end"), f:seek("cur"))
local arr = json.decode("[" .. all:gsub("\n$", ""):gsub("\n", ",") .. "]")
print("records", #arr, arr[12].name, arr[12].price)
-- seek to the 3rd line
local third = 0
for _ = 1, 2 do third = all:find("\n", third + 1, true) end
print(f:seek("set", third), f:read("l"))
print(f:seek("set", 0), f:read(5), f:seek("cur", 2), f:read("n"), f:read("l"))
f:close()

-- append mode, "L" keeps the newline
f = assert(io.open(name, "a+"))
f:write(json.encode({ id = 13, last = true }), "\n")
f:seek("set")
local count, lastline = 0, nil
for line in f:lines("L") do count = count + 1; lastline = line end
f:close()
print(count, string.format("%q", lastline))

-- rewrite the whole thing pretty-printed and read it back in one piece
f = assert(io.open(name, "w+"))
f:write(json.encode(arr, { indent = 1 }))
f:seek("set", 0)
local txt = f:read("a")
f:close()
print("pretty size", #txt, select(2, txt:gsub("\n", "")) + 1 .. " lines")
check(deep_equal(json.decode(txt), arr), "pretty file round trip")
print(os.remove(name))
print(io.open(name) == nil, select(2, os.remove(name)) ~= nil)

---------------------------------------------------------------------------
-- 7. utf8 checks on decoded strings
---------------------------------------------------------------------------
print("== utf8")
local s = json.decode('"\\u0041\\u00e9\\u4e16\\ud83d\\ude00\\u007f"')
print(#s, utf8.len(s), s:match(utf8.charpattern))
for p, c in utf8.codes(s) do io.write(p, ":", string.format("U+%04X", c), " ") end
io.write("\n")
print(utf8.codepoint(s, 1, -1))
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 4))
local round = json.encode(s)
print(round, json.decode(round) == s)

print("== dates")
local stamp = { created = os.date("!%Y-%m-%dT%H:%M:%SZ", 0),
                later = os.date("!%Y-%m-%d %H:%M:%S", 1700000000),
                parts = os.date("!*t", 86400 * 365) }
print(json.encode(stamp))

print(string.format("checks %d, failures %d", checks, failures))
assert(failures == 0)
