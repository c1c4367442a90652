-- lurel-only
-- Deeply nested patterns and values: the rules hold at any depth, and
-- nothing overflows (matching uses no unbounded C recursion)
local P = process

local function ok(cond, what)
  assert(cond, what)
  print("ok: " .. what)
end

local function nest(depth, leaf)
  local t = leaf
  for i = 1, depth do t = {t, i} end
  return t
end

for _, depth in ipairs({10, 99, 100, 101, 150, 1000, 20000}) do
  local v = nest(depth, "leaf")
  local p = nest(depth, "leaf")
  ok(P.match(v, p) == true, "a " .. depth .. "-deep pattern matches an equal value")
  local q = nest(depth, "other")
  ok(P.match(v, q) == false, "a " .. depth .. "-deep pattern with a different leaf does not match")
  local w = nest(depth, P._)
  ok(P.match(v, w) == true, "a " .. depth .. "-deep pattern with a wildcard leaf matches")
  local f = nest(depth, function(x) return x == "leaf" end)
  ok(P.match(v, f) == true, "a " .. depth .. "-deep pattern with a function leaf matches")
  -- and through receive
  P.send(P.self(), {"deep", v})
  local got = P.receive({"deep", p})
  ok(got ~= nil, "receive with a " .. depth .. "-deep pattern")
end

print("patterns_deep: all done")
