-- Random patterns and subjects (fixed seed): every result and error must
-- be the same as lua5.4's.
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
local atoms = {"a", "b", ".", "%a", "%d", "%s", "%w", "%A", "[ab]", "[^a]", "[a-c]", "[%d%s]", "%%", "%.", "x", " ", "1",
  "(", ")", "()", "%b()", "%bab", "%f[%a]", "%f[%s]", "%1", "%2", "$", "^", "[]a]", "[^]]", "%", "[", "-", "]"}
local quants = {"", "", "", "*", "+", "-", "?"}
local subjchars = {"a", "b", "c", "1", "2", " ", "(", ")", "x", ".", "%", "]", "\0", "A"}
local function gen_pat()
  local n = rnd(6) - 1
  local s = ""
  if rnd(5) == 1 then s = "^" end
  for i = 1, n do
    local a = atoms[rnd(#atoms)]
    s = s .. a
    if not a:find("[()%%^$]") or a == "%a" or a == "%d" then s = s .. quants[rnd(#quants)] end
  end
  return s
end
local function gen_subj()
  local n = rnd(12) - 1
  local s = ""
  for i = 1, n do s = s .. subjchars[rnd(#subjchars)] end
  return s
end
local function show(...)
  local n = select("#", ...)
  local r = ""
  for i = 1, n do
    local v = select(i, ...)
    r = r .. " " .. (type(v) == "string" and string.format("%q", v) or tostring(v))
  end
  return r
end
for i = 1, 1500 do
  local p, s = gen_pat(), gen_subj()
  local init = rnd(15) - 7
  print(i, string.format("%q %q %d", p, s, init))
  print(" find", show(pcall(string.find, s, p, init)))
  print(" match", show(pcall(string.match, s, p)))
  print(" gsub", show(pcall(string.gsub, s, p, "<%0>")))
  print(" gsubf", show(pcall(string.gsub, s, p, function(...) return show(...) end, rnd(4))))
  local ok, it = pcall(string.gmatch, s, p, init)
  local r = ""
  if ok then
    local ok2, e = pcall(function()
      local c = 0
      for a, b in it do r = r .. show(a, b) .. ";" c = c + 1 if c > 50 then break end end
    end)
    if not ok2 then r = r .. "ERR " .. e end
  end
  print(" gmatch", r)
end
