-- Every error of string.pack/packsize/unpack, worded and placed as lua5.4
-- does: plain errors for a bad format, "bad argument" for bad data, with the
-- caller's position when called from Lua code, the function's name as the
-- caller sees it, and method calls counting arguments from the self.

local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then
    for i = 2, r.n do if type(r[i]) == "string" then r[i] = "<" .. hex(r[i]) .. ">" end end
  end
  print(table.unpack(r, 1, r.n))
end
local pack, unpack, packsize = string.pack, string.unpack, string.packsize

print("-- format errors (plain)")
for _, fmt in ipairs({"y", "i17", "I0", "i99", "s0", "s17", "!0", "!17", "c", "Xc", "bc",
                      "i4 k", "<>=!q", "%", "\127", "i100000000000"}) do
  try(pack, fmt, 1, 2, 3)
  try(packsize, fmt)
  try(unpack, fmt, string.rep("\0", 40))
end

print("-- format errors (argument 1)")
for _, fmt in ipairs({"X", "bX", "Xc1", "Xz", "X ", "X<", "X!4", "XX", "!3i4", "!8i3", "!16i6",
                      "!4 b Xi3", "!i12", "!5 b h", "!7d"}) do
  try(pack, fmt, 1, 2, 3)
  try(packsize, fmt)
  try(unpack, fmt, string.rep("\0", 40))
end
-- the format is read up to the error: earlier data errors come first
try(pack, "i1 y", 1000)
try(pack, "i1 y", 10)
try(unpack, "i4 y", "ab")
try(unpack, "i4 y", "abcd")

print("-- packsize")
try(packsize, "s")
try(packsize, "s1")
try(packsize, "i4z")
try(packsize, "c2147483639c9")
try(packsize, "c1073741824c1073741824")
try(packsize, "!8 c2147483639 d")
try(packsize)
try(packsize, {})

print("-- pack: integer ranges")
for n = 1, 8 do
  local lim = 1 << (n * 8 - 1)
  if n == 8 then
    try(pack, "i8", math.mininteger) try(pack, "I8", -1)
  else
    try(pack, "i" .. n, lim) try(pack, "i" .. n, -lim - 1)
    try(pack, "i" .. n, lim - 1) try(pack, "i" .. n, -lim)
    try(pack, "I" .. n, 2 * lim) try(pack, "I" .. n, -1)
    try(pack, "I" .. n, 2 * lim - 1)
  end
end
try(pack, "b", 128) try(pack, "B", 256) try(pack, "h", 1 << 15) try(pack, "H", -1)
try(pack, "i16", -1) try(pack, "I16", -1)
try(pack, "bbb", 1, 2, 300)
try(pack, "i", 1.5) try(pack, "i", 2^53) try(pack, "i", 2^63) try(pack, "j", -2^63)
try(pack, "i", "1e2") try(pack, "i", "abc") try(pack, "i", true) try(pack, "i", nil)
try(pack, "f", "abc") try(pack, "d", {}) try(pack, "n")

print("-- pack: strings")
try(pack, "z", "a\0b") try(pack, "z", {}) try(pack, "z")
try(pack, "c2", "abc") try(pack, "c0", "a") try(pack, "c3", true)
try(pack, "s1", string.rep("x", 256)) try(pack, "s1", string.rep("x", 255))
try(pack, "s2", string.rep("x", 65536)) try(pack, "<s3", "ok")
try(pack, "s", nil)
try(pack)
try(pack, nil)
try(pack, {})
-- arguments are counted across options, padding does not take one
try(pack, "i x i x z", 1, 2)
try(pack, "!4 b Xi c2", 1, "abc")

print("-- unpack")
try(unpack, "i4", "abc")
try(unpack, "i4", "abcd", 2)
try(unpack, "!4 b i", "\1\0\0\0\1\0\0")
try(unpack, "z", "abc")
try(unpack, "z", "")
try(unpack, "zz", "a\0b")
try(unpack, "s1", "\5abcd")
try(unpack, "s1", "")
try(unpack, ">s2", "\0\3ab")
try(unpack, "s16", string.rep("\255", 16))
try(unpack, "s9", "\1" .. string.rep("\0", 7) .. "\1x")
try(unpack, "c5", "abcd")
try(unpack, "c1", "")
try(unpack, "i9", string.rep("\0", 8) .. "\1")
try(unpack, "i4", "abcd", 6)
try(unpack, "i4", "abcd", -5)
try(unpack, "i4", "abcd", 1.5)
try(unpack, "i4", "abcd", "x")
try(unpack, "i4", "abcd", {})
try(unpack, "i4")
try(unpack, "i4", nil)
try(unpack, "i4", {})
try(unpack)

print("-- where the error is reported from")
print(pcall(function() return string.pack("y") end))
print(pcall(function() return string.pack("i1", 300) end))
print(pcall(function() local p = string.pack; return p("i", "x") end))
print(pcall(function() return ("i1"):pack(300) end))
print(pcall(function() return ("i1"):pack() end))
print(pcall(function() return ("!3i4"):pack(1) end))
print(pcall(function() return ("i4"):unpack("ab") end))
print(pcall(function() return ("i4"):unpack("abcd", 9) end))
print(pcall(function() return ("z"):packsize() end))
print(pcall(function() local t = {f = string.unpack}; return t.f("i9", string.rep("\1", 9)) end))
print(pcall(function() local s = "s"; return s.packsize(s) end))

print("-- too many results")
do
  local n = 200000
  local fmt, data = string.rep("b", n), string.rep("\1", n)
  local r = table.pack(unpack(fmt, data))
  print(r.n, r[1], r[n], r[n + 1])
  local ok, e = pcall(unpack, string.rep("B", 1100000), string.rep("\2", 1100000))
  print(ok, e)
end

-- an uncaught error ends the script (the runner compares the message)
string.pack("i2", 1 << 20)
