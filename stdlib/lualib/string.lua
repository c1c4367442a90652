-- string.lua — Lua parts of the string library (see scripts/gen_lualib.sh).

-- t[k] honouring __index: gsub with a table replacement that has a
-- metatable (lib_string.c calls this through a continuation)
function L.gsub_index(t, k)
  return t[k]
end
