-- supervision_tree.lua — a supervision tree: kill workers, watch them come back.
--
--   build/lurel docs/examples/supervision_tree.lua
--
--   top             supervisor, one_for_one
--   ├── cache       worker (a gen_server holding a table)
--   └── pipeline    supervisor, rest_for_one, at most 2 restarts in 5 s
--       ├── reader  worker
--       ├── parser  worker   (depends on reader)
--       └── writer  worker   (depends on parser)
--
-- Each worker sends us {"started", name} from its init, so we can follow
-- what the supervisors do without sleeping.  The supervisors print a
-- SUPERVISOR REPORT on stderr for every restart: that is expected.

local _ = process._
local me = process.self()

-- ------------------------------------------------------------ the workers

-- A worker: a gen_server whose state is its name and a table of data.
local Worker = {}
function Worker.init(name)
  process.send(me, {"started", name})
  return "ok", {name = name, data = {}}
end
function Worker.handle_call(req, from, state)
  if req[1] == "put" then
    state.data[req[2]] = req[3]
    return "reply", true, state
  elseif req[1] == "get" then
    return "reply", state.data[req[2]], state
  end
end

-- a child spec: how to start the child, and what to do when it ends
local function worker(name)
  return {id = name, start = {gen_server.start_link, Worker, name}, restart = "permanent"}
end

local pipeline_spec = {
  strategy = "rest_for_one",     -- when a child dies, restart it and the ones after it
  intensity = 2, period = 5,     -- more than 2 restarts in 5 s: give up
  children = {worker("reader"), worker("parser"), worker("writer")},
}

local top = supervisor.start_link({
  strategy = "one_for_one",      -- when a child dies, restart just that child
  intensity = 10, period = 5,
  children = {
    worker("cache"),
    {id = "pipeline", start = {supervisor.start_link, pipeline_spec}, type = "supervisor"},
  },
}, {name = "top"})

-- ------------------------------------------------------------ helpers

-- wait for the next n "started" events; returns the names, in order
local function started(n)
  local names = {}
  for i = 1, n do
    local ev = process.receive({"started", _}, 5000)
    assert(ev, "a worker did not start")
    names[i] = ev[2]
  end
  return table.concat(names, " ")
end

-- the pid of child `id` of supervisor `sup`
local function child(sup, id)
  for _, c in ipairs(supervisor.which_children(sup)) do
    if c.id == id then return c.pid end
  end
end

local function pipeline() return child(top, "pipeline") end

-- kill a process the hard way and wait until it is gone
local function kill(pid)
  local ref = process.monitor(pid)
  process.exit(pid, "kill")
  process.receive({"DOWN", ref, _, _, _})
end

local function show_tree()
  print("  top")
  for _, c in ipairs(supervisor.which_children(top)) do
    print(("  %s %-9s %s"):format(c.id == "pipeline" and "└──" or "├──", c.id, c.type))
    if c.type == "supervisor" then
      for i, g in ipairs(supervisor.which_children(c.pid)) do
        print(("      %s %-6s %s"):format(i == 3 and "└──" or "├──", g.id, g.type))
      end
    end
  end
end

-- ------------------------------------------------------------ the show

print("started in order: " .. started(4))
show_tree()

-- 1. Kill the cache: one_for_one restarts only the cache.  Its state is
--    fresh: whatever it held is gone (restart = back to a known good state).
local cache = child(top, "cache")
gen_server.call(cache, {"put", "answer", 42})
local reader = child(pipeline(), "reader")
kill(cache)
print("1. killed cache; restarted: " .. started(1))
local new_cache = child(top, "cache")
assert(new_cache ~= cache and process.alive(new_cache))
assert(child(pipeline(), "reader") == reader, "the pipeline was not touched")
print("   the new cache starts empty: answer = " .. tostring(gen_server.call(new_cache, {"get", "answer"})))
assert(gen_server.call(new_cache, {"get", "answer"}) == nil)

-- 2. Kill the parser: rest_for_one restarts the parser and the writer
--    (which depends on it), and leaves the reader alone.
local parser, writer = child(pipeline(), "parser"), child(pipeline(), "writer")
kill(parser)
print("2. killed parser; restarted: " .. started(2))
assert(child(pipeline(), "reader") == reader)
assert(child(pipeline(), "parser") ~= parser and child(pipeline(), "writer") ~= writer)
print("   the reader kept its pid")

-- 3. Kill the reader twice more: that makes three restarts in the pipeline
--    within 5 seconds, one more than its intensity allows.  The pipeline
--    supervisor gives up: it stops its children and exits.  Its own
--    supervisor, top, then restarts the whole pipeline subtree.
local old_pipeline = pipeline()
kill(child(old_pipeline, "reader"))
print("3. killed reader; restarted: " .. started(3))
kill(child(old_pipeline, "reader"))
print("   killed reader again; the pipeline gives up, top restarts it: " .. started(3))
assert(pipeline() ~= old_pipeline and not process.alive(old_pipeline))
assert(child(top, "cache") == new_cache, "one_for_one: the cache was not touched")
print("   a new pipeline supervisor, the cache untouched")
show_tree()

-- 4. Stop the whole tree: top stops its children in reverse order, each
--    supervisor doing the same for its own.
local everyone = {top, new_cache, pipeline()}
for _, c in ipairs(supervisor.which_children(pipeline())) do everyone[#everyone + 1] = c.pid end
process.flag("trap_exit", true)      -- top is linked to us: its exit is a message
gen_server.stop(top, "shutdown")
for _, pid in ipairs(everyone) do assert(not process.alive(pid)) end
print("4. stopped the tree: all " .. #everyone .. " processes are gone")
