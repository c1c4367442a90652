-- lurel-only
-- Handlers.evaluate: break vs continue vs skip, which messages are taken,
-- max_runs and once, changes to the list during dispatch (removing the
-- running handler, the next one, an earlier one; adding; replacing), nested
-- evaluate, and errors in patterns and handles.

local function check(got, want, what)
  assert(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  print("ok - " .. what .. " = " .. tostring(got))
end

local function reset()
  for i = #Handlers.list, 1, -1 do Handlers.remove(Handlers.list[i].name) end
  for i = #Inbox, 1, -1 do Inbox[i] = nil end
  assert(#Handlers.list == 0)
end

local log = {}
local function logged() local s = table.concat(log, ","); log = {}; return s end
local function rec(tag) return function(msg) log[#log + 1] = tag end end

-- ------------------------------------------------ break / continue / skip
reset()
Handlers.add("c1", function() return "continue" end, rec("c1"))
Handlers.add("s1", function() return "skip" end, rec("s1"))
Handlers.add("f1", function() return false end, rec("f1"))
Handlers.add("n1", function() return nil end, rec("n1"))
Handlers.add("c2", function() return "continue" end, rec("c2"))
Handlers.add("b1", function(m) return m.stop == 1 and "break" or "skip" end, rec("b1"))
Handlers.add("t1", function(m) return m.stop == 2 end, rec("t1"))
Handlers.add("str", "Go", rec("str"))
Handlers.add("tab", {kind = "k"}, rec("tab"))
Handlers.add("last", function() return "continue" end, rec("last"))

check(Handlers.evaluate({stop = 1}), true, "\"break\" takes the message")
check(logged(), "c1,c2,b1", "continues run, skips do not, break stops")
check(Handlers.evaluate({stop = 2}), true, "true takes the message")
check(logged(), "c1,c2,t1", "true means break")
check(Handlers.evaluate({Action = "Go"}), true, "a string pattern that matches takes it")
check(logged(), "c1,c2,str", "string pattern means break")
check(Handlers.evaluate({kind = "k"}), true, "a table pattern that matches takes it")
check(logged(), "c1,c2,tab", "table pattern means break")
check(#Inbox, 0, "nothing in the Inbox yet")
local m = {other = true}
check(Handlers.evaluate(m), false, "only continues: not taken")
check(logged(), "c1,c2,last", "every continue ran")
check(#Inbox, 1, "not-taken message went to the Inbox")
check(Inbox[1], m, "the Inbox holds the message itself")

-- handler runs counted
local runs = {}
for _, h in ipairs(Handlers.list) do runs[#runs + 1] = h.name .. "=" .. h.runs end
check(table.concat(runs, " "), "c1=5 s1=0 f1=0 n1=0 c2=5 b1=1 t1=1 str=1 tab=1 last=1", "runs per handler")

-- a non-table message: string/table patterns skip, function patterns see it
reset()
Handlers.add("str", "x", rec("str"))
Handlers.add("tab", {}, rec("tab"))
Handlers.add("fn", function(msg) return msg == 42 end, rec("fn"))
check(Handlers.evaluate(42), true, "number message taken by a function pattern")
check(logged(), "fn", "string/table patterns skip a number message")
check(Handlers.evaluate("x"), false, "string message not taken")
check(Inbox[1], "x", "string message in the Inbox")
check(Handlers.evaluate({}), true, "empty table pattern matches any table")
check(logged(), "tab", "empty table pattern")

-- ----------------------------------------------------------- max_runs / once
reset()
Handlers.add("two", "M", rec("two"), 2)
Handlers.add("fallback", "M", rec("fallback"))
for _ = 1, 4 do Handlers.evaluate({Action = "M"}) end
check(logged(), "two,two,fallback,fallback", "max_runs 2: removed after two runs")
check(#Handlers.list, 1, "the max_runs handler is gone")
-- max_runs counts runs that continue as well
Handlers.prepend("cont", function() return "continue" end, rec("cont"), 3)
for _ = 1, 4 do Handlers.evaluate({Action = "M"}) end
check(logged(), "cont,fallback,cont,fallback,cont,fallback,fallback", "max_runs counts continues")
-- skipped messages do not count
Handlers.prepend("three", "T", rec("three"), 3)
Handlers.evaluate({Action = "M"}); Handlers.evaluate({Action = "M"})
check(Handlers.list[1].runs, 0, "skips do not count as runs")
-- replacing resets the count
Handlers.evaluate({Action = "T"}); Handlers.evaluate({Action = "T"})
check(Handlers.list[1].runs, 2, "two runs")
Handlers.add("three", "T", rec("three"), 3)
check(Handlers.list[1].runs, 0, "replacement resets runs")
for _ = 1, 3 do Handlers.evaluate({Action = "T"}) end
check(Handlers.list[1].name, "fallback", "three gone after 3 more runs")
logged()
-- once
Handlers.once("O", rec("once"))
Handlers.add("O", "O", rec("O"))
Handlers.evaluate({Action = "O"}); Handlers.evaluate({Action = "O"})
check(logged(), "once,O", "once runs once, then the next handler")
-- once with a continue pattern still runs only once
Handlers.once(function() return "continue" end, rec("oc"))
Handlers.evaluate({Action = "O"}); Handlers.evaluate({Action = "O"})
check(logged(), "oc,O,O", "once with continue")
-- a once that re-arms itself from its handle does not see the same message
local arms = 0
local function rearm(msg)
  arms = arms + 1
  log[#log + 1] = "arm" .. arms
  if arms < 3 then Handlers.once("re", "R", rearm) end
end
Handlers.once("re", "R", rearm)
Handlers.evaluate({Action = "R"})
check(logged(), "arm1", "re-armed once not run again for the same message")
Handlers.evaluate({Action = "R"}); Handlers.evaluate({Action = "R"}); Handlers.evaluate({Action = "R"})
check(logged(), "arm2,arm3", "re-armed twice, then gone (the fourth goes to the Inbox)")
check(Inbox[#Inbox].Action, "R", "fourth R in the Inbox")

-- ------------------------------------------- changing the list during dispatch
-- removing the running handler does not skip the next one
reset()
Handlers.add("a", function() return "continue" end, function() log[#log + 1] = "a"; Handlers.remove("a") end)
Handlers.add("b", function() return "continue" end, rec("b"))
Handlers.add("c", function() return "continue" end, rec("c"))
Handlers.evaluate({})
check(logged(), "a,b,c", "self-removal does not skip the next")
Handlers.evaluate({})
check(logged(), "b,c", "self-removed handler gone")

-- removing an earlier handler does not skip the next one
reset()
Handlers.add("a", function() return "continue" end, rec("a"))
Handlers.add("b", function() return "continue" end, function() log[#log + 1] = "b"; Handlers.remove("a") end)
Handlers.add("c", function() return "continue" end, rec("c"))
Handlers.evaluate({})
check(logged(), "a,b,c", "removing an earlier one does not skip the next")

-- removing a later handler: it does not run
reset()
Handlers.add("a", function() return "continue" end, function() log[#log + 1] = "a"; Handlers.remove("b") end)
Handlers.add("b", function() return "continue" end, rec("b"))
Handlers.add("c", function() return "continue" end, rec("c"))
Handlers.evaluate({})
check(logged(), "a,c", "a handler removed before its turn does not run")

-- removing several, including itself and the next
reset()
Handlers.add("a", function() return "continue" end, rec("a"))
Handlers.add("b", function() return "continue" end, function()
  log[#log + 1] = "b"; Handlers.remove("a"); Handlers.remove("b"); Handlers.remove("c")
end)
Handlers.add("c", function() return "continue" end, rec("c"))
Handlers.add("d", function() return "continue" end, rec("d"))
Handlers.evaluate({})
check(logged(), "a,b,d", "removing self, earlier and next")

-- a handler removed by a pattern function (its own) does not run
reset()
Handlers.add("a", function() Handlers.remove("a"); return true end, rec("a"))
Handlers.add("b", function() return true end, rec("b"))
Handlers.evaluate({})
check(logged(), "b", "pattern removing its own handler: handle not run")

-- handlers added during dispatch see the next message, not this one
reset()
local added = false
Handlers.add("a", function() return "continue" end, function()
  log[#log + 1] = "a"
  if added then return end
  added = true
  Handlers.prepend("p", function() return "continue" end, rec("p"))
  Handlers.add("z", function() return "continue" end, rec("z"))
  Handlers.after("a").add("n", function() return "continue" end, rec("n"))
  Handlers.once("o", function() return "continue" end, rec("o"))
end)
Handlers.add("b", function() return "continue" end, rec("b"))
Handlers.evaluate({})
check(logged(), "a,b", "added during dispatch: not run for this message")
Handlers.evaluate({})
check(logged(), "o,p,a,n,b,z", "added ones run for the next message")

-- replacing a later handler in place during dispatch: the new version runs
reset()
Handlers.add("a", function() return "continue" end, function()
  log[#log + 1] = "a"
  Handlers.add("b", function() return "continue" end, rec("b-new"))
end)
Handlers.add("b", function() return "continue" end, rec("b-old"))
Handlers.evaluate({})
check(logged(), "a,b-new", "replaced in place during dispatch: new version runs")

-- moving a later handler (before/after) during dispatch: removed and
-- re-added, so it does not run for this message
reset()
Handlers.add("a", function() return "continue" end, function()
  log[#log + 1] = "a"
  Handlers.before("a").add("c", function() return "continue" end, rec("c2"))
end)
Handlers.add("b", function() return "continue" end, rec("b"))
Handlers.add("c", function() return "continue" end, rec("c"))
Handlers.evaluate({})
check(logged(), "a,b", "moved during dispatch: not run for this message")
Handlers.evaluate({})
check(logged(), "c2,a,b", "moved one runs next time, at its new place")

-- nested evaluate from a handler
reset()
Handlers.add("outer", "Outer", function(msg)
  log[#log + 1] = "outer"
  Handlers.evaluate({Action = "Inner"})
  log[#log + 1] = "outer-end"
end)
Handlers.add("inner", "Inner", function() log[#log + 1] = "inner"; Handlers.remove("outer") end)
Handlers.add("after", function() return "continue" end, rec("after"))
Handlers.evaluate({Action = "Outer"})
check(logged(), "outer,inner,outer-end", "nested evaluate")

-- ------------------------------------------------------------------ errors
-- an error in a handle propagates from evaluate with its value; the
-- message is neither taken nor put in the Inbox; later handlers do not run;
-- the run was counted (a max_runs handler is gone)
reset()
Handlers.add("boom", "Boom", function(msg) error({code = 7, msg = msg}) end, 1)
Handlers.add("after", "Boom", rec("after"))
local ok, err = pcall(Handlers.evaluate, {Action = "Boom"})
check(ok, false, "error in a handle propagates")
check(type(err) == "table" and err.code, 7, "the error value is the handle's own")
check(err.msg.Action, "Boom", "the message in the error")
check(logged(), "", "later handlers did not run")
check(#Inbox, 0, "message not put in the Inbox")
check(Handlers.list[1].name, "after", "the failed max_runs=1 handler was removed")
Handlers.evaluate({Action = "Boom"})
check(logged(), "after", "dispatch still works after an error")

-- string errors keep their position
reset()
Handlers.add("boom", "Boom", function() error("kaput") end)
local ok2, err2 = pcall(Handlers.evaluate, {Action = "Boom"})
check(ok2, false, "string error propagates")
check(err2:match("handlers_dispatch%.lua:%d+: kaput$") ~= nil, true, "with the handle's position: " .. err2)

-- an error in a pattern function propagates too
reset()
Handlers.add("pboom", function() error("pattern failed") end, rec("never"))
local ok3, err3 = pcall(Handlers.evaluate, {})
check(ok3, false, "error in a pattern propagates")
check(err3:find("pattern failed", 1, true) ~= nil, true, "pattern error message: " .. err3)
-- and in a function value of a table pattern
reset()
Handlers.add("vboom", {x = function() error("value failed") end}, rec("never"))
local ok4, err4 = pcall(Handlers.evaluate, {x = 1})
check(ok4, false, "error in a table pattern function value propagates")
check(err4:find("value failed", 1, true) ~= nil, true, "value error message")
-- a pattern function that returns something else is an error
reset()
Handlers.add("weird", function() return "brake" end, rec("never"))
local ok5, err5 = pcall(Handlers.evaluate, {})
check(ok5, false, "bad pattern result is an error")
check(err5:find("handler 'weird': pattern function returned string \"brake\"", 1, true) ~= nil, true, "message: " .. err5)
reset()
Handlers.add("num", function() return 1 end, rec("never"))
local ok6, err6 = pcall(Handlers.evaluate, {})
check(ok6, false, "number pattern result is an error")
check(err6:find("returned number 1", 1, true) ~= nil, true, "message: " .. err6)
-- evaluate(nil)
local ok7, err7 = pcall(Handlers.evaluate)
check(ok7, false, "evaluate(nil) is an error")
check(err7:find("message expected", 1, true) ~= nil, true, "message: " .. err7)

print("handlers_dispatch: all passed")
