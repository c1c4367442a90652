-- leading/trailing whitespace accepted by tonumber: " \t\n\v\f\r"
local ws = { " ", "\t", "\n", "\v", "\f", "\r", " \t\n\v\f\r " }
local bodies = { "42", "-7", "3.5", "0x1F", "1e3", "0x1p3", ".5" }
for _, b in ipairs(bodies) do
  local results = {}
  for _, w in ipairs(ws) do
    local v1, v2, v3 = tonumber(w .. b), tonumber(b .. w), tonumber(w .. b .. w)
    assert(v1 == tonumber(b) and v2 == v1 and v3 == v1)
    assert(math.type(v1) == math.type(tonumber(b)))
  end
  print(b, math.type(tonumber(b)), tonumber(b))
end
-- whitespace inside the number is not allowed
for _, s in ipairs({ "4 2", "- 7", "0x 1F", "1e 3", "3. 5", "1\0" }) do print(string.format("%q", s), tonumber(s)) end
-- with an explicit base
print(tonumber(" ff ", 16), tonumber("\t101\n", 2), tonumber(" - 1", 10), tonumber("-  1", 10), tonumber(" -1 ", 10))
