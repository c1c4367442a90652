-- io.lines closes its file when the loop ends early (break, error, goto) through
-- the to-be-closed fourth value; <close> file handles.
local name = os.tmpname()
local f = io.open(name, "w") f:write("a\nb\nc\n") f:close()
local fh
for l, _ in io.lines(name) do break end
local it, a, b, file = io.lines(name)
print(io.type(file))
for l in it, a, b, file do if l == "b" then break end end
print(io.type(file))
-- error inside loop closes too
local it2, _, _, file2 = io.lines(name)
print(pcall(function() for l in it2, nil, nil, file2 do error("stop") end end))
print(io.type(file2))
-- goto out of loop
local it3, _, _, file3 = io.lines(name)
do
  for l in it3, nil, nil, file3 do goto out end
end
::out::
print(io.type(file3))
-- close var with file
do
  local g <close> = io.open(name)
  print(g:read("l"))
end
-- __close on already closed
local h = io.open(name)
h:close()
do local hh <close> = h end
print("ok")
-- tostring / __name
print(getmetatable(io.stdout).__name)
local ok, e = pcall(string.rep, io.stdout)
print(ok, e)
os.remove(name)
