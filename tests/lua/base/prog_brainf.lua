-- A Brainf*ck interpreter with bracket precomputation; runs a hello-world
-- program and a program that prints squares.
local function run(prog, input)
  local code = {}
  for c in prog:gmatch("[%+%-<>%.,%[%]]") do code[#code + 1] = c end
  local jump, stack = {}, {}
  for i, c in ipairs(code) do
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then
      local j = table.remove(stack) or error("unbalanced ] at " .. i, 0)
      jump[i], jump[j] = j, i
    end
  end
  if #stack > 0 then error("unbalanced [", 0) end
  local tape, ptr, pc, out, inp = setmetatable({}, { __index = function() return 0 end }), 1, 1, {}, 1
  local steps = 0
  while pc <= #code do
    local c = code[pc]
    steps = steps + 1
    if c == "+" then tape[ptr] = (tape[ptr] + 1) % 256
    elseif c == "-" then tape[ptr] = (tape[ptr] - 1) % 256
    elseif c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "." then out[#out + 1] = string.char(tape[ptr])
    elseif c == "," then tape[ptr] = input:byte(inp) or 0; inp = inp + 1
    elseif c == "[" then if tape[ptr] == 0 then pc = jump[pc] end
    elseif c == "]" then if tape[ptr] ~= 0 then pc = jump[pc] end
    end
    pc = pc + 1
  end
  return table.concat(out), steps
end
local hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(run(hello, ""))
local rev = ">,[>,]<[.<]"
print(run(rev, "stressed"))
local add = ",>,[<+>-]<------------------------------------------------."
print(run(add, "34"))
print(pcall(run, "[[]", ""))
print(pcall(run, "]", ""))
