-- package.lua — require (lib_package.c passes the process's package table
-- and its loaded table, the registry's _LOADED, whatever package.loaded is).
-- markmodule flags a module table for the copier (copy.c).
-- Called through a tail call from the C function require, so error level 2
-- is require's caller.  Same steps as lua5.4's ll_require and findloader.
function L.require(name, package, markmodule, loaded)
  local v = loaded[name]
  if v then return v end
  local searchers = package.searchers
  if type(searchers) ~= "table" then error("'package.searchers' must be a table", 2) end
  local msg = ""
  local i = 1
  while true do
    local searcher = rawget(searchers, i)
    if searcher == nil then
      error("module '" .. name .. "' not found:" .. msg, 2)
    end
    local loader, extra = searcher(name)
    local tl = type(loader)
    if tl == "function" then
      local res = loader(name, extra)
      if res ~= nil then loaded[name] = res end
      res = loaded[name]
      if res == nil then
        res = true
        loaded[name] = true
      end
      -- a message carrying a module from a file maps to the receiver's own
      -- instance (preloaded ones are the sender's: they are copied)
      if extra ~= ":preload:" then markmodule(res) end
      return res, extra
    elseif tl == "string" or tl == "number" then
      msg = msg .. "\n\t" .. loader
    end
    i = i + 1
  end
end
