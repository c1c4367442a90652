-- lurel-only
-- The VM exits (status 0) when the main process returns, even when other
-- processes are busy, waiting or sleeping
local P = process
local me = P.self()
P.spawn(function() while true do end end)                 -- busy for ever
P.spawn(function() local function f() return f() end f() end)  -- tail-calls for ever
P.spawn(function() P.receive() end)                       -- waits for ever
P.spawn(function() P.sleep(1e9) end)                      -- sleeps for ages
P.send_after(1e9, me, "never")                            -- a timer far away
local pid = P.spawn(function(parent) P.send(parent, "hello") end, me)
assert(P.receive("hello") == "hello")
print("ok: the main process got a reply while others spin")
print("ok: returning from the main process ends the VM")
