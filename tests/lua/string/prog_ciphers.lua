-- Caesar, Vigenere, ROT13, XOR with hex output, run-length encoding.
local function caesar(s, k)
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
local function vigenere(s, key, decrypt)
  local i = 0
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    local k = key:byte(i % #key + 1) - 65
    i = i + 1
    if decrypt then k = -k end
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
local function xor_hex(s, key)
  local out = {}
  for i = 1, #s do out[i] = string.format("%02x", s:byte(i) ~ key:byte((i - 1) % #key + 1)) end
  return table.concat(out)
end
local function rle(s)
  local out, i = {}, 1
  while i <= #s do
    local c = s:sub(i, i)
    local j = i
    while s:sub(j + 1, j + 1) == c do j = j + 1 end
    local n = j - i + 1
    out[#out + 1] = n > 1 and (n .. c) or c
    i = j + 1
  end
  return table.concat(out)
end
-- a quantifier after a back reference is literal, so this does not collapse runs
print(("aaab"):gsub("(.)%1*", "<%1>"))
local function unrle(s) return (s:gsub("(%d+)(%D)", function(n, c) return c:rep(tonumber(n)) end)) end
local msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
local c3 = caesar(msg, 3)
print(c3)
print(caesar(c3, -3) == msg, caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)
local v = vigenere(msg, "LEMON")
print(v, vigenere(v, "LEMON", true) == msg)
print(xor_hex("secret", "k"), xor_hex("hello world", "key"))
local r = rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
print(r, unrle(r) == "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
print(rle("abc"), rle(""), rle("aabbbcccc"))
