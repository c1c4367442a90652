-- Random formats and data for string.pack/packsize/unpack (fixed seed),
-- compared with lua5.4: results (as hex) and error messages.
local seed = tonumber(arg and arg[1]) or 20240
local N = tonumber(arg and arg[2]) or 2500
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return (seed >> 4) % n + 1 end
local function pick(t) return t[rnd(#t)] end

local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
local function show(v)
  local t = math.type(v) or type(v)
  if t == "string" then return "s:" .. hex(v)
  elseif t == "float" then
    if v ~= v then return "f:nan" end
    return "f:" .. string.format("%a", v)
  else return t .. ":" .. tostring(v) end
end
local function showall(ok, ...)
  if not ok then return "err " .. string.format("%q", (...)) end
  local out = {"ok"}
  for i = 1, select("#", ...) do out[#out + 1] = show((select(i, ...))) end
  return table.concat(out, " ")
end

local sizes = {"", "", "", "1", "2", "3", "4", "5", "7", "8", "9", "12", "15", "16", "0", "17", "99"}
local simple = {"b", "B", "h", "H", "l", "L", "j", "J", "T", "f", "d", "n", "z", "x", " "}
-- an option and the kind of value it packs ("int", "uint", "num", "str",
-- "zstr" or nil)
local kinds = {b = "int", B = "uint", h = "int", H = "uint", l = "int", L = "uint",
  j = "int", J = "uint", T = "uint", f = "num", d = "num", n = "num", z = "zstr"}
local function option()
  local r = rnd(20)
  if r <= 8 then local o = pick(simple); return o, kinds[o]
  elseif r <= 11 then local o = pick({"i", "I"}); return o .. pick(sizes), o == "i" and "int" or "uint"
  elseif r == 12 then return "s" .. pick(sizes), "str"
  elseif r == 13 then return "c" .. pick({"", "0", "1", "3", "8", "20"}), "str"
  elseif r == 14 then return pick({"<", ">", "="})
  elseif r == 15 then return "!" .. pick(sizes)
  elseif r == 16 then return "X" .. pick({"i", "i8", "I2", "d", "f", "h", "j", "s4", "c2", "z", "x", "", "!", "<", "i3", "b", "Xi4"})
  elseif r == 17 and rnd(3) == 1 then return pick({"y", "%", "-", "\0", "q", "7"})
  else local o = pick(simple); return o, kinds[o] end
end
local function format()
  local t, ks = {}, {}
  for _ = 1, rnd(6) do
    local o, k = option()
    t[#t + 1] = o
    if k then ks[#ks + 1] = k end
  end
  return table.concat(t), ks
end

local ints = {0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769,
  65535, 65536, 2^31 - 1, 2^31, -2^31, -2^31 - 1, 2^32 - 1, 2^32, 2^40 + 3,
  math.maxinteger, math.mininteger, math.maxinteger // 3, -7, 1 << 56, (1 << 48) - 1}
local others = {0.5, -2.25, 1e300, -1e-300, 1/0, -1/0, 3.0, 2^63, "12", "0x10", "abc", "",
  "a\0b", "hello world", string.rep("x", 300), "\255\254", true, nil}
local function value()
  local r = rnd(10)
  if r <= 5 then
    local v = pick(ints)
    if math.type(v) == "float" then v = math.tointeger(v) end
    return v
  elseif r <= 7 then return pick(others)
  else
    local n = rnd(12) - 1
    local t = {}
    for j = 1, n do t[j] = string.char(rnd(4) == 1 and 0 or rnd(256) - 1) end
    return table.concat(t)
  end
end

local function bytes(n)
  local t = {}
  for j = 1, n do
    local r = rnd(6)
    t[j] = string.char(r == 1 and 0 or r == 2 and 255 or rnd(256) - 1)
  end
  return table.concat(t)
end

local function typed(k)
  if k == "int" or k == "uint" then
    local v = pick(ints)
    if math.type(v) == "float" then v = math.tointeger(v) end
    if k == "uint" and rnd(3) > 1 then v = v & 0xff end
    if rnd(3) == 1 then v = v % 100 end
    return v
  elseif k == "num" then
    return pick({0.0, -0.0, 1.5, -2.25, 1e300, 1e-310, 1/0, -1/0, 3, 0.1, 16777217, 3.4e38, 3.5e38})
  elseif k == "zstr" then
    return pick({"", "a", "hello", "\255x", "abc"})
  else
    return pick({"", "a", "ab", "abc", "hello", "\0\1\2", string.rep("y", 260)})
  end
end

for i = 1, N do
  local fmt, ks = format()
  local args = {}
  local nargs
  if rnd(2) == 1 then
    nargs = #ks
    for j = 1, nargs do args[j] = typed(ks[j]) end
  else
    nargs = rnd(7) - 1
    for j = 1, nargs do args[j] = value() end
  end
  print(i, show(fmt), "size", showall(pcall(string.packsize, fmt)))
  local res = table.pack(pcall(string.pack, fmt, table.unpack(args, 1, nargs)))
  print(i, "pack", showall(table.unpack(res, 1, res.n)))
  if res[1] then
    -- round trip, and from a later position after some prefix
    print(i, "back", showall(pcall(string.unpack, fmt, res[2])))
    local pre = bytes(rnd(5) - 1)
    print(i, "back+", showall(pcall(string.unpack, fmt, pre .. res[2], #pre + 1)))
  end
  local data = bytes(rnd(40) - 1)
  local init = pick({nil, 1, 2, 0, -1, -3, 5, 100, -100, #data, #data + 1, #data + 2})
  print(i, "unpack", show(data), tostring(init), showall(pcall(string.unpack, fmt, data, init)))
end
