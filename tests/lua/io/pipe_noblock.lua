-- lurel-only
-- A process reading a pipe that has no data yet blocks alone: the others
-- run meanwhile (the scheduler polls the fd); io.read, file:read and
-- file:lines all wait this way, and reading a regular file never does.
local P = process
local me = P.self()

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local t0 = P.monotonic()
P.spawn(function()
  local f = assert(io.popen("sleep 0.4; echo first; echo second; echo third"))
  local line = f:read("l")
  local rest = {}
  for l in f:lines() do rest[#rest + 1] = l end
  f:close()
  P.send(me, {"reader", line, table.concat(rest, ","), P.monotonic() - t0})
end)
P.spawn(function()
  for _ = 1, 5 do P.sleep(10) end
  P.send(me, {"ticker", P.monotonic() - t0})
end)
local a = P.receive()
local b = P.receive()
ok(a[1] == "ticker", "the ticker finished while the reader waited for the pipe")
ok(b[1] == "reader" and b[2] == "first" and b[3] == "second,third", "the reader got every line")

-- io.read on a pipe made the default input
P.spawn(function()
  io.input(assert(io.popen("sleep 0.2; printf 'x 42'")))
  local s, n = io.read(1), io.read("n")
  P.send(me, {"input", s, n})
end)
local c = P.receive()
ok(c[1] == "input" and c[2] == "x" and c[3] == 42, "io.read through the default input waits too")

-- several processes waiting on different pipes
for i = 1, 3 do
  P.spawn(function()
    local f = assert(io.popen("sleep 0.1; echo " .. i))
    P.send(me, {"multi", tonumber(f:read("a"))})
    f:close()
  end)
end
local sum = 0
for _ = 1, 3 do sum = sum + P.receive({"multi", P._})[2] end
ok(sum == 6, "three readers on three pipes")

-- a regular file is read at once
local name = os.tmpname()
local w = assert(io.open(name, "w")); w:write("one\ntwo\n"); w:close()
P.spawn(function()
  local f = assert(io.open(name))
  P.send(me, {"file", f:read("a")})
  f:close()
end)
ok(P.receive({"file", P._})[2] == "one\ntwo\n", "a regular file reads as usual")
os.remove(name)
print("pipe_noblock: all done")
