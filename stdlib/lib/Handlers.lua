-- Handlers: named message handlers and an event loop, in the style of AO's
-- aos.  The contract is api.md's "Handlers" section; docs/handlers.md is the
-- reference.  This chunk runs once per process (with the process's globals
-- as _ENV) the first time the process uses the global Handlers; it only
-- defines things.
--
-- State (per process, in upvalues):
--   cur      the ordered handler entries, as an array that is never changed
--            once published: every insertion, removal or move builds a new
--            array.  A dispatch holds the array it started with, so changes
--            made by handlers (even to the handler running) never make it
--            skip or repeat one; entries removed meanwhile are not run.
--   list     Handlers.list: a plain table kept equal to cur, for reading.
--   version  bumped whenever cur is replaced; a dispatch that sees it move
--            rebuilds the set of live entries.
-- Replacing a handler "in place" (add/append/prepend with an existing name)
-- updates the entry itself, so a dispatch in progress sees the new pattern
-- and handle when it reaches it.

local type, select, error, tostring, tonumber, getmetatable, next =
      type, select, error, tostring, tonumber, getmetatable, next
local floor, huge, tointeger = math.floor, math.huge, math.tointeger
local tmove = table.move
local format = string.format
local proc = process          -- this process's process library

local M = {}
local list = {}
local cur = {}
local version = 0
local inbox_max = 10000
local once_seq = 0

local BREAK, CONTINUE, SKIP = "break", "continue", "skip"

-- Closures travel between processes with copies of their upvalues, so a copy
-- of one of these functions in another process (process.spawn(Handlers.loop),
-- a function sent in a message that captured Handlers.add, ...) would work
-- on a stale copy of this process's handlers.  Each entry point checks that
-- it runs in the process that loaded it; if not, it calls the same function
-- of the running process's own Handlers.  (Pids are immediate values: the
-- check allocates nothing.)
local owner = proc.self()
local function elsewhere(fname)
  local H = Handlers               -- the running process's global
  local f = type(H) == "table" and H[fname]
  if not f then error("Handlers." .. fname .. ": no Handlers in this process", 3) end
  return f
end

-- ---------------------------------------------------------------- the list

local function publish(new)
  cur = new
  version = version + 1
  local n = #new
  for i = 1, n do list[i] = new[i] end
  for i = #list, n + 1, -1 do list[i] = nil end
end

local function find(name)
  for i = 1, #cur do
    if cur[i].name == name then return i end
  end
  return nil
end

-- a copy of cur with entry e inserted at position pos (1..#cur+1)
local function inserted(pos, e)
  local new, n = {}, #cur
  tmove(cur, 1, pos - 1, 1, new)
  new[pos] = e
  tmove(cur, pos, n, pos + 1, new)
  return new
end

local function removed(pos)
  local new, n = {}, #cur
  tmove(cur, 1, pos - 1, 1, new)
  tmove(cur, pos + 1, n, pos, new)
  return new
end

local function remove_entry(e)
  for i = 1, #cur do
    if cur[i] == e then publish(removed(i)); return true end
  end
  return false
end

-- ------------------------------------------------------- argument checking

local function callable(f)
  if type(f) == "function" then return true end
  local mt = getmetatable(f)
  return type(mt) == "table" and mt.__call ~= nil
end

-- (name, pattern, handle [, max_runs]); with exactly two arguments
-- (name, handle) the pattern is the name (it matches msg.Action == name).
-- Errors are raised at the given level (that of the user's call).
local function parse(level, fname, ...)
  local name, pattern, handle, max_runs = ...
  if select("#", ...) == 2 then pattern, handle = name, pattern end
  if type(name) ~= "string" then
    error(format("%s: bad handler name (string expected, got %s)", fname, type(name)), level)
  end
  local tp = type(pattern)
  if tp ~= "string" and tp ~= "table" and tp ~= "function" then
    error(format("%s: bad pattern for '%s' (string, table or function expected, got %s)",
                 fname, name, tp), level)
  end
  if not callable(handle) then
    error(format("%s: bad handle for '%s' (function expected, got %s)", fname, name, type(handle)), level)
  end
  if max_runs ~= nil and (type(max_runs) ~= "number" or max_runs < 1 or floor(max_runs) ~= max_runs) then
    error(format("%s: bad max_runs for '%s' (positive integer or nil expected, got %s)",
                 fname, name, tostring(max_runs)), level)
  end
  if max_runs == huge then max_runs = nil end
  return name, pattern, handle, max_runs
end

local function new_entry(name, pattern, handle, max_runs)
  return { name = name, pattern = pattern, handle = handle, max_runs = max_runs, runs = 0 }
end

local function replace(e, pattern, handle, max_runs)
  e.pattern, e.handle, e.max_runs, e.runs = pattern, handle, max_runs, 0
end

-- ------------------------------------------------------- adding, removing

-- add/append: replace in place, else append
local function add(fname, ...)
  local name, pattern, handle, max_runs = parse(4, fname, ...)
  local i = find(name)
  if i then
    replace(cur[i], pattern, handle, max_runs)
  else
    publish(inserted(#cur + 1, new_entry(name, pattern, handle, max_runs)))
  end
  return name
end

-- (no tail calls here: error levels count these frames)
function M.add(...)
  if proc.self() ~= owner then return elsewhere("add")(...) end
  local name = add("Handlers.add", ...); return name
end
function M.append(...)
  if proc.self() ~= owner then return elsewhere("append")(...) end
  local name = add("Handlers.append", ...); return name
end

function M.prepend(...)
  if proc.self() ~= owner then return elsewhere("prepend")(...) end
  local name, pattern, handle, max_runs = parse(3, "Handlers.prepend", ...)
  local i = find(name)
  if i then
    replace(cur[i], pattern, handle, max_runs)
  else
    publish(inserted(1, new_entry(name, pattern, handle, max_runs)))
  end
  return name
end

-- before(anchor).add(...) / after(anchor).add(...): insert next to the
-- anchor.  A handler of the same name elsewhere is moved there (names stay
-- unique); adding under the anchor's own name replaces it in place.
local function positioned(fname, anchor, offset)
  if type(anchor) ~= "string" or not find(anchor) then
    error(format("%s: no handler named '%s'", fname, tostring(anchor)), 3)
  end
  local addname = fname .. "(...).add"
  -- level: of the user's call, counted from here
  local function place(level, ...)
    local name, pattern, handle, max_runs = parse(level + 1, addname, ...)
    if not find(anchor) then
      error(format("%s: no handler named '%s'", addname, anchor), level)
    end
    if name == anchor then
      replace(cur[find(name)], pattern, handle, max_runs)
      return name
    end
    local old = find(name)
    if old then publish(removed(old)) end
    publish(inserted(find(anchor) + offset, new_entry(name, pattern, handle, max_runs)))
    return name
  end
  local obj = {}
  obj.add = function(...)
    local name
    if (...) == obj then                 -- called as obj:add(...)
      name = place(3, select(2, ...))
    else
      name = place(3, ...)
    end
    return name
  end
  return obj
end

function M.before(anchor)
  if proc.self() ~= owner then return elsewhere("before")(anchor) end
  local o = positioned("Handlers.before", anchor, 0); return o
end
function M.after(anchor)
  if proc.self() ~= owner then return elsewhere("after")(anchor) end
  local o = positioned("Handlers.after", anchor, 1); return o
end

-- once([name,] pattern, handle): at the front, removed after one run.  With
-- two arguments the name is generated ("_once_N").
function M.once(...)
  if proc.self() ~= owner then return elsewhere("once")(...) end
  local name, pattern, handle
  if select("#", ...) <= 2 then
    pattern, handle = ...
    parse(3, "Handlers.once", "(unnamed)", pattern, handle)
    repeat
      once_seq = once_seq + 1
      name = "_once_" .. once_seq
    until not find(name)
  else
    name, pattern, handle = parse(3, "Handlers.once", ...)
  end
  local old = find(name)
  if old then publish(removed(old)) end
  publish(inserted(1, new_entry(name, pattern, handle, 1)))
  return name
end

-- remove(name): true if there was such a handler
function M.remove(name)
  if proc.self() ~= owner then return elsewhere("remove")(name) end
  local i = find(name)
  if not i then return false end
  publish(removed(i))
  return true
end

M.list = list

-- ---------------------------------------------------------------- matching

local wildcard = proc._

-- "break", "continue" or "skip" for message msg and pattern pat; nil and
-- the offending value when a pattern function returns something else.
-- Errors raised by pattern functions go to the caller.
local function match(msg, pat)
  local tp = type(pat)
  if tp == "string" then
    if type(msg) == "table" and msg.Action == pat then return BREAK end
    return SKIP
  elseif tp == "table" then
    if type(msg) ~= "table" then return SKIP end
    for k, want in next, pat do
      local have = msg[k]
      if have == nil then return SKIP end
      if want == "_" or want == wildcard then
        -- present is enough
      elseif type(want) == "function" then
        if not want(have, msg) then return SKIP end
      elseif have ~= want then
        return SKIP
      end
    end
    return BREAK
  else
    local r = pat(msg)
    if r == BREAK or r == true then return BREAK end
    if r == CONTINUE then return CONTINUE end
    if r == SKIP or r == false or r == nil then return SKIP end
    return nil, r
  end
end

local function badresult(who, r)
  return format("%s: pattern function returned %s%s (expected \"break\", true, \"continue\", \"skip\", false or nil)",
                who, type(r), type(r) == "string" and format(" %q", r)
                  or type(r) == "number" and " " .. tostring(r) or "")
end

function M.match(msg, pattern)
  local tp = type(pattern)
  if tp ~= "string" and tp ~= "table" and tp ~= "function" then
    error(format("Handlers.match: bad pattern (string, table or function expected, got %s)", tp), 2)
  end
  local r, bad = match(msg, pattern)
  if r == nil then error(badresult("Handlers.match", bad), 2) end
  return r
end

-- ------------------------------------------------------------------- Inbox

local function inbox()
  local ib = Inbox
  if type(ib) ~= "table" then
    ib = { dropped = 0 }
    Inbox = ib
  end
  return ib
end

-- Keep at most inbox_max messages, dropping the oldest.  A message that
-- arrives at a full Inbox (batch) drops a tenth of the limit at once (at
-- least one), so that a flood costs O(1) per message rather than moving the
-- whole Inbox each time; inbox_limit trims to exactly the new limit.
local function trim(ib, batch)
  local n = #ib
  if n > inbox_max then
    local drop = n - inbox_max
    if batch and drop < inbox_max // 10 then drop = inbox_max // 10 end
    tmove(ib, drop + 1, n, 1)
    for i = n, n - drop + 1, -1 do ib[i] = nil end
    ib.dropped = (tonumber(ib.dropped) or 0) + drop
  end
end

local function to_inbox(msg)
  local ib = inbox()
  ib[#ib + 1] = msg
  trim(ib, true)
end

-- inbox_limit([n]): the cap on #Inbox (default 10000); with n, sets it
-- (trimming the Inbox now if needed) and returns the old one.
function M.inbox_limit(n)
  if proc.self() ~= owner then return elsewhere("inbox_limit")(n) end
  local old = inbox_max
  if n ~= nil then
    local ni = type(n) == "number" and tointeger(n)
    if not ni or ni < 0 then
      error("Handlers.inbox_limit: bad limit (non-negative integer expected, got " .. tostring(n) .. ")", 2)
    end
    inbox_max = ni
    local ib = Inbox
    if type(ib) == "table" then trim(ib) end
  end
  return old
end

-- --------------------------------------------------------------- dispatch

-- evaluate(msg): dispatch one message; true if a handler took it, false
-- if it went to the Inbox.  An error in a pattern or a handle propagates
-- (the message is then neither taken nor put in the Inbox).  Errors it
-- raises itself are at level 3: the caller of M.evaluate or M.loop.
local function liveset()
  local live = {}
  for j = 1, #cur do live[cur[j]] = true end
  return live
end

local function evaluate(msg)
  if msg == nil then error("Handlers.evaluate: message expected", 3) end
  local snap, seen = cur, version
  local live = nil                  -- the entries in cur, once cur has changed
  for i = 1, #snap do
    local e = snap[i]
    if version ~= seen then live, seen = liveset(), version end
    if live == nil or live[e] then
      local r, bad = match(msg, e.pattern)
      if r == nil then
        error(badresult(format("Handlers.evaluate: handler '%s'", e.name), bad), 3)
      end
      if r ~= SKIP then
        -- a pattern function may have removed its own handler
        if version ~= seen then live, seen = liveset(), version end
        if live == nil or live[e] then
          local runs = e.runs + 1
          e.runs = runs
          if e.max_runs and runs >= e.max_runs then remove_entry(e) end
          e.handle(msg)
          if r == BREAK then return true end
        end
      end
    end
  end
  to_inbox(msg)
  return false
end

function M.evaluate(msg)
  if proc.self() ~= owner then return elsewhere("evaluate")(msg) end
  local taken = evaluate(msg); return taken
end

-- loop(): receive and dispatch forever
function M.loop()
  if proc.self() ~= owner then return elsewhere("loop")() end
  while true do
    evaluate(proc.receive())
  end
end

if type(Inbox) ~= "table" then Inbox = { dropped = 0 } end

return M
