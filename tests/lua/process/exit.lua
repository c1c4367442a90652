-- lurel-only
-- process.exit(reason): ends the caller at once, unwinding and closing
-- to-be-closed variables; no pcall, xpcall or coroutine boundary stops it
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local me = P.self()

-- helper: run f in a monitored process, return its DOWN reason and the
-- messages it sent before it died (they arrive before the DOWN)
local function run(f)
  local pid, ref = P.spawn_monitor(f, me)
  local msgs = {}
  while true do
    local m = P.receive()
    if type(m) == "table" and m[1] == "DOWN" and m[2] == ref then return m[5], msgs end
    msgs[#msgs + 1] = m
  end
end

-- plain exit
local reason, msgs = run(function(parent)
  P.send(parent, "before")
  P.exit("plain")
  P.send(parent, "after")
end)
ok(reason == "plain" and #msgs == 1 and msgs[1] == "before", "exit ends the process at once")

-- exit inside pcall: pcall does not catch it
reason, msgs = run(function(parent)
  local okc, err = pcall(P.exit, "through-pcall")
  P.send(parent, {"pcall returned", okc, err})
end)
ok(reason == "through-pcall" and #msgs == 0, "pcall(process.exit, r) does not return")

reason, msgs = run(function(parent)
  local okc, err = pcall(function()
    local okc2 = pcall(function() P.exit({"nested", 1}) end)
    P.send(parent, "inner pcall returned")
  end)
  P.send(parent, "outer pcall returned")
end)
ok(type(reason) == "table" and reason[1] == "nested" and #msgs == 0, "nested pcalls do not stop it")

-- xpcall: the handler does not run
reason, msgs = run(function(parent)
  xpcall(function() P.exit("through-xpcall") end,
         function(e) P.send(parent, "handler ran") return e end)
  P.send(parent, "xpcall returned")
end)
ok(reason == "through-xpcall" and #msgs == 0, "xpcall neither returns nor runs its handler")

-- error handlers of pcall do not see it either: an error inside pcall
-- still works normally before the exit
reason, msgs = run(function(parent)
  local okc, err = pcall(error, "normal error", 0)
  P.send(parent, {okc, err})
  P.exit("after-error")
end)
ok(reason == "after-error" and msgs[1][1] == false and msgs[1][2] == "normal error",
   "pcall still catches ordinary errors")

-- inside a coroutine: the coroutine boundary does not stop it
reason, msgs = run(function(parent)
  local co = coroutine.create(function()
    P.exit("from-coroutine")
  end)
  local okc, err = coroutine.resume(co)
  P.send(parent, {"resume returned", okc, err})
end)
ok(reason == "from-coroutine" and #msgs == 0, "exit inside a coroutine ends the whole process")

reason, msgs = run(function(parent)
  local gen = coroutine.wrap(function()
    coroutine.yield(1)
    pcall(P.exit, "from-wrap")
  end)
  gen()
  local okc = pcall(gen)
  P.send(parent, "wrap returned")
end)
ok(reason == "from-wrap" and #msgs == 0, "exit inside coroutine.wrap under pcall ends the process")

-- to-be-closed variables are closed on the way, innermost first
reason, msgs = run(function(parent)
  local function closer(name)
    return setmetatable({}, {__close = function() P.send(parent, "closed " .. name) end})
  end
  local outer <close> = closer("outer")
  local function f()
    local mid <close> = closer("mid")
    pcall(function()
      local inner <close> = closer("inner")
      P.exit("tbc")
    end)
    P.send(parent, "f went on")
  end
  f()
  P.send(parent, "main went on")
end)
ok(reason == "tbc", "exit reason with to-be-closed variables")
ok(#msgs == 3 and msgs[1] == "closed inner" and msgs[2] == "closed mid" and msgs[3] == "closed outer",
   "to-be-closed variables closed innermost first: " .. table.concat(msgs, ", "))

-- to-be-closed variables inside a coroutine that calls exit are closed too
reason, msgs = run(function(parent)
  local function closer(name)
    return setmetatable({}, {__close = function() P.send(parent, "closed " .. name) end})
  end
  local main <close> = closer("main")
  local co = coroutine.wrap(function()
    local inco <close> = closer("in coroutine")
    P.exit("co-tbc")
  end)
  co()
end)
ok(reason == "co-tbc" and #msgs == 2 and msgs[1] == "closed in coroutine" and msgs[2] == "closed main",
   "to-be-closed variables of a coroutine are closed, then the caller's: " .. table.concat(msgs, ", "))

-- a __close handler that raises an error does not stop the exit
reason, msgs = run(function(parent)
  local a <close> = setmetatable({}, {__close = function() P.send(parent, "a closed") end})
  local b <close> = setmetatable({}, {__close = function() error("close failed") end})
  P.exit("despite-close-error")
end)
ok(msgs[#msgs] == "a closed", "a failing __close does not stop the other closes")
ok(reason == "despite-close-error", "... and the exit keeps its reason: " .. tostring(reason))

-- a failing __close under pcall: the pcall still does not stop the exit
reason, msgs = run(function(parent)
  local okc, err = pcall(function()
    local b <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
    P.exit("exit-wins")
  end)
  P.send(parent, {"pcall returned", okc, err})
end)
ok(reason == "exit-wins" and #msgs == 0, "a __close error under pcall neither stops the exit nor replaces its reason")

-- a __close that uses pcall (with its own to-be-closed variable) works
-- normally, and the exit goes on afterwards
reason, msgs = run(function(parent)
  local okc = pcall(function()
    local a <close> = setmetatable({}, {__close = function()
      local ok2, e2 = pcall(function()
        local c <close> = setmetatable({}, {__close = function() P.send(parent, "c closed") end})
        error("inner", 0)
      end)
      P.send(parent, {"inner pcall", ok2, e2})
    end})
    P.exit("after-inner-pcall")
  end)
  P.send(parent, "outer pcall returned")
end)
ok(reason == "after-inner-pcall", "a pcall inside a __close does not stop the exit: " .. tostring(reason))
ok(#msgs == 2 and msgs[1] == "c closed" and msgs[2][1] == "inner pcall" and msgs[2][2] == false
   and msgs[2][3] == "inner", "the pcall inside the __close caught its own error")

-- exit from deep recursion
reason = run(function()
  local function deep(n) if n == 0 then P.exit("deep") end deep(n - 1) return n end
  deep(10000)
end)
ok(reason == "deep", "exit from 10000 frames deep")

-- exit from inside a metamethod and a table.sort comparator
reason = run(function()
  local t = setmetatable({}, {__index = function() P.exit("from-index") end})
  local _ = t.x
end)
ok(reason == "from-index", "exit inside __index")
reason = run(function()
  table.sort({3, 2, 1}, function(a, b) P.exit("from-sort") end)
end)
ok(reason == "from-sort", "exit inside a table.sort comparator")
reason = run(function()
  string.gsub("abc", "%w", function(c) P.exit("from-gsub") end)
end)
ok(reason == "from-gsub", "exit inside a gsub callback")

-- exit("normal"): a normal end, links are not hurt
local lp
reason = run(function(parent)
  P.spawn_link(function() P.receive() end)
  P.exit("normal")
end)
ok(reason == "normal", "exit('normal') is a normal end")
P.flag("trap_exit", true)
local lk = P.spawn_link(function() pcall(P.exit, "normal") end)
local e = P.receive({"EXIT", lk})
ok(e[3] == "normal", "a linked trapping process sees EXIT normal")
P.flag("trap_exit", false)

-- exit reasons of any type
for _, r in ipairs({42, 1.5, true, {a = {b = "c"}}, P.self(), P.make_ref()}) do
  local got = run(function() P.exit(r) end)
  if type(r) == "table" then assert(got.a.b == "c") else assert(got == r) end
end
ok(true, "exit reasons of any type arrive intact")

-- exit needs an argument
reason = run(function(parent)
  local okc, err = pcall(P.exit)
  P.send(parent, {okc, err})
end)
ok(reason == "normal", "exit() with no argument raises an ordinary error (caught by pcall)")

-- no crash report for exit: checked in crash_report.lua
print("exit: all done")
