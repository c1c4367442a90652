-- A handle that is collected while open is closed (its buffered output is
-- flushed); many dropped handles do not exhaust the open files.
local name = os.tmpname()

local function writeit(s)
  local f = assert(io.open(name, "w"))
  f:write(s)                  -- buffered: nothing reaches the file yet
end

writeit("collected and flushed")
collectgarbage()
collectgarbage()
local g = assert(io.open(name))
print(g:read("a"))
g:close()

-- open and drop many handles
local function opendrop()
  local f = io.open(name)
  return f ~= nil
end
local failures = 0
for i = 1, 5000 do
  if not opendrop() then failures = failures + 1 end
  if i % 100 == 0 then collectgarbage() end
end
print(failures)

-- the standard files survive collections
collectgarbage()
print(io.type(io.stdout), io.type(io.stdin), io.type(io.stderr))
io.stdout:write("stdout still works\n")
os.remove(name)
