-- utf8.char and utf8.charpattern.
print(utf8.char() == "")
print(utf8.char(72, 101, 108, 108, 111))
print(utf8.char(0) == "\0", #utf8.char(0))
print(utf8.char(0x7F) == "\x7F", utf8.char(0x80) == "\xC2\x80")
print(utf8.char(0x7FF) == "\xDF\xBF", utf8.char(0x800) == "\xE0\xA0\x80")
print(utf8.char(0xFFFF) == "\xEF\xBF\xBF", utf8.char(0x10000) == "\xF0\x90\x80\x80")
print(utf8.char(0x10FFFF) == "\xF4\x8F\xBF\xBF")
-- beyond Unicode: up to 0x7FFFFFFF, sequences of five and six bytes
print(utf8.char(0x110000) == "\xF4\x90\x80\x80")
print(utf8.char(0x1FFFFF) == "\xF7\xBF\xBF\xBF", utf8.char(0x200000) == "\xF8\x88\x80\x80\x80")
print(utf8.char(0x3FFFFFF) == "\xFB\xBF\xBF\xBF\xBF", utf8.char(0x4000000) == "\xFC\x84\x80\x80\x80\x80")
print(utf8.char(0x7FFFFFFF) == "\xFD\xBF\xBF\xBF\xBF\xBF")
-- surrogates are encoded too
print(utf8.char(0xD800) == "\xED\xA0\x80")
print(utf8.char(228, 8364, 0x1F600) == "ä€😀", utf8.char(0x1F600) == "\u{1F600}")
print(#utf8.char(1, 0x80, 0x800, 0x10000, 0x200000, 0x4000000))
-- arguments: integers, integral floats, numeric strings
print(utf8.char(65.0, "66", "0x43"))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, 65, 0x80000000))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, 65, nil))
print(pcall(utf8.char, {}))
print(pcall(utf8.char, -9223372036854775807 - 1))
-- charpattern
print(#utf8.charpattern, utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
