-- A tiny stack machine with an assembler (labels, jumps, calls) used to run
-- factorial, fibonacci and a loop; checks error handling for bad programs.
local function assemble(src)
  local code, labels, fixups = {}, {}, {}
  for line in src:gmatch("[^\n]+") do
    line = line:gsub(";.*$", ""):match("^%s*(.-)%s*$")
    if line ~= "" then
      local label = line:match("^([%w_]+):$")
      if label then labels[label] = #code + 1
      else
        local op, arg = line:match("^(%a+)%s*(%S*)$")
        if not op then error("bad line: " .. line, 0) end
        local ins = { op = op:upper() }
        if arg ~= "" then
          local n = math.tointeger(tonumber(arg))
          if n then ins.arg = n else ins.label = arg; fixups[#fixups + 1] = ins end
        end
        code[#code + 1] = ins
      end
    end
  end
  for _, ins in ipairs(fixups) do
    ins.arg = labels[ins.label] or error("undefined label " .. ins.label, 0)
  end
  return code
end

local function run(code, maxsteps)
  local stack, sp, pc, calls, out, steps = {}, 0, 1, {}, {}, 0
  local function push(v) sp = sp + 1; stack[sp] = v end
  local function pop() if sp == 0 then error("stack underflow at " .. pc, 0) end local v = stack[sp]; stack[sp] = nil; sp = sp - 1; return v end
  local ops = {
    PUSH = function(a) push(a) end,
    POP = function() pop() end,
    DUP = function() local v = pop(); push(v); push(v) end,
    SWAP = function() local b, a = pop(), pop(); push(b); push(a) end,
    OVER = function() local b, a = pop(), pop(); push(a); push(b); push(a) end,
    ROT = function() local c, b, a = pop(), pop(), pop(); push(b); push(c); push(a) end,
    ADD = function() local b, a = pop(), pop(); push(a + b) end,
    SUB = function() local b, a = pop(), pop(); push(a - b) end,
    MUL = function() local b, a = pop(), pop(); push(a * b) end,
    DIV = function() local b, a = pop(), pop(); if b == 0 then error("division by zero at " .. pc, 0) end push(a // b) end,
    LT = function() local b, a = pop(), pop(); push(a < b and 1 or 0) end,
    EQ = function() local b, a = pop(), pop(); push(a == b and 1 or 0) end,
    JMP = function(a) return a end,
    JZ = function(a) if pop() == 0 then return a end end,
    CALL = function(a) calls[#calls + 1] = pc + 1; return a end,
    RET = function() local r = table.remove(calls); if not r then error("return without call", 0) end return r end,
    PRINT = function() out[#out + 1] = tostring(pop()) end,
  }
  while true do
    local ins = code[pc]
    if not ins then error("pc out of range: " .. pc, 0) end
    if ins.op == "HALT" then break end
    steps = steps + 1
    if steps > maxsteps then error("step limit exceeded", 0) end
    local f = ops[ins.op] or error("unknown op " .. ins.op, 0)
    local np = f(ins.arg)
    pc = np or pc + 1
  end
  return table.concat(out, " "), steps
end

local fact = assemble([[
  push 1         ; acc
  push 20        ; n
loop:
  dup
  jz done        ; n == 0 ?
  swap           ; n acc
  over           ; n acc n
  mul            ; n acc*n
  swap           ; acc*n n
  push 1
  sub
  jmp loop
done:
  pop
  print
  halt
]])
print(run(fact, 10000))

local fib = assemble([[
  push 0
  push 1
  push 30      ; counter
again:
  dup
  jz finish
  push 1
  sub
  call step
  jmp again
step:          ; a b c -> b a+b c
  rot
  rot
  dup
  rot
  add
  rot
  ret
finish:
  pop
  print
  print
  halt
]])
print(run(fib, 10000))

local loop = assemble([[
  push 0
top:
  dup
  print
  push 1
  add
  dup
  push 10
  lt
  jz end
  jmp top
end:
  halt
]])
print(run(loop, 1000))
print(pcall(run, assemble("push 1\npush 0\ndiv\nhalt"), 100))
print(pcall(run, assemble("pop\nhalt"), 100))
print(pcall(run, assemble("l:\njmp l"), 500))
print(pcall(assemble, "jmp nowhere"))
print(pcall(run, assemble("frob\nhalt"), 10))
print(pcall(run, assemble("ret"), 10))
