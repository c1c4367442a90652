-- lurel-only
-- Calling C: strlen, abs, cos from libm, snprintf into an ffi.alloc buffer,
-- integers of each width, floats, pointers, C strings, void.
local libc = assert(ffi.open("libc.so.6"))
local libm = assert(ffi.open("libm.so.6"))

local strlen = assert(libc:func("strlen", "size_t", {"string"}))
assert(strlen("abc") == 3 and strlen("") == 0)
assert(strlen(string.rep("x", 100000)) == 100000)
assert(strlen("ab\0cd") == 2)

local abs = libc:func("abs", "int", {"int"})
assert(abs(-42) == 42 and abs(7) == 7 and abs(-2147483647) == 2147483647)
local labs = libc:func("labs", "long", {"long"})
assert(labs(-(1 << 40)) == 1 << 40)
local llabs = libc:func("llabs", "int64", {"int64"})
assert(llabs(math.mininteger + 1) == math.maxinteger)

local cos = assert(libm:func("cos", "double", {"double"}))
assert(cos(0) == 1.0 and math.abs(cos(math.pi) + 1) < 1e-15)
assert(cos(0) == 1 and math.type(cos(0)) == "float")
local sqrtf = libm:func("sqrtf", "float", {"float"})
assert(sqrtf(16) == 4.0)
local pow = libm:func("pow", "double", {"double", "double"})
assert(pow(2, 10) == 1024.0)

-- snprintf: variadic
local snprintf = libc:func("snprintf", "int", {"pointer", "size_t", "string", "..."})
local buf = ffi.alloc(64)
assert(#buf == 64 and ffi.string(buf) == "")
local n = snprintf(buf, #buf, "%d-%s-%.2f-%lld", 42, "x", 3.14159, math.maxinteger)
local s = "42-x-3.14-" .. math.maxinteger
assert(n == #s and ffi.string(buf) == s, ffi.string(buf))
assert(ffi.string(buf, 2) == "42")
assert(ffi.string(buf, 64):sub(1, #s) == s and #ffi.string(buf, 64) == 64)
-- truncation: snprintf never writes past the size it is given
n = snprintf(buf, 4, "%s", "abcdefgh")
assert(n == 8 and ffi.string(buf) == "abc")
local sprintf = libc:func("sprintf", "int", {"pointer", "string", "..."})
assert(sprintf(buf, "%c%c", 72, 105) == 2 and ffi.string(buf) == "Hi")

-- pointers: memset/memcpy into buffers, a pointer coming back
local memset = libc:func("memset", "pointer", {"pointer", "int", "size_t"})
memset(buf, 0, #buf)
local p = memset(buf, 65, 10)
assert(type(p) == "userdata" and ffi.string(p, 10) == "AAAAAAAAAA")
assert(ffi.string(buf, 11) == "AAAAAAAAAA\0")
local memcpy = libc:func("memcpy", "pointer", {"pointer", "string", "size_t"})
memcpy(buf, "hello", 6)
assert(ffi.string(buf) == "hello")
local strchr = libc:func("strchr", "pointer", {"string", "int"})
assert(strchr("abc", string.byte("z")) == ffi.null)
assert(ffi.string(strchr("abcdef", string.byte("d"))) == "def")
local strstr = libc:func("strstr", "string", {"string", "string"})
assert(strstr("hello world", "wor") == "world" and strstr("hello", "xyz") == nil)
-- a buffer passed as a string argument
assert(strlen(buf) == 5)

-- narrow integers: results are sign- or zero-extended
local toupper = libc:func("toupper", "int", {"int"})
assert(toupper(string.byte("a")) == string.byte("A"))
local atoi = libc:func("atoi", "int32", {"string"})
assert(atoi("-123") == -123)
local strtoul = libc:func("strtoul", "uint64", {"string", "pointer", "int"})
assert(strtoul("ff", nil, 16) == 255)
assert(strtoul("18446744073709551615", nil, 10) == -1)       -- 2^64-1 wraps, as Lua's hex literals do
local strtol8 = libc:func("strtol", "int8", {"string", "pointer", "int"})
assert(strtol8("300", nil, 10) == 44)                          -- 300 as a C int8
local strtolu8 = libc:func("strtol", "uint8", {"string", "pointer", "int"})
assert(strtolu8("-1", nil, 10) == 255)
-- bigint and float arguments with integer values
assert(labs(bigint(-5)) == 5 and labs(-5.0) == 5)

-- void, bool
local srand = libc:func("srand", "void", {"uint"})
assert(select("#", srand(1)) == 0)
local isalpha = libc:func("isalpha", "int", {"int"})
assert(isalpha(65) ~= 0 and isalpha(48) == 0)
local getpid = libc:func("getpid", "int", {})
assert(getpid() > 0)
local getpid2 = libc:func("getpid", "int")
assert(getpid2() == getpid())

-- the default namespace (the program and what it loaded)
local self = assert(ffi.open())
assert(self:func("strlen", "size_t", {"string"})("four") == 4)
print("ok")
