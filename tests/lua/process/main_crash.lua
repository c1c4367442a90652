-- lurel-only
-- expect-exit: 1
-- An uncaught error in the main process ends the VM with status 1, even
-- when other processes are still running
local P = process
P.spawn(function() while true do end end)
P.spawn(function() P.receive() end)
print("ok: crashing the main process")
error("main crashes on purpose")
