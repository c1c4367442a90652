-- process.lua — selective receive and matching for patterns that contain
-- functions (lib_process.c handles data patterns in C).  The functions of a
-- pattern are ordinary Lua code: preempted like any other, and an error in
-- one propagates from receive.  They must not block (call receive).
-- recv_* and pat_kind are primitives of lib_process.c, given to this chunk.

local function m(v, p)
  local k = pat_kind(p)
  if k == "wild" then return v ~= nil
  elseif k == "function" then return not not p(v)
  elseif k == "any" then
    for i = 1, rawlen(p) do
      if m(v, rawget(p, i)) then return true end
    end
    return false
  elseif k == "table" then
    if type(v) ~= "table" then return false end
    for key, pv in next, p do
      if not m(rawget(v, key), pv) then return false end
    end
    return true
  end
  return rawequal(p, v)
end

function L.match(v, p)
  return m(v, p)
end

function L.receive(pattern, timeout)
  recv_start(pattern)
  while true do
    local msg = recv_peek()
    while msg ~= nil do
      if m(msg, pattern) then return recv_take() end
      recv_next()
      msg = recv_peek()
    end
    if recv_wait(timeout) then return nil end
  end
end
