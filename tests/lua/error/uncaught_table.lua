-- expect-exit: 1
-- a non-string error object without __tostring
io.write("partial output without newline")
error({ code = 1 })
