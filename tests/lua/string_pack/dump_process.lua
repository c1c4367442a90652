-- lurel-only
-- A dumped function is plain data: sent to another process and loaded there
-- it runs with that process's globals (or the env given to load), and
-- packed binary data travels the same way.
local me = process.self()
local code = string.dump(function(a, b) return a * b + (bonus or 0), tostring(where) end, true)
local child = process.spawn(function(parent)
  where = "child"
  local msg = process.receive()
  local f = assert(load(msg.code, "=sent", "b", {bonus = 1, tostring = tostring, where = "env"}))
  local g = assert(load(msg.code, "=sent", "b"))
  local x, y, z = string.unpack("<i4 d z", msg.data)
  process.send(parent, {r1 = {f(6, 7)}, r2 = {g(6, 7)}, unpacked = {x, y, z}})
end, me)
where = "parent"
process.send(child, {code = code, data = string.pack("<i4 d z", -5, 2.5, "text")})
local r = process.receive()
print(r.r1[1], r.r1[2])
print(r.r2[1], r.r2[2])
print(r.unpacked[1], r.unpacked[2], r.unpacked[3])
assert(r.r1[1] == 43 and r.r1[2] == "env" and r.r2[1] == 42 and r.r2[2] == "child")
