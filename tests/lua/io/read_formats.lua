-- file:read with every format: "l", "L", "a", "n", byte counts, 0, the
-- old "*x" spellings, several formats at once, and end of file.
local function show(...)
  local s = ""
  for i = 1, select('#', ...) do
    s = s .. (i > 1 and " | " or "") .. tostring((select(i, ...)))
  end
  print(select('#', ...), s)
end

local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("first line\n", "second\n", "\n", "no newline at end")
f:close()

f = assert(io.open(name))
show(f:read())               -- default is "l"
show(f:read("L"))
show(f:read("l"))
show(f:read("L"))
show(f:read("l"))            -- the last line without '\n'
show(f:read("l"))            -- end of file: nil
show(f:read("L"))
show(f:read("a"))            -- "a" never fails
show(f:read(0))              -- 0 at end of file: nil
show(f:read(1))
f:close()

f = assert(io.open(name))
show(f:read(5, 1, 0, 4))
show(f:read("*l", "*L", "*a"))
show(f:read("*a", "*l"))
f:close()

-- counts larger than the file, and a read that stops at the first failure
f = assert(io.open(name))
local all = f:read(1000)
print(#all, all == "first line\nsecond\n\nno newline at end")
show(f:read(1000, "a"))
f:seek("set")
show(f:read("l", "l", "l", "l", "l", "l", "l"))
f:close()

-- a file with only newlines
f = assert(io.open(name, "w"))
f:write("\n\n")
f:close()
f = assert(io.open(name))
show(f:read("l", "L", "l"))
f:close()

-- an empty file
f = assert(io.open(name, "w"))
f:close()
f = assert(io.open(name))
show(f:read("a", "a"))
show(f:read(0))
show(f:read("n"))
show(f:read("l"))
f:close()

-- binary data survives
f = assert(io.open(name, "wb"))
f:write("a\0b\r\n\255\0")
f:close()
f = assert(io.open(name, "rb"))
local s = f:read("a")
print(#s, s == "a\0b\r\n\255\0")
f:seek("set")
local l1 = f:read("L")
print(#l1, l1 == "a\0b\r\n")
f:close()

-- a long line crosses any internal buffer size
local long = "x"
for i = 1, 13 do long = long .. long end      -- 8192 bytes
f = assert(io.open(name, "w"))
f:write(long, "y\n", long, long)
f:close()
f = assert(io.open(name))
local a = f:read("l")
print(#a, a == long .. "y")
local b = f:read("a")
print(#b, b == long .. long)
f:seek("set")
local c = f:read(8193)
print(#c, c == long .. "y")
f:close()

-- format errors
f = assert(io.open(name, "w"))
f:write("ab\ncd\n")
f:close()
f = assert(io.open(name))
print(pcall(f.read, f, "x"))
print(pcall(f.read, f, "*"))
print(pcall(f.read, f, ""))
print(pcall(f.read, f, {}))
print(pcall(f.read, f, 1.5))
print(pcall(f.read, f, -1))   -- a huge count: lua5.4 cannot allocate it
print(pcall(f.read, f, "l", true))
print(pcall(function() return f:read("z") end))
print(pcall(function() return f:read("l", 2, "q") end))
f:close()
os.remove(name)
