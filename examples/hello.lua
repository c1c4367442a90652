-- hello.lua — what `make run` runs first (README.md shows it).
local P = process
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local function worker(parent)            -- runs as a process of its own
  local n = P.receive()                  -- waits for a message
  P.send(parent, {"fib", n, fib(n)})
end
for n = 20, 24 do P.send(P.spawn(worker, P.self()), n) end
for _ = 20, 24 do                        -- selective receive, by pattern
  local msg = P.receive({"fib", P._, P._})
  print(("fib(%d) = %d"):format(msg[2], msg[3]))
end
