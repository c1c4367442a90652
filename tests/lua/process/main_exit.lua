-- lurel-only
-- process.exit("normal") in the main process: to-be-closed variables are
-- closed, no pcall stops it, the VM ends with status 0 while other
-- processes are still running
local P = process
-- other processes that would run for ever
P.spawn(function() while true do end end)
P.spawn(function() P.receive() end)
P.spawn(function() P.sleep(1e9) end)
local closed = false
local ok, err = pcall(function()
  local x <close> = setmetatable({}, {__close = function()
    closed = true
    print("ok: the main process's to-be-closed variable is closed on exit")
  end})
  print("ok: exiting the main process with reason normal")
  P.exit("normal")
end)
print("FAIL: pcall stopped process.exit in the main process")
os.exit(3)
