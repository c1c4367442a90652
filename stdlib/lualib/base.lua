-- base.lua — Lua parts of the basic library (see scripts/gen_lualib.sh).

-- ipairs iterator for values with metatables: t[i] honours __index
function L.ipairs_aux(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
  return nil
end
