-- A tokenizer for a Lua-like language using patterns, with line tracking,
-- long strings, comments, numbers (hex, float, exponent), operators.
local keywords = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%a+") do keywords[w] = true end
local ops = { "...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>",
  "+", "-", "*", "/", "%", "^", "#", "&", "~", "|", "<", ">", "=", "(", ")", "{", "}", "[", "]", ";", ":", ",", "." }

local function tokenize(src)
  local toks, pos, line = {}, 1, 1
  local function push(kind, text) toks[#toks + 1] = { kind = kind, text = text, line = line } end
  while pos <= #src do
    local c = src:sub(pos, pos)
    if c == "\n" then line = line + 1; pos = pos + 1
    elseif c:match("%s") then pos = pos + 1
    elseif src:match("^%-%-%[(=*)%[", pos) then
      local eq = src:match("^%-%-%[(=*)%[", pos)
      local close = "]" .. eq .. "]"
      local s, e = src:find(close, pos, true)
      local body = src:sub(pos, e)
      for _ in body:gmatch("\n") do line = line + 1 end
      pos = e + 1
    elseif src:match("^%-%-", pos) then
      local e = src:find("\n", pos, true) or #src + 1
      pos = e
    elseif src:match("^%[=*%[", pos) then
      local eq = src:match("^%[(=*)%[", pos)
      local close = "]" .. eq .. "]"
      local s, e = src:find(close, pos, true)
      local startline = line
      local text = src:sub(pos + #eq + 2, s - 1)
      for _ in text:gmatch("\n") do line = line + 1 end
      toks[#toks + 1] = { kind = "string", text = text:gsub("^\n", ""), line = startline }
      pos = e + 1
    elseif c == '"' or c == "'" then
      local i = pos + 1
      local buf = {}
      while true do
        local ch = src:sub(i, i)
        if ch == "" or ch == "\n" then error(("line %d: unfinished string"):format(line), 0) end
        if ch == c then break end
        if ch == "\\" then
          local nx = src:sub(i + 1, i + 1)
          local map = { n = "\n", t = "\t", ["\\"] = "\\", ['"'] = '"', ["'"] = "'" }
          if map[nx] then buf[#buf + 1] = map[nx]; i = i + 2
          elseif nx:match("%d") then
            local digits = src:match("^%d%d?%d?", i + 1)
            buf[#buf + 1] = string.char(tonumber(digits)); i = i + 1 + #digits
          else error(("line %d: bad escape \\%s"):format(line, nx), 0) end
        else buf[#buf + 1] = ch; i = i + 1 end
      end
      push("string", table.concat(buf))
      pos = i + 1
    elseif src:match("^0[xX]", pos) then
      local num = src:match("^0[xX]%x*%.?%x*[pP]?[-+]?%d*", pos)
      push("number", num); pos = pos + #num
    elseif src:match("^%.?%d", pos) then
      local num = src:match("^%d*%.?%d*[eE][-+]?%d+", pos) or src:match("^%d*%.?%d*", pos)
      push("number", num); pos = pos + #num
    elseif src:match("^[%a_]", pos) then
      local id = src:match("^[%a_][%w_]*", pos)
      push(keywords[id] and "keyword" or "name", id); pos = pos + #id
    else
      local found
      for _, op in ipairs(ops) do
        if src:sub(pos, pos + #op - 1) == op then found = op break end
      end
      if not found then error(("line %d: unexpected character '%s'"):format(line, c), 0) end
      push("op", found); pos = pos + #found
    end
  end
  push("eof", "<eof>")
  return toks
end

local program = [==[
-- a comment
local function fib(n) --[[ inline
  long comment ]] if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local s = "esc\"aped\n" .. 'single' .. [[long
string]] .. [=[with ]] inside]=]
local nums = { 0xFF, 3.14, 1e10, .5, 0x1p4, 2E-3, 42 }
t.x = t[1] // 2 ~= #s and a >= b or not c
::label:: goto label
print(...)
]==]
local toks = tokenize(program)
local counts = {}
for _, t in ipairs(toks) do counts[t.kind] = (counts[t.kind] or 0) + 1 end
local kinds = {}
for k, v in pairs(counts) do kinds[#kinds + 1] = k .. "=" .. v end
table.sort(kinds)
print(#toks, table.concat(kinds, " "))
for i, t in ipairs(toks) do
  if t.kind ~= "op" and t.kind ~= "name" then
    print(i, t.line, t.kind, string.format("%q", t.text))
  end
end
local lastline = {}
for _, t in ipairs(toks) do lastline[t.line] = (lastline[t.line] or 0) + 1 end
local lines = {}
for l, n in pairs(lastline) do lines[#lines + 1] = l .. ":" .. n end
table.sort(lines, function(a, b) return tonumber(a:match("%d+")) < tonumber(b:match("%d+")) end)
print(table.concat(lines, " "))
for _, bad in ipairs({ 'x = "unfinished', "x = $", "y = 'bad\\q'" }) do
  print(pcall(tokenize, bad))
end
