-- lurel-only
-- Every gen_server.call makes an alias and drops it.  After many of them,
-- ending a process must cost what it cost before (it once scanned an alias
-- table that only grew), and aliases must still work.
local P = process

local function exits(n)
  local t0 = P.monotonic()
  for _ = 1, n do
    local pid, m = P.spawn_monitor(function() end)
    P.receive({"DOWN", m})
  end
  return (P.monotonic() - t0) / n
end

-- the best of three runs, against noise from other programs on the machine
local function best(n) return math.min(exits(n), exits(n), exits(n)) end
local before = math.max(best(1000), 1e-4)
for _ = 1, 100000 do P.unalias(P.alias()) end
local after = best(1000)
print(string.format("process exit: %.2f us before, %.2f us after 100000 alias/unalias", before * 1000, after * 1000))
assert(after < before * 10, "process exits got much slower after alias churn")
print("ok: exits cost about the same after alias churn")

-- aliases still work: live ones deliver, dropped ones do not
local live = {}
for i = 1, 100 do live[i] = P.alias() end
for i = 1, 100, 2 do P.unalias(live[i]) end
for i = 1, 100 do P.send(live[i], {"via", i}) end
local got = 0
while P.receive({"via"}, 0) do got = got + 1 end
assert(got == 50, "got " .. got)
print("ok: 50 active aliases deliver, 50 dropped ones do not")
