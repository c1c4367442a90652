-- A small expression language: tokenizer, recursive-descent parser to an AST,
-- an evaluator with variables and functions, and a pretty printer.
local Lexer = {}
Lexer.__index = Lexer

function Lexer.new(src)
  return setmetatable({ src = src, pos = 1, toks = {} }, Lexer)
end

function Lexer:tokens()
  local src, toks = self.src, {}
  local pos = 1
  while pos <= #src do
    local s, e = src:find("^%s+", pos)
    if s then pos = e + 1
    else
      local num = src:match("^%d+%.?%d*", pos)
      if num then
        toks[#toks + 1] = { kind = "num", value = tonumber(num) }
        pos = pos + #num
      else
        local id = src:match("^[%a_][%w_]*", pos)
        if id then
          toks[#toks + 1] = { kind = "id", value = id }
          pos = pos + #id
        else
          local op = src:sub(pos, pos)
          if not op:find("^[%+%-%*/%^%%(),=]$") then
            error(("unexpected character '%s' at %d"):format(op, pos), 0)
          end
          toks[#toks + 1] = { kind = op }
          pos = pos + 1
        end
      end
    end
  end
  toks[#toks + 1] = { kind = "eof" }
  return toks
end

local Parser = {}
Parser.__index = Parser
function Parser.new(toks) return setmetatable({ toks = toks, i = 1 }, Parser) end
function Parser:peek() return self.toks[self.i] end
function Parser:next() local t = self.toks[self.i]; self.i = self.i + 1; return t end
function Parser:expect(kind)
  local t = self:next()
  if t.kind ~= kind then error(("expected '%s' got '%s'"):format(kind, t.kind), 0) end
  return t
end

local binprec = { ["+"] = {1, 1}, ["-"] = {1, 1}, ["*"] = {2, 2}, ["/"] = {2, 2}, ["%"] = {2, 2}, ["^"] = {4, 3} }

function Parser:primary()
  local t = self:next()
  if t.kind == "num" then return { tag = "num", value = t.value }
  elseif t.kind == "id" then
    if self:peek().kind == "(" then
      self:next()
      local args = {}
      if self:peek().kind ~= ")" then
        repeat
          args[#args + 1] = self:expr(0)
        until self:peek().kind ~= "," or not self:next()
      end
      self:expect(")")
      return { tag = "call", name = t.value, args = args }
    end
    return { tag = "var", name = t.value }
  elseif t.kind == "(" then
    local e = self:expr(0)
    self:expect(")")
    return e
  elseif t.kind == "-" then
    return { tag = "neg", e = self:expr(3) }
  end
  error("unexpected token '" .. t.kind .. "'", 0)
end

function Parser:expr(minprec)
  local left = self:primary()
  while true do
    local op = self:peek().kind
    local p = binprec[op]
    if not p or p[1] <= minprec then break end
    self:next()
    local right = self:expr(p[2])
    left = { tag = "bin", op = op, l = left, r = right }
  end
  return left
end

function Parser:statement()
  local t1, t2 = self.toks[self.i], self.toks[self.i + 1]
  if t1.kind == "id" and t2.kind == "=" then
    self.i = self.i + 2
    local e = self:expr(0)
    self:expect("eof")
    return { tag = "assign", name = t1.value, e = e }
  end
  local e = self:expr(0)
  self:expect("eof")
  return e
end

local env = { pi = math.pi }
local funcs = {
  max = math.max, min = math.min, abs = math.abs,
  sqrt = function(x) return x ^ 0.5 end,
  sum = function(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end,
}

local function eval(n)
  local tag = n.tag
  if tag == "num" then return n.value
  elseif tag == "var" then
    local v = env[n.name]
    if v == nil then error("undefined variable " .. n.name, 0) end
    return v
  elseif tag == "neg" then return -eval(n.e)
  elseif tag == "call" then
    local f = funcs[n.name] or error("unknown function " .. n.name, 0)
    local args = {}
    for i, a in ipairs(n.args) do args[i] = eval(a) end
    return f(table.unpack(args))
  elseif tag == "assign" then
    local v = eval(n.e); env[n.name] = v; return v
  elseif tag == "bin" then
    local a, b = eval(n.l), eval(n.r)
    local op = n.op
    if op == "+" then return a + b elseif op == "-" then return a - b
    elseif op == "*" then return a * b elseif op == "/" then return a / b
    elseif op == "%" then return a % b else return a ^ b end
  end
end

local function show(n)
  local tag = n.tag
  if tag == "num" then return tostring(n.value)
  elseif tag == "var" then return n.name
  elseif tag == "neg" then return "(-" .. show(n.e) .. ")"
  elseif tag == "assign" then return n.name .. " := " .. show(n.e)
  elseif tag == "call" then
    local a = {}
    for i, x in ipairs(n.args) do a[i] = show(x) end
    return n.name .. "(" .. table.concat(a, ", ") .. ")"
  else return "(" .. show(n.l) .. " " .. n.op .. " " .. show(n.r) .. ")" end
end

local inputs = {
  "1 + 2 * 3",
  "(1 + 2) * 3",
  "2 ^ 3 ^ 2",
  "x = 10",
  "y = x * 2 + 1",
  "x - y - 1",
  "-x ^ 2",
  "max(1, x, y, 3)",
  "sum(1, 2, 3, 4.5)",
  "sqrt(16) + abs(-3)",
  "17 % 5 + 10 / 4",
  "z + 1",
  "3 $ 4",
  "(1 + 2",
  "nofunc(1)",
  "100 - 99 - 1 + pi * 0",
}
for _, src in ipairs(inputs) do
  local ok, res = pcall(function()
    local ast = Parser.new(Lexer.new(src):tokens()):statement()
    return show(ast) .. " => " .. tostring(eval(ast))
  end)
  print(ok and "ok " or "err", src, "|", res)
end
assert(env.x == 10 and env.y == 21)
