-- lurel-only
-- expect-exit: 7
-- os.exit in any process ends the VM with its status
local P = process
P.spawn(function() while true do end end)
local me = P.self()
P.spawn(function() P.receive("go") os.exit(7) end)
print("ok: a child will call os.exit(7) while the main process waits")
for _, pid in ipairs(P.list()) do if pid ~= me then P.send(pid, "go") end end
P.receive()
print("FAIL: the main process went on")
os.exit(3)
