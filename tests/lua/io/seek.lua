-- file:seek: "set", "cur", "end", offsets, defaults and failures.
local name = os.tmpname()
local f = assert(io.open(name, "w+"))
f:write("0123456789")
print(f:seek())              -- "cur", 0: the position
print(f:seek("set"))
print(f:read(3), f:seek("cur"))
print(f:seek("cur", 2), f:read(1))
print(f:seek("end"))
print(f:seek("end", -3), f:read("a"))
print(f:seek("set", 5), f:read(2))
print(f:seek("cur", -4), f:read(1))
-- past the end is allowed; writing there leaves a hole of zeros
print(f:seek("set", 12))
f:write("X")
f:seek("set")
local s = f:read("a")
print(#s, s == "0123456789\0\0X")
-- before the start fails with an error result
print(f:seek("set", -1))
print(f:seek("cur", -100))
print(f:seek())
-- argument errors
print(pcall(f.seek, f, "bad"))
print(pcall(f.seek, f, "set", 1.5))
print(pcall(f.seek, f, "set", "x"))
print(pcall(f.seek, f, 1))
print(pcall(function() return f:seek("begin") end))
print(f:seek("set", "3"))    -- numeric strings are numbers
print(f:seek("set", 2.0))
f:close()
print(pcall(f.seek, f))
-- seeking a pipe fails
local p = io.popen("echo hi")
print(p:seek("set", 1))
p:close()
os.remove(name)
