-- io.lines and file:lines: formats, closing at the end, the values io.lines
-- returns, and the errors of a closed file.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("one\n", "two 2\n", "\n", "3 4 5\n", "last")
f:close()

-- default format "l"
local n = 0
for l in io.lines(name) do
  n = n + 1
  print(n, "[" .. l .. "]")
end

-- "L" keeps the newlines
local all = ""
for l in io.lines(name, "L") do all = all .. l end
print(all == "one\ntwo 2\n\n3 4 5\nlast")

-- several formats per step: the loop ends when the first result is nil
for a, b in io.lines(name, 3, "l") do print("[" .. a .. "]", b) end
for c in io.lines(name, 4) do io.write("<", c, ">") end
print()
for x in io.lines(name, "a") do print(#x) break end
-- "n" in a loop
f = assert(io.open(name, "w"))
f:write("1 2 3.5 0x10\n-4")
f:close()
for v in io.lines(name, "n") do print(v) end

-- io.lines returns the iterator, two nils and the file (the closing value)
local it, s, c, fh = io.lines(name)
print(type(it), s, c, io.type(fh))
print(it())
print(it())
print(it())                  -- end of file: the file is closed
print(io.type(fh))
print(pcall(it))             -- calling again: error
print(select("#", io.lines(name)))

-- file:lines does not close the file
f = assert(io.open(name))
for l in f:lines() do print(l) end
print(io.type(f))
print(f:read("a") == "")
f:seek("set")
for a, b in f:lines(1, 1) do io.write(a, tostring(b), "|") end
print()
local it2 = f:lines()
f:close()
print(pcall(it2))
print(pcall(f.lines, f))

-- io.lines() reads the default input; it is not closed at the end
f = assert(io.open(name, "w"))
f:write("in1\nin2\n")
f:close()
local saved = io.input()
io.input(name)
local inp = io.input()
for l in io.lines() do print("default:", l) end
print(io.type(inp))
io.input():close()
print(pcall(io.lines))
io.input(saved)

-- formats are checked when reading
print(pcall(function() for l in io.lines(name, "x") do end end))
print(pcall(function() for l in io.lines(name, {}) do end end))
print(pcall(function() for l in f:lines() do end end))

-- at most 250 formats
local src = "local name = ... return io.lines(name"
for i = 1, 250 do src = src .. ', "l"' end
local ok250 = pcall(load(src .. ")"), name)
local ok251, msg = pcall(load(src .. ', "l")'), name)
print(ok250, ok251, msg)

-- a missing file is an error, not a result
print(pcall(io.lines, name .. ".missing") == false)
os.remove(name)
print(pcall(io.lines, {}))
