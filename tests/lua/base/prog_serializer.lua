-- Serialise Lua values to Lua source (deterministic key order, shared
-- references and cycles handled), load them back and compare deeply.
local function serialize(root)
  local seen, building, counter = {}, {}, 0
  local function key_order(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    if ta == "boolean" then return (a and 1 or 0) < (b and 1 or 0) end
    return false
  end
  local function lit(v)
    local t = type(v)
    if t == "string" then return string.format("%q", v)
    elseif t == "number" then
      if math.type(v) == "integer" then return string.format("%d", v) end
      if v ~= v then return "(0/0)" end
      if v == math.huge then return "math.huge" elseif v == -math.huge then return "-math.huge" end
      local txt = string.format("%.17g", v)
      if txt:match("^%-?%d+$") then txt = txt .. ".0" end
      return txt
    elseif t == "boolean" or t == "nil" then return tostring(v) end
    error("cannot serialize a " .. t)
  end
  -- count references to find shared tables
  local refs = {}
  local function count(v)
    if type(v) ~= "table" then return end
    refs[v] = (refs[v] or 0) + 1
    if refs[v] > 1 then return end
    for k, x in pairs(v) do count(k); count(x) end
  end
  count(root)
  local out = { "local R = {}" }
  local function emit(v, path)
    if type(v) ~= "table" then return lit(v) end
    if seen[v] then return seen[v] end
    local name
    if refs[v] > 1 then counter = counter + 1; name = "R[" .. counter .. "]"; seen[v] = name end
    building[v] = true
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, key_order)
    local parts, later = {}, {}
    for _, k in ipairs(keys) do
      local val = v[k]
      if (type(val) == "table" and building[val]) or type(k) == "table" then
        later[#later + 1] = { k, val }
      else
        local ks
        if type(k) == "string" and k:match("^[%a_][%w_]*$") then ks = k else ks = "[" .. lit(k) .. "]" end
        parts[#parts + 1] = ks .. "=" .. emit(val)
      end
    end
    local ctor = "{" .. table.concat(parts, ",") .. "}"
    building[v] = nil
    if name then
      out[#out + 1] = name .. " = " .. ctor
      for _, kv in ipairs(later) do out[#out + 1] = name .. "[" .. emit(kv[1]) .. "] = " .. emit(kv[2]) end
      return name
    end
    assert(#later == 0, "shared value inside unshared table")
    return ctor
  end
  local expr = emit(root)
  out[#out + 1] = "return " .. expr
  return table.concat(out, "\n")
end

local function deep_equal(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then
    return type(a) == "number" and type(b) == "number" and a ~= a and b ~= b
  end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do if not deep_equal(v, b[k], seen) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local shared = { "shared" }
local cyc = { name = "cycle" }
cyc.self = cyc
local value = {
  1, 2.5, -0.0, "three", true, false,
  nested = { a = { b = { c = "deep" } }, list = { 10, 20, 30 } },
  ["key with spaces"] = 1, [10] = "ten", [-1] = "neg", [1.5] = "float key",
  big = math.maxinteger, small = math.mininteger, inf = math.huge, tiny = 5e-324,
  text = "quote\" newline\n tab\t zero\0 high\255",
  s1 = shared, s2 = shared, cyc = cyc,
}
local src = serialize(value)
print(src)
local back = load(src, "=serialized", "t", { math = math })()
assert(deep_equal(value, back), "round trip differs")
assert(math.type(back[3]) == "float" and 1 / back[3] < 0)
assert(back.s1 == back.s2 and back.cyc.self == back.cyc)
print("round trip ok", back.s1 == back.s2, back.cyc.self == back.cyc, back.text == value.text)
print(pcall(serialize, { f = print }))
