-- receive.lua — process.receive([pattern] [, timeout]), built from the RECV*
-- instructions (BEAM's loop_rec / remove_message / loop_rec_end /
-- wait_timeout).  Compiled with intrinsics: each __lurel_recv_X(...) call is
-- one instruction.  It uses no globals, so a process gets it as one small
-- closure (lib_prim).  RECVSCAN skips, in C, the messages a data pattern
-- cannot match; a pattern with functions is checked by the Lua matcher
-- (stdlib/lualib/process.lua), so its functions are ordinary Lua code,
-- preempted like any other.  The save pointer only moves forward: a receive
-- never examines a message twice.
return function(pattern, timeout)
  pattern, timeout = __lurel_recv_start(pattern, timeout)
  while true do
    local msg, sure = __lurel_recv_scan(pattern)
    while msg ~= nil do
      if sure or __lurel_recv_matcher()(msg, pattern) then return __lurel_recv_take() end
      __lurel_recv_next()
      msg, sure = __lurel_recv_scan(pattern)
    end
    if __lurel_recv_wait(timeout) then return nil end
  end
end
