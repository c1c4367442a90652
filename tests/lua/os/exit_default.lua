-- os.exit() exits with EXIT_SUCCESS; os.exit(code) checks its argument.
print(pcall(os.exit, "x"))
print(pcall(os.exit, 1.5))
print(pcall(os.exit, {}))
io.write("bye")
os.exit()
