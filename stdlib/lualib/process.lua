-- process.lua — matching patterns that contain functions (data patterns
-- are matched in C); used by process.match and by receive (stdlib/prims).
-- The functions of a pattern are ordinary Lua code, preempted like any
-- other; they must not block (no receive inside).  pat_kind is a primitive
-- of lib_process.c.

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

