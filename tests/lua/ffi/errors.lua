-- lurel-only
-- Bad signatures and bad arguments are Lua errors, never crashes.
local function err(f, ...)
  local ok, e = pcall(f, ...)
  assert(not ok, "no error")
  return tostring(e)
end
local function has(e, s) assert(e:find(s, 1, true), e) end

-- opening
local l, msg = ffi.open("/no/such/library.so")
assert(l == nil and type(msg) == "string" and msg:find("library.so", 1, true))
has(err(ffi.open, {}), "string expected")
local libc = assert(ffi.open("libc.so.6"))
assert(tostring(libc):find("^ffi.library"))

-- symbols: nil and a message
local f, m = libc:func("no_such_function_here", "int", {})
assert(f == nil and m:find("no_such_function_here", 1, true))

-- signatures
has(err(function() return libc:func("strlen", "sizet", {"string"}) end), "unknown return type 'sizet'")
has(err(function() return libc:func("strlen", "size_t", {"strnig"}) end), "unknown parameter type 'strnig'")
has(err(function() return libc:func("printf", "int", {"...", "string"}) end), "'...' must be the last parameter")
has(err(function() return libc:func("printf", "int", {"..."}) end), "needs a fixed parameter")
has(err(function() return libc:func("abs", "int", {"void"}) end), "'void' is not a parameter type")
has(err(function() return libc:func("abs", "...", {"int"}) end), "'...' is not a return type")
has(err(function() return libc:func("abs", "int", {42}) end), "type name expected, got number")
has(err(function() return libc:func("abs", "int", "int") end), "table expected, got string")
has(err(function() return libc:func({}, "int", {}) end), "string expected")
has(err(function() return libc.func("x", "abs", "int", {}) end), "ffi.library expected")
local many = {}
for i = 1, 40 do many[i] = "int" end
has(err(function() return libc:func("abs", "int", many) end), "too many parameters")

-- arguments
local abs = libc:func("abs", "int", {"int"})
local strlen = libc:func("strlen", "size_t", {"string"})
local memset = libc:func("memset", "pointer", {"pointer", "int", "size_t"})
local toupper8 = libc:func("toupper", "int", {"uint8"})
has(err(abs), "wrong number of arguments to 'abs' (1 expected, got 0)")
has(err(abs, 1, 2), "wrong number of arguments to 'abs' (1 expected, got 2)")
has(err(abs, "12"), "bad argument #1 to 'abs' (integer expected, got string)")
has(err(abs, 1.5), "number has no integer representation")
has(err(abs, 1 << 40), "value out of range for int")
has(err(abs, bigint(2) ^ 70), "value out of range for int")
has(err(toupper8, 256), "value out of range for uint8")
has(err(toupper8, -1), "value out of range for uint8")
has(err(strlen, 5), "bad argument #1 to 'strlen' (string expected, got number)")
has(err(strlen, {}), "string expected, got table")
has(err(memset, "abc", 0, 1), "pointer expected, got string")
has(err(memset, libc, 0, 1), "pointer expected, got ffi.library")
has(err(memset, ffi.alloc(4), true, 1), "integer expected, got boolean")
local cos = assert(ffi.open("libm.so.6")):func("cos", "double", {"double"})
has(err(cos, "1"), "number expected, got string")
local isb = libc:func("abs", "int", {"bool"})
has(err(isb, 1), "boolean expected, got number")
local printf = libc:func("printf", "int", {"string", "..."})
has(err(printf), "at least 1 expected, got 0")
has(err(printf, "%d", {}), "bad argument #2 to 'printf'")
has(err(printf, "%d", bigint(2) ^ 70), "value out of range for int64")
local args = {"%s"}
for i = 2, 70 do args[i] = "x" end
has(err(printf, table.unpack(args)), "too many arguments")

-- buffers and strings
has(err(ffi.alloc, -1), "size out of range")
has(err(ffi.alloc, "x"), "number expected")
has(err(ffi.string, ffi.null), "null pointer")
has(err(ffi.string, "abc"), "pointer expected, got string")
has(err(ffi.string, ffi.alloc(4), 5), "length out of range")
has(err(ffi.string, ffi.alloc(4), -1), "length out of range")
assert(ffi.string(ffi.alloc(4)) == "" and ffi.string(ffi.alloc(4), 4) == "\0\0\0\0")
assert(ffi.alloc(0) and #ffi.alloc(0) == 0)

-- ffi values stay in their process
has(err(process.send, process.self(), ffi.alloc(4)), "cannot send a userdata value")
has(err(process.send, process.self(), libc), "cannot send a userdata value")
has(err(process.send, process.self(), abs), "cannot send a userdata value")
has(err(process.spawn, function() return abs(1) end), "cannot send a userdata value")

-- after all that, calls still work
assert(abs(-3) == 3 and strlen("abcd") == 4)
print("ok")
