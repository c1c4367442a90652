#!/usr/bin/env lua5.4
-- the first line of a file starting with # is skipped
local x = 1
assert(x == 1)
print("shebang ok", x)
