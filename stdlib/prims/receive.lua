-- receive.lua — process.receive([pattern] [, timeout]), built from the RECV*
-- instructions (BEAM's loop_rec / remove_message / loop_rec_end /
-- wait_timeout).  Compiled with intrinsics: each __lurel_recv_X(...) call is
-- one instruction.  It uses no globals, so a process gets it as one small
-- closure (lib_prim).  RECV does the whole receive in C when the pattern is
-- data (or none): it checks the arguments, skips the messages that cannot
-- match, takes the first that does, or blocks and goes on when woken.  A
-- pattern with functions is checked by the Lua matcher
-- (stdlib/lualib/process.lua) below, so its functions are ordinary Lua code,
-- preempted like any other.  The save pointer only moves forward: a receive
-- never examines a message twice.
return function(pattern, timeout)
  local msg, slow, pat, to = __lurel_recv(pattern, timeout)
  if not slow then return msg end
  -- msg is at the save pointer, and only the Lua matcher can tell
  local sure = false
  while true do
    while msg ~= nil do
      if sure or __lurel_recv_matcher()(msg, pat) then return __lurel_recv_take() end
      __lurel_recv_next()
      msg, sure = __lurel_recv_scan(pat)
    end
    if __lurel_recv_wait(to) then return nil end
    msg, sure = __lurel_recv_scan(pat)
  end
end
