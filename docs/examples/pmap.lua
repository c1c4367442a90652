-- pmap.lua — a parallel map: one process per element, results in order.
--
--   build/lurel docs/examples/pmap.lua
--
-- pmap(f, list) spawns a process per element and collects the answers.  Each
-- worker is monitored, so an element whose f crashes gives an error for that
-- element instead of a caller that waits forever.

local _ = process._

local function pmap(f, list)
  local me = process.self()
  local jobs = {}
  for i, x in ipairs(list) do
    local pid, ref = process.spawn_monitor(function()
      process.send(me, {"result", i, f(x)})    -- f and x were copied into this process
    end)
    jobs[i] = {pid = pid, ref = ref}
  end
  local results, errors = {}, {}
  for i, job in ipairs(jobs) do
    -- The result of job i, or its DOWN if it crashed.  A worker sends its
    -- result before it ends, so when both are there the result comes first.
    local msg = process.receive(process.any({"result", i, _}, {"DOWN", job.ref, _, _, _}))
    if msg[1] == "result" then
      results[i] = msg[3]
      process.demonitor(job.ref, true)         -- and drop the DOWN "normal" still to come
    else
      errors[i] = msg[5]
    end
  end
  return results, errors
end

-- A slow function: sum the digits of n, n times over, the hard way.
local function work(n)
  local s = 0
  for k = 1, n * 1000 do s = s + (k % 10) end
  return s
end

local squares = pmap(function(x) return x * x end, {1, 2, 3, 4, 5, 6, 7, 8})
print("squares: " .. table.concat(squares, " "))
assert(table.concat(squares, " ") == "1 4 9 16 25 36 49 64")

local sums = pmap(work, {300, 100, 200})        -- the short one finishes first,
print("sums: " .. table.concat(sums, " "))     -- but the results stay in order
assert(sums[1] == work(300) and sums[2] == work(100) and sums[3] == work(200))

-- One element makes its worker crash: that element has an error, the rest are fine.
local results, errors = pmap(function(x)
  if x == 0 then error("division by zero", 0) end
  return 12 // x
end, {1, 2, 0, 4})
print(("12 // {1, 2, 0, 4}: %s, %s, error: %s, %s"):format(results[1], results[2], errors[3], results[4]))
assert(results[3] == nil and errors[3] == "division by zero" and results[4] == 3)

-- Nothing is left in the mailbox: no stray results, no stray DOWNs.
assert(process.info(process.self()).message_queue_len == 0)
print("mailbox empty")
