-- lurel-only
-- process.send called by a plain Lua call with a pid or an alias is done
-- by the interpreter without a C frame (a message that cannot be sent is
-- then sent again by the function, which raises the error).  It must
-- behave exactly as the library function: the result, results adjusted to
-- what the call wants, errors, hooks and the order of messages.
local P = process
local me = P.self()

local failed = 0
local function check(cond, what)
  if cond then print("ok: " .. what)
  else failed = failed + 1; print("FAIL: " .. what) end
end

-- results: the message, adjusted to 0, 1, 3 and all results
do
  local a = P.send(me, 7)
  check(a == 7 and P.receive() == 7, "returns the message (a number)")
  local t = {"tok", 1, true}
  local b = P.send(me, t)
  check(b == t, "returns the sender's own table, not the copy")
  local got = P.receive()
  check(got ~= t and got[1] == "tok" and got[2] == 1 and got[3] == true, "the receiver gets a copy")
  local x, y, z = P.send(me, "atom")
  check(x == "atom" and y == nil and z == nil, "three results wanted: the message and two nils")
  P.receive()
  check(select("#", P.send(me, false)) == 1, "all results wanted: exactly one")
  check(P.receive() == false, "false is a message")
  local n = 0
  for _ = 1, 3 do P.send(me, n); n = n + 1 end
  check(P.receive() == 0 and P.receive() == 1 and P.receive() == 2, "statement calls keep the order")
end

-- what is not done inline still behaves as before (the library function)
do
  local ok, e = pcall(P.send, me)
  check(not ok and tostring(e):find("value expected", 1, true), "pcall(send, pid): value expected")
  ok, e = pcall(function() return P.send(me, nil) end)
  check(not ok and tostring(e):find("cannot send nil", 1, true), "sending nil is an error: " .. tostring(e))
  ok, e = pcall(function() P.send(me, coroutine.create(print)) end)
  check(not ok, "an unsendable value is an error: " .. tostring(e))
  ok, e = pcall(function() P.send("nobody_here", 1) end)
  check(not ok and tostring(e):find("no process registered", 1, true), "unregistered name: " .. tostring(e))
  local nested = {{1}, {2}}
  P.send(me, nested)
  local m = P.receive()
  check(m[1][1] == 1 and m[2][1] == 2, "a nested table goes the general way")
  local big = {}
  for i = 1, 40 do big[i] = i end
  P.send(me, big)
  check(#P.receive() == 40, "a long array goes the general way")
end

-- a dead process: the message is dropped, the call returns it
do
  local mref
  local dead = P.spawn(function() end)
  mref = P.monitor(dead)
  P.receive({"DOWN", mref})
  check(P.send(dead, 5) == 5, "to a dead pid: returns the message")
  check(P.receive(0) == nil, "nothing came back")
end

-- a call hook sees send as a call of a C function
do
  local calls = 0
  debug.sethook(function(ev)
    local info = debug.getinfo(2, "f")
    if info and info.func == P.send then calls = calls + 1 end
  end, "c")
  P.send(me, 1)
  debug.sethook()
  P.receive()
  check(calls == 1, "the call hook sees process.send (" .. calls .. ")")
end

-- messages one level deep ({tag, {a, b}, x}) are copied table by table;
-- what needs the identity map (a table met twice, a cycle) keeps its shape
do
  local from = {me, "r"}
  P.send(me, {"$call", from, "inc", {1, 2.5, true}})
  local m = P.receive()
  check(m[1] == "$call" and m[2] ~= from and m[2][1] == me and m[2][2] == "r" and m[3] == "inc",
        "a two-level message arrives whole")
  check(m[4][1] == 1 and m[4][2] == 2.5 and m[4][3] == true and #m[4] == 3, "its second inner table too")
  m[2][1] = "changed"
  check(from[1] == me, "the copy is the receiver's own")
  local shared = {7}
  P.send(me, {shared, shared})
  m = P.receive()
  check(m[1] == m[2] and m[1][1] == 7, "a table met twice arrives as one table")
  local cyc = {1}
  cyc[2] = cyc
  P.send(me, {cyc})
  m = P.receive()
  check(m[1][2] == m[1] and m[1][1] == 1, "a cycle keeps its shape")
  local withmt = setmetatable({1}, {__index = function() return "mt" end})
  P.send(me, {"x", withmt})
  m = P.receive()
  check(m[2][1] == 1 and getmetatable(m[2]) ~= nil and m[2].zzz == "mt", "an inner table with a metatable keeps it")
  P.send(me, {"deep", {{1}}})
  m = P.receive()
  check(m[2][1][1] == 1, "three levels arrive whole")
  P.send(me, {"holes", {nil, 2}, nil, {3}})
  m = P.receive()
  check(m[1] == "holes" and m[2][2] == 2 and m[2][1] == nil and m[4][1] == 3, "holes stay holes")
end

-- a message whose copy fails (found deep inside it) is tried inline first:
-- the failed try must leave no trace, and the error must come from
-- process.send's own frame (the position of its Lua caller, as for any C
-- function; a traceback showing process.send)
do
  local co = coroutine.create(print)
  local bad = {"x", {1, {co}}}
  local ok, e = pcall(function() P.send(me, bad) end)
  check(not ok and tostring(e):match("send_inline%.lua:%d+: cannot send a coroutine$"),
        "the error, with the caller's position: " .. tostring(e))
  ok, e = pcall(P.send, me, bad)
  check(not ok and e == "cannot send a coroutine", "called by pcall, no position: " .. tostring(e))
  local tb
  xpcall(function() P.send(me, {1, co}) end, function(m) tb = debug.traceback(m) end)
  check(tb and tb:find("in function 'process.send'", 1, true) ~= nil, "the traceback shows process.send's frame")
  local alias = P.alias()
  ok, e = pcall(function() P.send(alias, {{co}}) end)
  check(not ok and tostring(e):find("cannot send a coroutine", 1, true), "to an alias too: " .. tostring(e))
  P.unalias(alias)
  check(P.receive(0) == nil, "a failed send sent nothing")
  -- the state after a failed try is sound: the next sends work
  P.send(me, {"after", {1}})
  P.send(me, {"flat", 2})
  local a, b = P.receive(), P.receive()
  check(a[1] == "after" and a[2][1] == 1 and b[1] == "flat" and b[2] == 2, "sends after a failed one")
  local n = 0
  for i = 1, 100 do
    if not pcall(function() P.send(me, {i, {co}}) end) then n = n + 1 end
  end
  check(n == 100 and P.receive(0) == nil, "many failed sends: all raise, none arrives")
end

if failed > 0 then error(failed .. " checks failed") end
print("all passed")
