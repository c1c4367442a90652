-- file:write and io.write: strings and numbers (integers with "%d",
-- floats with "%.14g"), the returned handle, and the error results.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local r = f:write("a", 1, " ", 2.0, " ", -0.0, " ", 1e100, " ", 2^63, " ",
                  1/3, " ", -7, " ", 0x7fffffffffffffff, " ", 1e15,
                  " ", 123456789012345.0, " ", 1/0, " ", -1/0, "\n")
print(r == f, io.type(r))
-- chained writes
f:write("x"):write("y"):write("\n")
f:write()                   -- nothing
f:write("")
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()

-- io.write goes to the default output (here: stdout) and returns it
print(io.write("to stdout ", 42, " ", 4.5, "\n") == io.stdout)
print(io.stdout:write("via handle\n") == io.stdout)
-- interleaving with print keeps the order
io.write("A")
print("B")
io.write("C\n")
io.stdout:write("D")
print("E")

-- argument errors name the argument
print(pcall(f.write, io.stdout, {}))
print(pcall(io.write, "ok", nil))
print(pcall(io.write, true))
print(pcall(function() io.stdout:write(1, {}) end))
print(pcall(function() io.write(1, 2, print) end))
-- writes on a closed file
print(pcall(f.write, f, "x"))
-- writing to a file opened for reading fails with an error result
f = assert(io.open(name, "r"))
print(f:write("no"))
print(f:write(12))
f:close()
-- and reading from a write-only file
f = assert(io.open(name, "w"))
print(f:read("l"))
print(f:read("a"))
f:close()
io.write("\n")
os.remove(name)
