-- Base64 encoding and decoding with bit operations.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local dec = {}
for i = 1, 64 do dec[alphabet:byte(i)] = i - 1 end
local function encode(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    local chunk = {}
    for j = 3, 0, -1 do
      local idx = (n >> (6 * j)) & 63
      chunk[#chunk + 1] = alphabet:sub(idx + 1, idx + 1)
    end
    if not b then chunk[3], chunk[4] = "=", "="
    elseif not c then chunk[4] = "=" end
    out[#out + 1] = table.concat(chunk)
  end
  return table.concat(out)
end
local function decode(s)
  s = s:gsub("%s", "")
  if #s % 4 ~= 0 then error("invalid length", 2) end
  local out = {}
  for i = 1, #s, 4 do
    local n, pad = 0, 0
    for j = 0, 3 do
      local ch = s:byte(i + j)
      local v
      if ch == 61 then v = 0; pad = pad + 1 else v = dec[ch] or error(("invalid character '%s'"):format(string.char(ch)), 2) end
      n = (n << 6) | v
    end
    local bytes = string.char((n >> 16) & 255, (n >> 8) & 255, n & 255)
    out[#out + 1] = bytes:sub(1, 3 - pad)
  end
  return table.concat(out)
end
for _, s in ipairs({ "", "f", "fo", "foo", "foob", "fooba", "foobar", "Lurel runs Lua!", "\0\1\2\255" }) do
  local e = encode(s)
  assert(decode(e) == s)
  print(string.format("%-18s %s", string.format("%q", s), e))
end
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local big = table.concat(all):rep(4)
local eb = encode(big)
print(#eb, decode(eb) == big, eb:sub(1, 24))
print(pcall(decode, "abc"))
print(pcall(decode, "ab!="))
print(decode("SGVs bG8g\nV29y bGQ="))
