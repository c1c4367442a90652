-- A table pretty-printer and serializer: cycles and shared tables are
-- detected and written as references, keys are sorted across types,
-- identifiers are written bare and other strings with %q, special numbers
-- are spelled so that load() gives them back, and long constructors are
-- wrapped at a maximum width.  The output is loaded again and compared
-- deeply with the original, identity of shared tables included.
local pretty = {}

local keywords = {}
for w in ([[and break do else elseif end false for function goto if in
            local nil not or repeat return then true until while]]):gmatch("%a+") do
  keywords[w] = true
end

local function is_identifier(s)
  return type(s) == "string" and s:find("^[%a_][%w_]*$") ~= nil and not keywords[s]
end

---------------------------------------------------------------------------
-- numbers
---------------------------------------------------------------------------
function pretty.number(n)
  if math.type(n) == "integer" then
    if n == math.mininteger then return "math.mininteger" end
    return string.format("%d", n)
  end
  if n ~= n then return "(0/0)" end
  if n == math.huge then return "math.huge" end
  if n == -math.huge then return "-math.huge" end
  if n == 0 then
    if 1 / n < 0 then return "-0.0" end
    return "0.0"
  end
  local s = string.format("%.17g", n)
  for prec = 1, 17 do
    local c = string.format("%." .. prec .. "g", n)
    if tonumber(c) == n then s = c break end
  end
  if not s:find("[.eEn]") then s = s .. ".0" end
  return s
end

---------------------------------------------------------------------------
-- key ordering: numbers < strings < booleans, each in natural order
---------------------------------------------------------------------------
local type_rank = { number = 1, string = 2, boolean = 3 }

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return type_rank[ta] < type_rank[tb] end
  if ta == "boolean" then return (not a) and b end
  if ta == "number" then
    if a == b then return math.type(a) == "integer" and math.type(b) == "float" end
    return a < b
  end
  return a < b
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do
    if not type_rank[type(k)] then
      error("cannot serialize key of type " .. type(k), 0)
    end
    if k ~= k then error("cannot serialize a NaN key", 0) end
    keys[#keys + 1] = k
  end
  table.sort(keys, key_less)
  return keys
end

local function key_repr(k)
  if is_identifier(k) then return k end
  if type(k) == "string" then return "[" .. string.format("%q", k) .. "]" end
  if type(k) == "number" then return "[" .. pretty.number(k) .. "]" end
  return "[" .. tostring(k) .. "]"
end

local function path_repr(path)
  local parts = { "root" }
  for _, k in ipairs(path) do
    if is_identifier(k) then parts[#parts + 1] = "." .. k
    else parts[#parts + 1] = key_repr(k) end
  end
  return table.concat(parts)
end

---------------------------------------------------------------------------
-- serializer
---------------------------------------------------------------------------
local function scalar(v)
  local tv = type(v)
  if tv == "number" then return pretty.number(v)
  elseif tv == "string" then return (string.format("%q", v):gsub("\\\n", "\\n"))
  elseif tv == "boolean" or tv == "nil" then return tostring(v)
  end
  error("cannot serialize a " .. tv, 0)
end

function pretty.serialize(root, opts)
  opts = opts or {}
  local width = opts.width or 60
  local indent_unit = opts.indent or "  "
  local where = {}     -- table -> path where it was first written
  local fixups = {}    -- lines that restore cycles and shared tables
  local path = {}

  local function write(v, depth)
    if type(v) ~= "table" then return scalar(v) end
    if where[v] then return nil end  -- written later as a fix-up
    where[v] = table.move(path, 1, #path, 1, {})
    local keys = sorted_keys(v)
    local items = {}
    local n = #v
    local seq, npos = 0, 0
    -- the sequence part 1..n is written without keys while it is unbroken
    for i = 1, n do
      if rawget(v, i) == nil then break end
      seq = i
    end
    for _, k in ipairs(keys) do
      path[#path + 1] = k
      local val = v[k]
      local repr
      if type(val) == "table" and where[val] then
        fixups[#fixups + 1] = path_repr(path) .. " = " .. path_repr(where[val])
      else
        repr = write(val, depth + 1)
      end
      path[#path] = nil
      if repr then
        if math.type(k) == "integer" and k <= seq and npos == k - 1 then
          npos = k
          items[#items + 1] = repr
        else
          items[#items + 1] = key_repr(k) .. " = " .. repr
        end
      end
    end
    if #items == 0 then return "{}" end
    local flat = "{ " .. table.concat(items, ", ") .. " }"
    local pad = indent_unit:rep(depth)
    if #pad + #flat <= width and not flat:find("\n") then return flat end
    -- wrap: pack short items on a line, long ones alone
    local lines, cur = {}, {}
    local inner = indent_unit:rep(depth + 1)
    local curlen = #inner
    for _, item in ipairs(items) do
      if item:find("\n") or #inner + #item > width then
        if #cur > 0 then lines[#lines + 1] = inner .. table.concat(cur, ", ") .. ","; cur = {} end
        lines[#lines + 1] = inner .. item .. ","
        curlen = #inner
      elseif curlen + #item + 2 > width and #cur > 0 then
        lines[#lines + 1] = inner .. table.concat(cur, ", ") .. ","
        cur = { item }
        curlen = #inner + #item
      else
        cur[#cur + 1] = item
        curlen = curlen + #item + 2
      end
    end
    if #cur > 0 then lines[#lines + 1] = inner .. table.concat(cur, ", ") .. "," end
    return "{\n" .. table.concat(lines, "\n") .. "\n" .. pad .. "}"
  end

  local body = write(root, 0)
  if #fixups == 0 then return "return " .. body end
  return "local root = " .. body .. "\n" .. table.concat(fixups, "\n") .. "\nreturn root"
end

function pretty.deserialize(s)
  local fn, err = load(s, "=serialized", "t", { math = { huge = math.huge, mininteger = math.mininteger } })
  if not fn then error(err, 0) end
  return fn()
end

---------------------------------------------------------------------------
-- a human-oriented printer with <n> labels for shared tables
---------------------------------------------------------------------------
function pretty.show(root)
  local count, label, next_label = {}, {}, 0
  local function scan(v)
    if type(v) ~= "table" then return end
    count[v] = (count[v] or 0) + 1
    if count[v] > 1 then return end
    for k, x in pairs(v) do scan(k); scan(x) end
  end
  scan(root)
  local done = {}
  local function show(v)
    if type(v) ~= "table" then
      if type(v) == "string" then return string.format("%q", v) end
      if type(v) == "number" then return pretty.number(v) end
      return tostring(v)
    end
    if done[v] then return "<" .. label[v] .. ">" end
    local prefix = ""
    if count[v] > 1 then
      next_label = next_label + 1
      label[v] = next_label
      prefix = "<" .. next_label .. ">"
    end
    done[v] = true
    local parts = {}
    for _, k in ipairs(sorted_keys(v)) do
      parts[#parts + 1] = key_repr(k) .. "=" .. show(v[k])
    end
    return prefix .. "{" .. table.concat(parts, " ") .. "}"
  end
  return show(root)
end

---------------------------------------------------------------------------
-- deep comparison that also checks the sharing structure
---------------------------------------------------------------------------
local function deep_same(a, b, map)
  map = map or {}
  if type(a) ~= type(b) then return false, "type" end
  if type(a) ~= "table" then
    if a ~= a then return b ~= b, "nan" end
    if a == 0 and b == 0 then
      return 1 / a == 1 / b and math.type(a) == math.type(b), "zero sign"
    end
    return a == b and math.type(a) == math.type(b), "value"
  end
  if map[a] then return map[a] == b, "sharing" end
  map[a] = b
  local na, nb = 0, 0
  for k, v in pairs(a) do
    na = na + 1
    local ok, why = deep_same(v, rawget(b, k), map)
    if not ok then return false, tostring(k) .. "." .. why end
  end
  for _ in pairs(b) do nb = nb + 1 end
  return na == nb, "key count"
end

local failures, checks = 0, 0
local function roundtrip(name, v, opts)
  checks = checks + 1
  local s = pretty.serialize(v, opts)
  local back = pretty.deserialize(s)
  local ok, why = deep_same(v, back)
  if not ok then
    failures = failures + 1
    print("ROUNDTRIP FAILED " .. name .. ": " .. why)
  end
  -- serializing the copy gives the same text
  local s2 = pretty.serialize(back, opts)
  if s2 ~= s then
    failures = failures + 1
    print("RESERIALIZE DIFFERS " .. name)
  end
  return s
end

---------------------------------------------------------------------------
-- tests
---------------------------------------------------------------------------
print("== numbers")
local nums = { 0, -0, 1, -1, 42, math.maxinteger, math.mininteger, 0.0, -0.0,
               1.0, -1.5, 0.1, 1 / 3, 2 / 3, 1e100, -1e-100, 2^53, 2^63, 123456789.125,
               math.huge, -math.huge, 0 / 0, math.pi, 5e-324, 1.7976931348623157e308 }
for i, n in ipairs(nums) do
  local r = pretty.number(n)
  local back = pretty.deserialize("return " .. r)
  local same = deep_same(n, back)
  io.write(string.format("%2d %-8s %-24s %-5s", i, math.type(n), r, tostring(same)))
  if n == n and n ~= math.huge and n ~= -math.huge then
    io.write(string.format(" %14.6g %a", n, n))
  end
  io.write("\n")
end

print("== keys")
local mixed = { [1] = "one", [2] = "two", [3] = "three", [10] = "ten", [-1] = "minus",
                [1.5] = "float", x = 1, ["and"] = "kw", ["with space"] = true,
                ["new\nline"] = 2, [true] = "yes", [false] = "no", _under = 0,
                ["9lives"] = 9, ["ünïcode"] = "u", [""] = "empty", A = "cap",
                [2^53] = "big" }
local ks = sorted_keys(mixed)
local reprs = {}
for i, k in ipairs(ks) do reprs[i] = key_repr(k) end
print(table.concat(reprs, " "))
print(roundtrip("mixed", mixed))
print(pretty.show(mixed))

print("== nesting and wrapping")
local config = {
  name = "server", port = 8080, debug = false, ratio = 0.75,
  hosts = { "alpha.example", "beta.example", "gamma.example", "delta.example",
            "epsilon.example", "zeta.example" },
  limits = { cpu = 2.5, mem = 1024, disk = { root = 20, data = 500, logs = 5 } },
  matrix = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } },
  empty = {},
  ["content-type"] = "text/plain; charset=\"utf-8\"",
  notes = "line one\nline two\ttabbed\0nul",
}
for _, w in ipairs({ 200, 60, 30 }) do
  print(string.format("-- width %d", w))
  print(roundtrip("config" .. w, config, { width = w }))
end
local long = {}
for i = 1, 40 do long[i] = i * i end
print(roundtrip("long", long, { width = 50 }))
local words = {}
for w in ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") do
  words[#words + 1] = w
end
print(roundtrip("words", words, { width = 40, indent = "    " }))

print("== holes and sequences")
print(roundtrip("holes", { 1, 2, nil, 4, [6] = 6 }))
print(roundtrip("floatkeys", { [1.0] = "int-key", [2] = "two", [3.5] = "x" }))
print(roundtrip("neg", { [-2] = "a", [0] = "b", [1] = "c" }))

print("== cycles and sharing")
local a = { name = "a" }
a.self = a
print(roundtrip("self", a))
print(pretty.show(a))
local shared = { 1, 2, 3 }
local s = { left = shared, right = shared, list = { shared, { shared } } }
print(roundtrip("shared", s))
print(pretty.show(s))
local ring = {}
local node = ring
for i = 1, 4 do node.next = { id = i }; node = node.next end
node.next = ring
ring.id = 0
print(roundtrip("ring", ring, { width = 40 }))
print(pretty.show(ring))
local parent = { name = "root", children = {} }
for i = 1, 3 do
  parent.children[i] = { name = "child" .. i, parent = parent, ["key " .. i] = i }
end
print(roundtrip("tree", parent, { width = 70 }))

print("== errors")
for _, case in ipairs({
  { "function value", { f = print } },
  { "table key", { [{}] = 1 } },
  { "coroutine", { co = coroutine.create(print) } },
}) do
  local ok, err = pcall(pretty.serialize, case[2])
  print(case[1], ok, err)
end
print(pcall(pretty.deserialize, "return {"))
print(pcall(pretty.deserialize, "return os.exit()"))
print(pcall(pretty.deserialize, "return { 1, 2 } }"))

print("== random structures")
local seed = 42
local function rnd(n)
  seed = (seed * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff
  return (seed >> 33) % n
end
local pool = {}
local function random_value(depth)
  local r = rnd(depth > 3 and 7 or 11)
  if r == 0 then return rnd(1000) - 500
  elseif r == 1 then return (rnd(100000) - 50000) / 128
  elseif r == 2 then return ("k" .. rnd(50)):rep(rnd(3) + 1)
  elseif r == 3 then return rnd(2) == 1
  elseif r == 4 then return utf8.char(0x41 + rnd(26), 0x3B1 + rnd(20), 0x1F600 + rnd(50))
  elseif r == 5 then return ({ math.huge, -math.huge, -0.0, 0.0, 1e300 })[rnd(5) + 1]
  elseif r == 6 and #pool > 0 then return pool[rnd(#pool) + 1]
  else
    local t = {}
    pool[#pool + 1] = t
    for i = 1, rnd(6) do t[i] = random_value(depth + 1) end
    for _ = 1, rnd(4) do
      local k = ({ "alpha", "beta", "with space", "end", 100, -3, true, 2.5 })[rnd(8) + 1]
      t[k] = random_value(depth + 1)
    end
    return t
  end
end
local total = 0
for i = 1, 40 do
  pool = {}
  local v = { random_value(0), random_value(0) }
  local out = roundtrip("random" .. i, v, { width = 30 + rnd(50) })
  total = total + #out
  if i % 8 == 0 then
    print(string.format("%2d %5d lines=%-3d %s", i, #out, select(2, out:gsub("\n", "")) + 1,
                        (out:gsub("%s+", " ")):sub(1, 60)))
  end
end
print("total length", total)

print("== utf8 and formatting")
local names = { "Zoë", "Ångström", "naïve", "café", "Łódź", "東京", "apple", "Émile" }
table.sort(names, function(x, y)
  local lx, ly = utf8.len(x), utf8.len(y)
  if lx ~= ly then return lx < ly end
  return x < y
end)
for _, n in ipairs(names) do
  local cps = {}
  for _, c in utf8.codes(n) do cps[#cps + 1] = string.format("%X", c) end
  print(string.format("%-12s bytes=%2d chars=%d last=%s cps=%s", n, #n, utf8.len(n),
                      n:sub(utf8.offset(n, -1)), table.concat(cps, ".")))
end
print(roundtrip("names", names))
print(utf8.char(72, 228, 8364, 128512), utf8.codepoint("äöü", 1, -1))
print(utf8.len("\xff"), utf8.len("abc\xe4", 1), utf8.offset("abc", 5))

print("== dates")
local times = { 0, 86399, 951782400, 1e9, 2^31 - 1 }
local stamps = {}
for i, t in ipairs(times) do
  local d = os.date("!*t", t)
  stamps[i] = { t = t, iso = os.date("!%Y-%m-%dT%H:%M:%S", t), day = os.date("!%A %B %d", t),
                fields = d }
end
print(roundtrip("dates", stamps, { width = 72 }))
print(os.date("!%c|%x|%X|%j|%a %b|%p|%y|%%", 1234567890))

print("== table library")
local t = { 5, 3, 8, 1, 9, 2 }
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(x, y) return x > y end)
print(table.concat(t, " "))
print(table.concat(table.move(t, 1, 3, 4, {}), ",", 4, 6))
print(table.unpack({ 1, 2, 3 }, -1, 1))
table.insert(t, 3, 100)
print(table.remove(t, 3), #t, table.remove({}), table.remove({}, 0))
local recs = {}
for i = 1, 12 do recs[i] = { k = i % 4, v = i } end
table.sort(recs, function(x, y) if x.k ~= y.k then return x.k < y.k end return x.v > y.v end)
local line = {}
for i, r in ipairs(recs) do line[i] = r.k .. ":" .. r.v end
print(table.concat(line, " "))
print(pcall(table.sort, { 3, 1, "x" }))
print(select("#", table.unpack({}, 1, 3)), pcall(table.move, {}, 1, math.maxinteger, 2))

print(string.format("checks %d, failures %d", checks, failures))
assert(failures == 0)
