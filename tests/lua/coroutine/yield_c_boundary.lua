-- lurel-only: yields across C functions that call Lua. lua5.4 raises
-- "attempt to yield across a C-call boundary" for all of these (table.sort
-- comparators, gsub callbacks, tostring/__tostring, load readers, ipairs over
-- a yielding __index, message handlers of xpcall, string.format("%s") of a
-- yielding __tostring); Lurel's C functions that call Lua are resumable
-- (design.md section 4), so the yields work.
local function drive(f, reply)
  local co = coroutine.create(f)
  local yields = {}
  local r = table.pack(coroutine.resume(co))
  while coroutine.status(co) == "suspended" do
    yields[#yields + 1] = tostring(r[2])
    r = table.pack(coroutine.resume(co, reply and reply(r[2])))
  end
  assert(r[1], r[2])
  return #yields, table.unpack(r, 2, r.n)
end
local function check(name, got, want)
  print(name, got)
  assert(got == want, name .. ": got " .. tostring(got) .. ", want " .. tostring(want))
end

-- table.sort with a yielding comparator
local n, res = drive(function()
  local t = {5, 2, 9, 1, 7, 3}
  table.sort(t, function(a, b) coroutine.yield("cmp"); return a < b end)
  return table.concat(t, " ")
end)
check("sort", res, "1 2 3 5 7 9")
assert(n > 0)
-- the comparator's answer comes from the resumer
n, res = drive(function()
  local t = {1, 2, 3, 4}
  table.sort(t, function(a, b) return coroutine.yield({a, b}) end)
  return table.concat(t, " ")
end, function(p) return p[1] > p[2] end)
check("sort by resumer", res, "4 3 2 1")

-- string.gsub with a yielding replacement function
n, res = drive(function()
  return (string.gsub("a b c", "%a", function(c) return coroutine.yield(c) end))
end, function(c) return c:upper() .. c end)
check("gsub", res, "Aa Bb Cc")
check("gsub yields", n, 3)
-- gsub with a table whose __index yields
n, res = drive(function()
  local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
  return (("x-y"):gsub("%a", t))
end, function(k) return k .. k end)
check("gsub table", res, "xx-yy")

-- tostring / print / string.format with a yielding __tostring
local obj = setmetatable({}, {__tostring = function() return coroutine.yield("ts") end})
n, res = drive(function() return tostring(obj) end, function() return "OBJ" end)
check("tostring", res, "OBJ")
n, res = drive(function() return string.format("[%s]", obj) end, function() return "F" end)
check("format", res, "[F]")
n, res = drive(function() return table.concat({"a", "b"}, tostring(obj)) end, function() return "+" end)
check("concat sep", res, "a+b")

-- load with a reader function that yields
n, res = drive(function()
  local parts = {"return ", "1 + ", "41"}
  local i = 0
  local f = assert(load(function()
    i = i + 1
    coroutine.yield("piece")
    return parts[i]
  end))
  return f()
end)
check("load reader", res, 42)
check("load reader yields", n, 4)

-- ipairs over a proxy whose __index yields
n, res = drive(function()
  local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return coroutine.yield(i) end end})
  local s = 0
  for _, v in ipairs(proxy) do s = s + v end
  return s
end, function(i) return i * 100 end)
check("ipairs", res, 600)

-- a message handler that yields
n, res = drive(function()
  local ok, m = xpcall(function() error("E", 0) end, function(m)
    local r = coroutine.yield("in handler " .. m)
    return "h:" .. tostring(r)
  end)
  return tostring(ok) .. " " .. m
end, function() return "R" end)
check("handler", res, "false h:R")
check("handler yields", n, 1)

-- select('#', ...) and varargs survive a yield inside a comparator
n, res = drive(function(...)
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield(); return a > b end)
  return table.concat(t, ",")
end)
check("sort desc", res, "3,2,1")
print("ok")
