-- expect-exit: 1
-- Writing to a closed default output is an error.
local name = os.tmpname()
io.output(name)
io.close()
os.remove(name)
io.output():write("x")
