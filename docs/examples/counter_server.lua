-- counter_server.lua — a gen_server: a counter with calls, casts and info.
--
--   build/lurel docs/examples/counter_server.lua
--
-- gen_server is the receive loop of bank_account.lua written once and for
-- all: it keeps the state, matches calls to their replies, handles timeouts
-- and a dying server, and reports crashes.  You write only the callbacks,
-- functions from (message, state) to (what to do, new state).

local Counter = {}

-- init(arg) runs in the new process; it returns "ok" and the first state.
function Counter.init(start)
  print("  [counter] starting at " .. start)
  return "ok", {value = start, calls = 0}
end

-- handle_call(request, from, state): the caller waits for the reply.
function Counter.handle_call(request, from, state)
  state.calls = state.calls + 1
  if request == "get" then
    return "reply", state.value, state
  elseif request == "reset" then
    local old = state.value
    state.value = 0
    return "reply", old, state                   -- reply with the old value
  elseif request == "stats" then
    return "reply", {value = state.value, calls = state.calls}, state
  end
  error("unknown request: " .. tostring(request), 0)    -- crashes the server
end

-- handle_cast(request, state): no reply, the sender does not wait.
function Counter.handle_cast(request, state)
  if request[1] == "add" then
    state.value = state.value + request[2]
  end
  return "noreply", state
end

-- handle_info(message, state): any other message sent to the process.
function Counter.handle_info(msg, state)
  if msg == "double" then state.value = state.value * 2 end
  return "noreply", state
end

-- terminate(reason, state): the last words of a server that stops.
function Counter.terminate(reason, state)
  print("  [counter] stopping (" .. tostring(reason) .. ") at " .. state.value)
end

-- start_link: start the server, linked to us, registered as "counter".
local pid = gen_server.start_link(Counter, 10, {name = "counter"})
assert(process.whereis("counter") == pid)

print("get -> " .. gen_server.call("counter", "get"))
assert(gen_server.call("counter", "get") == 10)

for _ = 1, 5 do gen_server.cast("counter", {"add", 1}) end
print("after 5 casts of +1: " .. gen_server.call("counter", "get"))  -- casts came first, in order
assert(gen_server.call("counter", "get") == 15)

process.send("counter", "double")                -- a plain message: handle_info
print("after a plain 'double' message: " .. gen_server.call(pid, "get"))
assert(gen_server.call(pid, "get") == 30)

print("reset -> " .. gen_server.call("counter", "reset"))
local stats = gen_server.call("counter", "stats")
print(("stats: value %d after %d calls"):format(stats.value, stats.calls))
assert(stats.value == 0 and stats.calls == 8)

-- A call that crashes the server raises an error in the caller.  We started
-- the server with start_link, so its crash would also kill us: trap exits
-- to turn that signal into a message.
process.flag("trap_exit", true)
local ok, err = pcall(gen_server.call, "counter", "bogus")
print("a bad request crashes the server; call raised: " .. tostring(err[1]))
assert(not ok and err[1] == "unknown request: bogus")
local exit = process.receive({"EXIT", pid, process._})
assert(exit[3] == "unknown request: bogus")
print("and we got its exit signal as a message: EXIT " .. exit[3])

-- Calling a server that is not there fails at once instead of waiting.
ok, err = pcall(gen_server.call, "counter", "get")
print("calling a dead server: " .. tostring(err[1]))
assert(not ok and err[1] == "noproc")

-- A fresh counter, stopped cleanly: stop runs terminate and waits.
pid = gen_server.start_link(Counter, 100, {name = "counter"})
gen_server.cast(pid, {"add", 1})
gen_server.stop(pid)
assert(not process.alive(pid))
print("stopped")
