-- io.input / io.output: default files by name or handle, io.read /
-- io.write / io.lines / io.close / io.flush through them.
local name = os.tmpname()
local stdout, stdin = io.output(), io.input()
print(stdout == io.stdout, stdin == io.stdin)

-- io.output(name) opens for writing and makes it the default output
local out = io.output(name)
print(io.type(out), out == io.output(), out ~= io.stdout)
print(io.write("line 1\n", 2, "\n") == out)
print(io.flush())
-- io.close() closes the default output
print(io.close())
print(io.type(out))
print(pcall(io.write, "x"))
print(pcall(io.flush))
print(pcall(io.close))
print(io.output() == out)     -- still the (closed) default
io.output(io.stdout)
print(io.output() == io.stdout)

-- io.input(name) opens for reading
local inp = io.input(name)
print(io.type(inp), inp == io.input())
print(io.read())
print(io.read("n"))
print(io.read("L"))
print(io.read("l"))
print(io.read("a"))
inp:close()
print(pcall(io.read))
print(pcall(io.read, "a"))
print(pcall(io.lines))
-- io.input(handle)
local h = assert(io.open(name))
print(io.input(h) == h, io.read("l"))
io.input(io.stdin)
print(io.input() == io.stdin)
-- a closed handle cannot become a default
print(pcall(io.input, inp))
print(pcall(io.output, out))
-- a bad argument
print(pcall(io.input, {}))
print(pcall(io.output, true))
-- a file that cannot be opened is an error
print(pcall(io.input, "/nonexistent/dir/file"))
print(pcall(io.output, "/nonexistent/dir/file"))
print(io.input() == io.stdin, io.output() == io.stdout)
-- io.close(file)
print(io.close(h), io.type(h))
print(pcall(io.close, h))
print(pcall(io.close, 42))
os.remove(name)
