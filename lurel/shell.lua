-- shell.lua — the read-eval-print loop of the lurel shell (docs/shell.md).
-- It runs as the entry of the shell process; lurel/shell.c passes its
-- primitives:
--   wait(prompt)  blocks until there is something to do: "line", text |
--                 "msg" (a message in the mailbox) | "eof" | "intr" (Ctrl-C
--                 at the prompt).  Shows the prompt meanwhile.
--   busy(flag)    user code runs (Ctrl-C raises "interrupted!" in it) or not
--   history(s)    remember an entered chunk
--   quit()        the loop ends on purpose (.quit, Ctrl-D)
--   width()       terminal columns
-- Everything the user's code can change (globals such as print, io, load)
-- is captured here first.

local prim = ...
local wait, busy, addhistory, quit, width = prim.wait, prim.busy, prim.history, prim.quit, prim.width

local process, string, table, math, io = process, string, table, math, io
local debug = debug
local load, loadfile, xpcall, pcall, select, type = load, loadfile, xpcall, pcall, select, type
local tostring, next, rawget, rawlen, ipairs, error = tostring, next, rawget, rawlen, ipairs, error
local getmetatable = debug.getmetatable or getmetatable
local traceback = debug.traceback
local receive, self, send_list, info = process.receive, process.self, process.list, process.info
local fmt, rep, concat, sort, pack = string.format, string.rep, table.concat, table.sort, table.pack
local stdout, stderr = io.stdout, io.stderr

local function out(s) stdout:write(s, "\n") stdout:flush() end
local function err(s) stderr:write(s, "\n") stderr:flush() end

-- ------------------------------------------------------------ pretty printing

local keywords = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%a+") do
  keywords[w] = true
end

local escapes = { ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r", ['"'] = '\\"', ["\\"] = "\\\\",
                  ["\a"] = "\\a", ["\b"] = "\\b", ["\f"] = "\\f", ["\v"] = "\\v" }
local function quote(s)
  return '"' .. s:gsub('[%c"\\\127]', function(c) return escapes[c] or fmt("\\%03d", c:byte()) end) .. '"'
end

local function isident(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil and not keywords[k]
end

local typeorder = { number = 1, string = 2, boolean = 3 }
local function keycmp(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (typeorder[ta] or 4) < (typeorder[tb] or 4) end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local MAXDEPTH, MAXITEMS = 8, 2000

-- A readable rendering of v: strings quoted, tables with their contents
-- (nested ones indented when they do not fit on a line), a table met again
-- inside itself as <cycle N> (its first appearance is labelled <N>), pids
-- and refs as they print.  Tables with __tostring use it.
local function pretty(v, indent0)
  local cols = width()
  local onpath, label, nlabel, budget = {}, {}, 0, MAXITEMS
  local function show(v, depth, indent)
    local tv = type(v)
    if tv == "string" then return quote(v) end
    if tv ~= "table" then return tostring(v) end
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then return tostring(v) end
    if onpath[v] then
      if not label[v] then nlabel = nlabel + 1; label[v] = nlabel end
      return "<cycle " .. label[v] .. ">"
    end
    if depth >= MAXDEPTH or budget <= 0 then return "{...}" end
    onpath[v] = true
    local items, inner = {}, indent .. "  "
    local n = 0
    while rawget(v, n + 1) ~= nil do
      n = n + 1
      budget = budget - 1
      if budget <= 0 then items[#items + 1] = "..."; break end
      items[#items + 1] = show(rawget(v, n), depth + 1, inner)
    end
    if budget > 0 then
      local keys = {}
      for k in next, v do
        if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
      end
      sort(keys, keycmp)
      for _, k in ipairs(keys) do
        budget = budget - 1
        if budget <= 0 then items[#items + 1] = "..."; break end
        local ks = isident(k) and k or "[" .. show(k, depth + 1, inner) .. "]"
        items[#items + 1] = ks .. " = " .. show(rawget(v, k), depth + 1, inner)
      end
    end
    onpath[v] = nil
    local head = label[v] and ("<" .. label[v] .. ">{") or "{"
    if #items == 0 then return head .. "}" end
    local one = head .. concat(items, ", ") .. "}"
    if #one + #indent <= cols - 4 and not one:find("\n", 1, true) then return one end
    return head .. "\n" .. inner .. concat(items, ",\n" .. inner) .. "\n" .. indent .. "}"
  end
  return show(v, 0, indent0 or "")
end

local function pretty_all(t, i, j)
  local parts = {}
  for k = i, j do parts[#parts + 1] = pretty(t[k]) end
  return concat(parts, "\t")
end

-- ------------------------------------------------------------------ evaluation

-- the error's message with a traceback of the user's frames only
local function msghandler(e)
  if type(e) ~= "string" then
    local mt = getmetatable(e)
    if type(mt) == "table" and rawget(mt, "__tostring") then
      local ok, s = pcall(tostring, e)
      if ok and type(s) == "string" then return s end
    end
    return { value = e }
  end
  local tb = traceback(e, 2)
  local lines = {}
  for l in (tb .. "\n"):gmatch("(.-)\n") do
    if l:find("[shell]", 1, true) then break end     -- the shell's own frames below the user's code
    lines[#lines + 1] = l
  end
  if lines[#lines] == "\t[C]: in function 'xpcall'" then lines[#lines] = nil end
  if lines[#lines] == "stack traceback:" then lines[#lines] = nil end
  return concat(lines, "\n")
end

local function report(e)
  if type(e) == "table" and e.value ~= nil then
    local ok, s = pcall(pretty, e.value)
    err("error: " .. (ok and s or "(error object is a " .. type(e.value) .. " value)"))
  else
    err(tostring(e))
  end
end

-- run f(...) as user code (interruptible); print its results
local function run(f, ...)
  busy(true)
  local r = pack(xpcall(f, msghandler, ...))
  if r[1] then
    if r.n > 1 then
      local ok, s = xpcall(pretty_all, msghandler, r, 2, r.n)
      if ok then out(s) else report(s) end
    end
  else
    report(r[2])
  end
  busy(false)
end

-- A chunk of source: a function, or nil and "incomplete" (more lines
-- needed: the parser stopped at <eof>), or nil and the error.
local function compile(src)
  local f, e1 = load("return " .. src, "=stdin")
  if f then return f end
  local g, e2 = load(src, "=stdin")
  if g then return g end
  if e2:sub(-5) == "<eof>" or e1:sub(-5) == "<eof>" then return nil, "incomplete" end
  return nil, e2
end

-- ------------------------------------------------------------------- messages

local function dispatch(msg)
  local H = Handlers
  local taken = H.evaluate(msg)
  if not taken then
    local n = type(Inbox) == "table" and #Inbox or "?"
    out("Inbox[" .. n .. "]: " .. pretty(msg))
  end
end

local function message()
  local msg = receive(0)
  if msg == nil then return end
  busy(true)
  local ok, e = xpcall(dispatch, msghandler, msg)
  if not ok then
    err("a handler failed on the message " .. (pcall(pretty, msg) and pretty(msg) or "?") .. ":")
    report(e)
  end
  busy(false)
end

-- --------------------------------------------------------------- dot commands

local function topid(s)
  s = s:match("^%s*(.-)%s*$")
  if s == "" then error("a pid is needed, as printed: <0.42.0>", 0) end
  local pid
  if s:match("^<%d+%.%d+%.%d+>$") then pid = process.pid(s)
  elseif s:match("^%d+%.%d+%.%d+$") then pid = process.pid("<" .. s .. ">")
  elseif s:match("^%d+$") then pid = process.pid("<0." .. s .. ".0>")
  else
    pid = process.whereis(s)
    if not pid then error("not a pid or a registered name: " .. s, 0) end
  end
  return pid
end

local function human(n)
  if n < 10 * 1024 then return tostring(n) end
  if n < 10 * 1024 * 1024 then return fmt("%.0fK", n / 1024) end
  return fmt("%.1fM", n / 1048576)
end

local commands, help = {}, {}

local function command(name, args, text, f)
  commands[name] = f
  help[#help + 1] = fmt("  .%-12s %s", name .. (args ~= "" and " " .. args or ""), text)
end

command("help", "", "this list", function()
  out("Type Lua statements or expressions (an expression's values are printed).")
  out("Messages to the shell that no handler takes are printed as they arrive and kept in Inbox.")
  out("Ctrl-C interrupts an evaluation (or drops the line being typed); Ctrl-D on an empty line leaves.")
  for _, h in ipairs(help) do out(h) end
  out("A PID is written as printed (<0.42.0>), or as its number (42), or as a registered name.")
end)

command("load", "FILE", "run a Lua file in the shell process", function(a)
  a = a:match("^%s*(.-)%s*$")
  if a == "" then error(".load needs a file name", 0) end
  local f, e = loadfile(a)
  if not f then error(e, 0) end
  run(f)
end)

command("ps", "", "every process: pid, name, status, reductions, memory, queue", function()
  local rows = { { "PID", "NAME", "STATUS", "REDUCTIONS", "MEMORY", "QUEUE" } }
  local me = self()
  for _, pid in ipairs(send_list()) do
    local i = info(pid)
    if i then
      local name = i.registered_name or (pid == me and "(shell)" or "")
      rows[#rows + 1] = { tostring(pid), name, i.status, tostring(i.reductions),
                          human(i.memory), tostring(i.message_queue_len) }
    end
  end
  local w = {}
  for _, r in ipairs(rows) do
    for c, s in ipairs(r) do if #s > (w[c] or 0) then w[c] = #s end end
  end
  for _, r in ipairs(rows) do
    local cells = {}
    for c, s in ipairs(r) do
      cells[c] = c >= 4 and rep(" ", w[c] - #s) .. s or s .. rep(" ", w[c] - #s)
    end
    out((concat(cells, "  "):gsub("%s+$", "")))
  end
end)

command("i", "PID", "information about a process", function(a)
  local pid = topid(a)
  local i = info(pid)
  if i == nil then out(tostring(pid) .. " is not alive") return end
  out(pretty(i))
end)

command("kill", "PID", "end a process (exit reason \"kill\": it cannot trap it)", function(a)
  local pid = topid(a)
  if not process.alive(pid) then out(tostring(pid) .. " is not alive") return end
  process.exit(pid, "kill")
  out("killed " .. tostring(pid))
end)

command("inbox", "", "the messages no handler took (Inbox)", function()
  local ib = Inbox
  if type(ib) ~= "table" or #ib == 0 then out("Inbox is empty") else
    for k = 1, #ib do out("Inbox[" .. k .. "]: " .. pretty(ib[k])) end
  end
  if type(ib) == "table" and (ib.dropped or 0) > 0 then out("(" .. ib.dropped .. " older messages dropped)") end
end)

command("flush", "", "print and forget the Inbox and any message still in the mailbox", function()
  local n = 0
  local ib = Inbox
  if type(ib) == "table" then
    for k = 1, #ib do out("Inbox[" .. k .. "]: " .. pretty(ib[k])); n = n + 1 end
    for k = #ib, 1, -1 do ib[k] = nil end
    ib.dropped = 0
  end
  while true do
    local m = receive(0)
    if m == nil then break end
    out("mailbox: " .. pretty(m))
    n = n + 1
  end
  if n == 0 then out("no messages") end
end)

local leaving = false
command("quit", "", "leave the shell (Ctrl-D does too)", function() leaving = true end)

local function docommand(line)
  local name, rest = line:match("^%s*%.(%a+)(.*)$")
  local f = commands[name]
  if not f then err("unknown command ." .. name .. " (.help lists them)") return end
  busy(true)
  local ok, e = xpcall(f, function(e) return type(e) == "string" and e or { value = e } end, rest)
  busy(false)
  if not ok then report(e) end
end

-- ------------------------------------------------------------------ the loop

local P1 = tostring(self()) .. "> "
local P2 = rep(" ", #P1 - 3) .. ">> "

if prim.banner then out("Type .help for the shell's commands.") end

local pending = nil            -- an incomplete chunk

local function step()
  local kind, line = wait(pending and P2 or P1)
  if kind == "eof" then leaving = true
  elseif kind == "intr" then pending = nil
  elseif kind == "msg" then message()
  elseif kind == "line" then
    if pending == nil and line:match("^%s*%.%a") then
      addhistory(line)
      docommand(line)
      return
    end
    local src = pending and pending .. "\n" .. line or line
    if pending == nil and src:match("^%s*$") then return end
    local f, e = compile(src)
    if e == "incomplete" then pending = src return end
    pending = nil
    addhistory(src)
    if f then run(f) else err(e) end
  end
end

while not leaving do
  local ok, e = xpcall(step, msghandler)
  if not ok then
    busy(false)
    pending = nil
    report(e)
  end
end
quit()
