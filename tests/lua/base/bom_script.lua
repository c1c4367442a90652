-- This file starts with a UTF-8 byte order mark, which lua5.4 skips.
print("bom ok", debug.getinfo(1, "l").currentline)
