-- A tiny Lisp: reader, environment chain, special forms (quote if define
-- lambda let begin set!), tail-call-free evaluator, closures, recursion.
local Symbol = {}
local symbols = {}
local function sym(name)
  local s = symbols[name]
  if not s then s = setmetatable({ name = name }, Symbol); symbols[name] = s end
  return s
end
local Nil = setmetatable({}, { __tostring = function() return "()" end })

local function tokenize(s)
  local toks = {}
  for tok in s:gsub(";[^\n]*", ""):gsub("([()'])", " %1 "):gmatch("%S+") do toks[#toks + 1] = tok end
  return toks
end
local function read(toks, i)
  local t = toks[i]
  if t == nil then error("unexpected EOF", 0) end
  if t == "(" then
    local list = {}
    i = i + 1
    while toks[i] ~= ")" do
      if toks[i] == nil then error("missing )", 0) end
      local v
      v, i = read(toks, i)
      list[#list + 1] = v
    end
    return list, i + 1
  elseif t == ")" then error("unexpected )", 0)
  elseif t == "'" then
    local v
    v, i = read(toks, i + 1)
    return { sym("quote"), v }, i
  end
  local n = tonumber(t)
  if n then return n, i + 1 end
  if t == "#t" then return true, i + 1 elseif t == "#f" then return false, i + 1 end
  return sym(t), i + 1
end

local function tostr(v)
  if type(v) == "table" and getmetatable(v) == Symbol then return v.name end
  if v == true then return "#t" elseif v == false then return "#f" end
  if type(v) == "table" and v.params then return "<lambda>" end
  if type(v) == "function" then return "<builtin>" end
  if type(v) == "table" and v ~= Nil then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = tostr(x) end
    return "(" .. table.concat(parts, " ") .. ")"
  end
  return tostring(v)
end

local function Env(parent) return { vars = {}, parent = parent } end
local function lookup(env, s)
  while env do
    local v = env.vars[s]
    if v ~= nil then return v, env end
    env = env.parent
  end
  error("unbound symbol: " .. s.name, 0)
end

local eval
local function apply(f, args)
  if type(f) == "function" then return f(table.unpack(args)) end
  if type(f) == "table" and f.params then
    local env = Env(f.env)
    for i, p in ipairs(f.params) do env.vars[p] = args[i] end
    local r
    for _, e in ipairs(f.body) do r = eval(e, env) end
    return r
  end
  error("not a function: " .. tostr(f), 0)
end

function eval(x, env)
  if type(x) == "number" or type(x) == "boolean" then return x end
  if getmetatable(x) == Symbol then return (lookup(env, x)) end
  local head = x[1]
  if head == sym("quote") then return x[2]
  elseif head == sym("if") then
    local c = eval(x[2], env)
    if c ~= false then return eval(x[3], env) elseif x[4] ~= nil then return eval(x[4], env) else return false end
  elseif head == sym("define") then
    if type(x[2]) == "table" and getmetatable(x[2]) ~= Symbol then
      local name, params = x[2][1], { table.unpack(x[2], 2) }
      env.vars[name] = { params = params, body = { table.unpack(x, 3) }, env = env }
      return name
    end
    env.vars[x[2]] = eval(x[3], env)
    return x[2]
  elseif head == sym("set!") then
    local _, where = lookup(env, x[2])
    where.vars[x[2]] = eval(x[3], env)
    return where.vars[x[2]]
  elseif head == sym("lambda") then
    return { params = x[2], body = { table.unpack(x, 3) }, env = env }
  elseif head == sym("let") then
    local e2 = Env(env)
    for _, b in ipairs(x[2]) do e2.vars[b[1]] = eval(b[2], env) end
    local r
    for i = 3, #x do r = eval(x[i], e2) end
    return r
  elseif head == sym("begin") then
    local r
    for i = 2, #x do r = eval(x[i], env) end
    return r
  end
  local f = eval(head, env)
  local args = {}
  for i = 2, #x do args[i - 1] = eval(x[i], env) end
  return apply(f, args)
end

local global = Env(nil)
local builtins = {
  ["+"] = function(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end,
  ["*"] = function(...) local s = 1 for _, v in ipairs({...}) do s = s * v end return s end,
  ["-"] = function(a, b) if b == nil then return -a end return a - b end,
  ["/"] = function(a, b) return a / b end,
  ["<"] = function(a, b) return a < b end, ["="] = function(a, b) return a == b end,
  ["car"] = function(l) return l[1] end,
  ["cdr"] = function(l) local r = { table.unpack(l, 2) } return #r > 0 and r or Nil end,
  ["cons"] = function(a, l) if l == Nil then return { a } end return { a, table.unpack(l) } end,
  ["null?"] = function(l) return l == Nil or (type(l) == "table" and #l == 0) end,
  ["list"] = function(...) local r = { ... } return #r > 0 and r or Nil end,
}
for k, v in pairs(builtins) do global.vars[sym(k)] = v end

local program = [[
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(fact 20)
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(fib 15)
(define (map f l) (if (null? l) l (cons (f (car l)) (map f (cdr l)))))
(map (lambda (x) (* x x)) (list 1 2 3 4 5))
(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(define c1 (make-counter))
(define c2 (make-counter))
(begin (c1) (c1) (c2) (list (c1) (c2)))
(let ((x 2) (y 3)) (let ((x 7)) (* x y)))
'(a b (c d))
(define (compose f g) (lambda (x) (f (g x))))
((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 5)
(if #f 1)
(undefined-thing 1)
(1 2 3)
]]
local toks = tokenize(program)
local i = 1
while i <= #toks do
  local expr
  expr, i = read(toks, i)
  local ok, r = pcall(eval, expr, global)
  print(tostr(expr), "=>", ok and tostr(r) or ("error: " .. r))
end
print(pcall(read, tokenize("(+ 1"), 1))
print(pcall(read, tokenize(")"), 1))
