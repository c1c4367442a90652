-- io.popen: reading from and writing to commands; close returns what
-- os.execute returns.
local p = io.popen("echo hello; echo world")
print(io.type(p))
print(p:read("l"))
print(p:read("a"))
print(p:close())

p = io.popen("printf 'a b\\n1 2\\n'", "r")
for l in p:lines() do print("[" .. l .. "]") end
print(p:close())

-- exit status
print(io.popen("exit 3"):close())
print(io.popen("exit 0"):close())
print(io.popen("true"):close())
print(io.popen("false"):close())
-- killed by a signal
p = io.popen("kill -TERM $$")
print(p:read("a"))
print(p:close())

-- writing: the command's output goes to our stdout (flushed first)
io.write("before ")
p = io.popen("cat", "w")
print(io.type(p))
p:write("written to cat\n", 42, "\n")
print(p:close())
print("after")

-- reading numbers from a command
p = io.popen("echo 1 2.5 0x10")
print(p:read("n", "n", "n", "n"))
p:close()

-- a closed pipe
print(pcall(p.read, p))
print(io.type(p))

-- invalid modes
print(pcall(io.popen, "true", "rw"))
print(pcall(io.popen, "true", "r+"))
print(pcall(io.popen, "true", ""))
print(pcall(io.popen, "true", "rb"))
print(pcall(io.popen))

-- a command that does not exist still starts a shell
p = io.popen("nonexistent_command_xyz 2>/dev/null")
print(p:read("a"))
print(p:close())
