-- expect-exit: 3
-- os.exit with a number; pending output is flushed first.
io.write("buffered, no newline")
io.stdout:write(" and more")
os.exit(3)
print("not reached")
