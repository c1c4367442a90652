-- io.open: every mode, what each does to existing contents, and the
-- "invalid mode" / failure results.
local function show(...)
  local s = ""
  for i = 1, select('#', ...) do
    s = s .. (i > 1 and " | " or "") .. tostring((select(i, ...)))
  end
  print(s)
end

local name = os.tmpname()
local function put(s)
  local f = assert(io.open(name, "w"))
  assert(f:write(s) == f)
  assert(f:close() == true)
end
local function get()
  local f = assert(io.open(name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- "r": read only; writing fails with an error result
put("hello\n")
local f = assert(io.open(name, "r"))
print(io.type(f), f:read("l"))
local ok, msg, code = f:write("x")
show(ok, msg, code)
f:close()
print(get())

-- default mode is "r"
f = assert(io.open(name))
print(f:read("a"))
f:close()

-- "w" truncates
put("old contents")
f = assert(io.open(name, "w"))
f:write("new")
f:close()
print(get())

-- "a" appends
f = assert(io.open(name, "a"))
f:write("+more")
f:close()
print(get())

-- "r+" keeps the contents and writes over them
f = assert(io.open(name, "r+"))
f:write("NE")
f:close()
print(get())

-- "w+" erases and allows reading back
f = assert(io.open(name, "w+"))
print("[" .. f:read("a") .. "]")
f:write("abc")
f:seek("set")
print(f:read("a"))
f:close()

-- "a+" reads anywhere, writes at the end
f = assert(io.open(name, "a+"))
print(f:read(1))
f:seek("set")
f:write("Z")
f:seek("set")
print(f:read("a"))
f:close()

-- 'b' suffixes are accepted
for _, m in ipairs({"rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb"}) do
  f = io.open(name, m)
  print(m, io.type(f))
  f:close()
end
-- everything else is an argument error
for _, m in ipairs({"", "x", "rw", "rb+", "+r", "r++", "br", "r+bx", "R", "w "}) do
  print(m, pcall(io.open, name, m))
end

-- failure results: nil, "name: message", errno
os.remove(name)
local r1, r2, r3 = io.open(name)
print(r1, r2 == name .. ": No such file or directory", r3)
show(io.open("/nonexistent-dir/file", "w"))
show(io.open("/", "w"))
-- argument checks
print(pcall(io.open))
print(pcall(io.open, {}))
print(pcall(io.open, name, {}))
