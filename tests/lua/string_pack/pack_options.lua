-- Every format option of string.pack/unpack/packsize (manual §6.4.2),
-- compared with lua5.4.  Packed strings are printed in hex.
local pack, unpack, packsize = string.pack, string.unpack, string.packsize

local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if type(v) == "string" then t[i] = string.format("%q", v)
    elseif math.type(v) == "float" then t[i] = string.format("%a", v) .. "(" .. tostring(v) .. ")"
    else t[i] = tostring(v) end
  end
  return table.concat(t, " ")
end
local function F(fmt) return string.format("%-14s", (fmt:gsub("%z", "\\0"))) end
local function P(fmt, ...)
  local ok, s = pcall(pack, fmt, ...)
  if not ok then print(F(fmt), "error: " .. s) return nil end
  print(F(fmt), hex(s), "#" .. #s, "packsize " .. tostring(select(2, pcall(packsize, fmt))))
  return s
end
local function U(fmt, s, init)
  print(F(fmt), hex(s), init, "->", show(pcall(unpack, fmt, s, init)))
end

print("-- fixed-size integers")
for _, o in ipairs({"b", "B", "h", "H", "l", "L", "j", "J", "T", "i", "I"}) do
  for _, e in ipairs({"<", ">", "="}) do
    local s = P(e .. o, 100)
    U(e .. o, s)
  end
end
P("<b", -128) P("<b", 127) P("<B", 255) P("<B", 0)
P("<h", -32768) P("<h", 32767) P("<H", 65535)
P("<j", math.mininteger) P("<j", math.maxinteger) P(">J", -1) P("<J", math.mininteger)
P("<T", -1) P("<L", -2)
U("<b", "\x80") U("<B", "\x80") U("<h", "\xff\xff") U("<H", "\xff\xff") U(">h", "\x80\x00")
U("<j", "\xff\xff\xff\xff\xff\xff\xff\x7f") U("<J", "\xff\xff\xff\xff\xff\xff\xff\xff")

print("-- i[n] and I[n], n = 1..16")
for n = 1, 16 do
  local bits = n * 8
  local vals
  if n < 8 then
    local lim = 1 << (bits - 1)
    vals = {0, 1, -1, lim - 1, -lim, 0x12}
  else
    vals = {0, 1, -1, math.maxinteger, math.mininteger, 0x0102030405060708}
  end
  for _, v in ipairs(vals) do
    local sl, sb = P("<i" .. n, v), P(">i" .. n, v)
    assert(sl == sb:reverse())
    assert(unpack("<i" .. n, sl) == v and unpack(">i" .. n, sb) == v)
  end
  local umax = n < 8 and (1 << bits) - 1 or -1
  local su = P("<I" .. n, umax)
  U("<I" .. n, su)
  U(">I" .. n, su)
  U("<i" .. n, su)
end
-- wide integers: the bytes past the 8th must extend the sign
U("<i9", "\xff\xff\xff\xff\xff\xff\xff\xff\xff")
U("<i9", "\x00\x00\x00\x00\x00\x00\x00\x80\xff")
U("<I9", "\x00\x00\x00\x00\x00\x00\x00\x80\x00")
U(">i16", string.rep("\xff", 9) .. "\x80\0\0\0\0\0\1")
U("<I16", "\1" .. string.rep("\0", 15))
print(pcall(unpack, "<i9", "\x00\x00\x00\x00\x00\x00\x00\x80\x00"))
print(pcall(unpack, "<I9", "\x00\x00\x00\x00\x00\x00\x00\x80\xff"))
print(pcall(unpack, ">i12", "\0\0\0\1" .. string.rep("\0", 8)))
print(pcall(unpack, "<i16", string.rep("\xff", 8) .. string.rep("\0", 8)))

print("-- integer arguments")
P("i", 3.0) P("i", "17") P("i", "0x10") P("j", " 42 ") P("d", "1.5") P("d", 7)
print(pcall(pack, "i", 3.5))
print(pcall(pack, "i", "3.5"))
print(pcall(pack, "i", 2^63))
print(pcall(pack, "i", {}))
print(pcall(pack, "d", "x"))

print("-- floats")
for _, e in ipairs({"<", ">"}) do
  for _, v in ipairs({0.0, -0.0, 1.0, -2.5, 1/3, 1e300, 1/0, -1/0, 3, 16777217, 3.4e38, 3.5e38, 1e-45, 1e-50}) do
    local f, d, n = P(e .. "f", v), P(e .. "d", v), P(e .. "n", v)
    print(show(unpack(e .. "f", f)), show(unpack(e .. "d", d)), show(unpack(e .. "n", n)))
  end
end
do
  local nan = pack("<d", 0/0)
  local v = unpack("<d", nan)
  print("nan", v ~= v, #nan)
  v = unpack("<f", pack("<f", 0/0))
  print("nan f", v ~= v)
end

print("-- strings")
P("z", "") P("z", "hello") P("zz", "a", "bc") P("z", 12) P("z", 1.5)
P("s", "") P("s", "abc") P(">s", "abc") P("s1", "abc") P("s2", "") P("<s3", "xy") P(">s16", "q")
P("s1", string.rep("a", 255))
P("c0", "") P("c1", "a") P("c5", "ab") P("c5", "abcde") P("c3", 42) P("c2c2", "a", "b")
U("z", "hello\0world\0") U("zz", "hello\0world\0") U("zB", "\0\7") U("z", "a\0", 2)
U("s1", "\3abcdef") U(">s2", "\0\2xyz") U("<s4", "\1\0\0\0z") U("s1", "\0")
U("c3", "abcdef") U("c0", "") U("c0", "abc", 4) U("c2c1", "xyz")
do
  local long = string.rep("0123456789", 100)
  local s = pack("s2z", long, long)
  print(#s, hex(s:sub(1, 4)), unpack("s2z", s) == long, select(2, unpack("s2z", s)) == long, select(3, unpack("s2z", s)))
end

print("-- padding and alignment")
P("x") P("xx") P("bxh", 1, 2) P("!bxh", 1, 2) P("!2bh", 1, 2) P("!4bi", 1, 2) P("!bi", 1, 2)
P("!bj", 1, 2) P("!bd", 1, 2) P("!bf", 1, 2) P("!4bd", 1, 2) P("!16bi16", 1, 2) P("!bi16", 1, 2)
P("!8bs", 1, "ab") P("!8bz", 1, "ab") P("!8bc3", 1, "ab") P("!8b i3", 1, 2)
P("bXi", 1) P("!bXi", 1) P("!bXh", 1) P("!bXd", 1) P("!bXb", 1) P("!bXj", 1) P("!4bXd", 1)
P("!bXi2b", 1, 2) P("!bbXiXi", 1, 2) P("!zXi", "ab") P("!zXi", "abc") P("!zXi", "abcd")
P("!bXx", 1) P("!bXs2", 1) P("!bXi16", 1) P("!2bXi16", 1)
P("<! h b>i", 1, 2, 3) P(" ", nil) P("", nil) P("b   b", 1, 2)
U("!bi", pack("!bi", 7, -9)) U("!4bXi", "\1\0\0\0") U("!8bd", pack("!8bd", 2, 1.5))
-- alignment is relative to the start of the data string, not to init
U("!4i", "\0\0\0\0\1\0\0\0", 2)
U("!4bi", "xx\9\0\0\0\5\0\0\0", 3)
U("!2h", "\0\1\0\2\0", 2)

print("-- packsize")
for _, f in ipairs({"", "b", "h", "i", "l", "j", "T", "f", "d", "n", "i7", "I16", "c10", "x", "!bi",
                    "!8bd", "!bXi", "bXi", "!2 b h b", "<>=!", "c0", "c2147483639",
                    "c1000000000c1000000000", "c2147483639c8", "c2147483639c9",
                    "!8c2147483640d", "!8c2147483639d"}) do
  print(string.format("%q", f), pcall(packsize, f))
end

print("-- unpack init and next position")
local data = pack("<bhi", 1, 2, 3)
for _, init in ipairs({1, 2, 3, 4, 7, 8, -1, -7, -100, 0, 11, 12}) do
  print(init, pcall(unpack, "<b", data, init))
end
print(pcall(unpack, "", "", 1))
print(pcall(unpack, "", "abc", 4))
print(pcall(unpack, "", "abc", 5))
print(pcall(unpack, "", "abc", math.maxinteger))
print(pcall(unpack, "", "abc", math.mininteger))
print(pcall(unpack, "", "abc", -3))
print(pcall(unpack, "", "abc", -4))
print(pcall(unpack, "b", "abc", "2"))
print(pcall(unpack, "b", "abc", 2.0))
print(pcall(unpack, "b", "abc", nil))
do
  -- walking through a packed sequence with the returned positions
  local s = pack("zzs1", "one", "two", "three")
  local pos, out = 1, {}
  while pos <= #s do
    local v
    v, pos = unpack(pos < 9 and "z" or "s1", s, pos)
    out[#out + 1] = v
  end
  print(table.concat(out, ","), pos)
end

print("-- the format ends at a zero byte; numbers in formats")
P("b\0b", 1, 2) P("i\0zzz", 1)
print(pcall(pack, "i02", 1), pcall(pack, "i002", 1))
print(pcall(packsize, "c0000000000003"))
print(pcall(packsize, "c214748364"))
print(pcall(packsize, "c2147483647"))
print(pcall(packsize, "i99999999999"))
print(pcall(packsize, "!99999999999"))

print("-- method calls and numbers as formats")
print(("<i2"):pack(258) == "\2\1", ("i2"):packsize(), ("<i2"):unpack("\2\1"))
print(pcall(pack, 12, 1))
print(pcall(packsize, 4))
print(pcall(unpack, 11, "a"))
print(pcall(unpack, "c2", 12))
