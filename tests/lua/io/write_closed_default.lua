-- expect-exit: 1
-- io.write with a closed default output.
local name = os.tmpname()
io.output(name)
io.close()
os.remove(name)
io.write("x")
