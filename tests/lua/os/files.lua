-- os.remove, os.rename, os.tmpname.
local name = os.tmpname()
print(type(name))
-- tmpname creates the file
local f = io.open(name)
print(io.type(f))
f:close()
local other = os.tmpname()
print(name ~= other)
os.remove(other)

-- rename moves the contents
f = assert(io.open(name, "w"))
f:write("data")
f:close()
local newname = name .. ".renamed"
print(os.rename(name, newname))
print(io.open(name) == nil)
f = assert(io.open(newname))
print(f:read("a"))
f:close()
-- failures: rename gives no file name in the message, remove does
local ok, msg, code = os.rename(name, newname)
print(ok, msg, code)
print(os.rename("/nonexistent/a", "/nonexistent/b"))
print(os.remove(newname))
ok, msg, code = os.remove(newname)
print(ok, msg == newname .. ": No such file or directory", code)
print(os.remove("/nonexistent/lurel/x"))
-- removing a non-empty directory fails; an empty one works
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local inner = dir .. "/inner"
assert(io.open(inner, "w")):close()
ok, msg, code = os.remove(dir)
print(ok, msg == dir .. ": Directory not empty", code)
print(os.remove(inner))
print(os.remove(dir))
-- argument errors
print(pcall(os.remove))
print(pcall(os.rename, "a"))
print(pcall(os.rename, nil, "b"))
print(pcall(os.remove, {}))
