-- File handles: io.type, tostring, the metatable, closing, the standard
-- files, and the methods being distinct from the io functions.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdin), io.type(io.stdout), io.type(io.stderr))
print(io.type(nil), io.type(42), io.type({}), io.type("file"), io.type(print))
print(pcall(io.type))
print(tostring(f) ~= "file (closed)", #tostring(f) > 8)
print(type(f))

local mt = getmetatable(f)
print(mt == getmetatable(io.stdout), mt.__name)
print(type(mt.__index), type(mt.__gc), type(mt.__close), type(mt.__tostring))
print(mt.__gc == mt.__close)
print(mt.__index.read == f.read, f.read == io.read, f.write == io.write,
      f.close == io.close, f.lines == io.lines, f.flush == io.flush)
for _, k in ipairs({"close", "flush", "lines", "read", "seek", "setvbuf", "write"}) do
  io.write(k, ":", type(mt.__index[k]), " ")
end
print()
for _, k in ipairs({"close", "flush", "input", "lines", "open", "output", "popen",
                    "read", "tmpfile", "type", "write"}) do
  io.write(k, ":", type(io[k]), " ")
end
print()

-- close returns true, then the handle is closed for good
print(f:close())
print(io.type(f), tostring(f))
print(pcall(f.close, f))
print(pcall(f.read, f))
print(pcall(f.write, f, "x"))
print(pcall(f.lines, f))
print(pcall(f.seek, f))
print(pcall(f.flush, f))
print(pcall(f.setvbuf, f, "no"))
print(pcall(io.close, f))
print(mt.__tostring(f))

-- __gc and __close close an open file, do nothing on a closed one
f = assert(io.open(name))
print(mt.__gc(f))
print(io.type(f))
print(mt.__gc(f))
f = assert(io.open(name))
print(mt.__close(f))
print(io.type(f))

-- methods on something else
print(pcall(f.read, 1))
print(pcall(f.close, {}))
print(pcall(mt.__tostring, "x"))
print(pcall(mt.__gc, nil))
print(pcall(function() return f.read() end))

-- the standard files cannot be closed
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print(io.close())             -- the default output is stdout
print(mt.__gc(io.stdout), io.type(io.stdout))
print(io.type(io.stdout), io.type(io.stdin))
io.stdout:write("still open\n")

-- flush and setvbuf
f = assert(io.open(name, "w"))
print(f:flush(), io.flush())
print(f:setvbuf("no"), f:setvbuf("full", 1024), f:setvbuf("line"), f:setvbuf("full"))
print(pcall(f.setvbuf, f, "bad"))
print(pcall(f.setvbuf, f))
f:write("buffered")
f:flush()
local g = assert(io.open(name))
print("[" .. g:read("a") .. "]")
g:close()
f:close()

-- tmpfile: an anonymous file open for update
local t = io.tmpfile()
print(io.type(t))
t:write("temp", 1, 2)
print(t:seek("set"))
print(t:read("a"))
t:close()
print(io.type(t))
os.remove(name)
