-- package.lua — require (lib_package.c passes the process's package table).
-- Called through a tail call from the C function require, so error level 2
-- is require's caller.
function L.require(name, package)
  local loaded = package.loaded
  if type(loaded) ~= "table" then error("'package.loaded' must be a table", 2) end
  local v = loaded[name]
  if v then return v end
  local searchers = package.searchers
  if type(searchers) ~= "table" then error("'package.searchers' must be a table", 2) end
  local msg = ""
  local i = 1
  while true do
    local searcher = searchers[i]
    if searcher == nil then
      error("module '" .. name .. "' not found:" .. msg, 2)
    end
    local loader, extra = searcher(name)
    if type(loader) == "function" then
      local res = loader(name, extra)
      if res ~= nil then loaded[name] = res
      elseif loaded[name] == nil then loaded[name] = true end
      return loaded[name], extra
    elseif type(loader) == "string" then
      msg = msg .. loader
    end
    i = i + 1
  end
end
