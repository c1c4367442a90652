-- package.lua — require (lib_package.c passes the process's package table).
-- markmodule flags a module table for the copier (copy.c).
-- Called through a tail call from the C function require, so error level 2
-- is require's caller.
function L.require(name, package, markmodule)
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
      -- a message carrying a module from a file maps to the receiver's own
      -- instance (preloaded ones are the sender's: they are copied)
      if extra ~= ":preload:" then markmodule(loaded[name]) end
      return loaded[name], extra
    elseif type(loader) == "string" then
      msg = msg .. loader
    end
    i = i + 1
  end
end
