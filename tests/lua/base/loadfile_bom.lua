-- loadfile and dofile skip a UTF-8 byte order mark, then a '#' first line
-- (line numbers stay right); a binary chunk after a BOM still loads.
local fn = os.tmpname()
local function put(s) local f = assert(io.open(fn, "wb")); f:write(s); f:close() end
local function clean(s) return (tostring(s):gsub("lua_%w+", "F")) end
put("\239\187\191return 1, ...")
print(loadfile(fn)(2))
put("\239\187\191#!/usr/bin/lua\nreturn 3")
print(dofile(fn))
put("\239\187\191\n\nreturn +")
local f, e = loadfile(fn)
print(f, clean(e))
put("\239\187\191#comment\nerror('at line 2')")
print(clean(select(2, pcall(dofile, fn))))
put("\239\187return 1")                     -- not a whole BOM
print(loadfile(fn) ~= nil)
put("\239\187\191" .. string.dump(function() return "binary" end))
print(pcall(function() return loadfile(fn)() end))
put("#only a comment")
print(loadfile(fn)())
os.remove(fn)
