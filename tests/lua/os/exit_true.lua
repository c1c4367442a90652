-- os.exit(true, true): EXIT_SUCCESS, closing the state.
print("start")
io.write("tail")
os.exit(true, true)
print("not reached")
