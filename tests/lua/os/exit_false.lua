-- expect-exit: 1
-- os.exit(false) exits with EXIT_FAILURE; files are flushed.
local name = os.tmpname()
print("start")
io.write("unflushed")
os.exit(false)
