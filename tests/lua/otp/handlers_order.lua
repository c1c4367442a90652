-- lurel-only
-- Handlers: the order of the list under add/append/prepend/before/after/once,
-- replacement in place, remove, and the argument errors.

local function names()
  local t = {}
  for i, h in ipairs(Handlers.list) do t[i] = h.name end
  return table.concat(t, ",")
end

local function check(got, want, what)
  assert(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
  print("ok - " .. what .. " = " .. tostring(got))
end

local function raises(f, pat, what)
  local ok, err = pcall(f)
  assert(not ok, what .. ": no error")
  assert(string.find(tostring(err), pat, 1, true), what .. ": error was " .. tostring(err))
  print("ok - " .. what .. " raises: " .. tostring(err))
end

local function h() end
local function h2() end

check(type(Handlers), "table", "Handlers is a global table")
check(type(Handlers.list), "table", "Handlers.list is a table")
check(#Handlers.list, 0, "empty at start")
check(type(Inbox), "table", "Inbox exists once Handlers is used")

-- add appends, returns the name
check(Handlers.add("a", "A", h), "a", "add returns the name")
Handlers.add("b", "B", h)
Handlers.append("c", "C", h)
check(names(), "a,b,c", "add/append append")

-- prepend
Handlers.prepend("z", "Z", h)
check(names(), "z,a,b,c", "prepend puts first")

-- add / append / prepend with an existing name replace in place
local entry_b = Handlers.list[3]
Handlers.add("b", "B2", h2)
check(names(), "z,a,b,c", "add existing: same place")
check(Handlers.list[3].pattern, "B2", "add existing: new pattern")
check(Handlers.list[3].handle, h2, "add existing: new handle")
check(Handlers.list[3], entry_b, "add existing: same entry table")
Handlers.append("a", "A2", h2, 3)
check(names(), "z,a,b,c", "append existing: same place")
check(Handlers.list[2].max_runs, 3, "append existing: new max_runs")
Handlers.prepend("c", "C2", h2)
check(names(), "z,a,b,c", "prepend existing: same place (not moved to the front)")
check(Handlers.list[4].pattern, "C2", "prepend existing: new pattern")
Handlers.add("a", "A", h)
check(Handlers.list[2].max_runs, nil, "replacing without max_runs clears it")

-- before / after
Handlers.before("b").add("x", "X", h)
check(names(), "z,a,x,b,c", "before(b)")
Handlers.after("b").add("y", "Y", h)
check(names(), "z,a,x,b,y,c", "after(b)")
Handlers.after("c").add("w", "W", h)
check(names(), "z,a,x,b,y,c,w", "after(last) appends")
Handlers.before("z").add("v", "V", h)
check(names(), "v,z,a,x,b,y,c,w", "before(first) prepends")
-- colon call works too
Handlers.after("v"):add("u", "U", h)
check(names(), "v,u,z,a,x,b,y,c,w", "after(v):add (colon call)")
-- an existing name is moved next to the anchor (names stay unique)
Handlers.before("w").add("z", "Z", h)
check(names(), "v,u,a,x,b,y,c,z,w", "before(w).add(existing z) moves z")
Handlers.after("v").add("w", "W", h)
check(names(), "v,w,u,a,x,b,y,c,z", "after(v).add(existing w) moves w")
-- adding under the anchor's own name replaces it in place
Handlers.before("x").add("x", "X2", h2)
check(names(), "v,w,u,a,x,b,y,c,z", "before(x).add(x): in place")
check(Handlers.list[5].pattern, "X2", "before(x).add(x): replaced")

-- before / after an unknown name is an error, at once and at add time
raises(function() Handlers.before("nope") end, "Handlers.before: no handler named 'nope'", "before(unknown)")
raises(function() Handlers.after("nope").add("q", "Q", h) end, "Handlers.after: no handler named 'nope'", "after(unknown)")
raises(function() Handlers.before(nil) end, "no handler named 'nil'", "before(nil)")
local later = Handlers.after("y")
Handlers.remove("y")
raises(function() later.add("q", "Q", h) end, "Handlers.after(...).add: no handler named 'y'", "after(y) once y is gone")
check(names(), "v,w,u,a,x,b,c,z", "failed adds changed nothing")

-- once: at the front, with or without a name, max_runs 1
local n1 = Handlers.once("O", h)
check(n1:sub(1, 6), "_once_", "once without a name gets a generated one")
check(Handlers.list[1].name, n1, "once goes to the front")
check(Handlers.list[1].max_runs, 1, "once has max_runs 1")
local n2 = Handlers.once(function() return true end, h)
check(Handlers.list[1].name, n2, "second once in front of the first")
assert(n1 ~= n2)
check(Handlers.once("named", "N", h), "named", "once with a name")
check(Handlers.list[1].name, "named", "named once in front")
-- once with an existing name moves it to the front
Handlers.once("c", "C", h)
check(names(), "c,named," .. n2 .. "," .. n1 .. ",v,w,u,a,x,b,z", "once(existing c) moves it to the front")
check(Handlers.list[1].max_runs, 1, "moved by once: max_runs 1")

-- remove
check(Handlers.remove("named"), true, "remove existing -> true")
check(Handlers.remove("named"), false, "remove missing -> false")
Handlers.remove(n1); Handlers.remove(n2); Handlers.remove("c")
check(names(), "v,w,u,a,x,b,z", "after removes")

-- entries are plain tables that can be read
local e = Handlers.list[1]
check(e.name, "v", "entry.name")
check(e.pattern, "V", "entry.pattern")
check(e.handle, h, "entry.handle")
check(e.runs, 0, "entry.runs")
local count = 0
for _ in ipairs(Handlers.list) do count = count + 1 end
check(count, 7, "ipairs over Handlers.list")

-- two-argument add: the name is the pattern (matches msg.Action)
Handlers.remove("a")
Handlers.add("Ping", h)
local last = Handlers.list[#Handlers.list]
check(last.name .. "/" .. tostring(last.pattern) .. "/" .. tostring(last.handle == h), "Ping/Ping/true", "add(name, handle)")

-- argument errors (reported at the caller's line)
raises(function() Handlers.add(1, "x", h) end, "order.lua:", "error points at the caller")
raises(function() Handlers.add(1, "x", h) end, "bad handler name", "add with a non-string name")
raises(function() Handlers.add("q", 5, h) end, "bad pattern for 'q'", "add with a number pattern")
raises(function() Handlers.add("q", "x", nil) end, "bad handle for 'q'", "add with a nil handle (3 args)")
raises(function() Handlers.add("q", "x", h, 0) end, "bad max_runs", "max_runs 0")
raises(function() Handlers.add("q", "x", h, 1.5) end, "bad max_runs", "max_runs 1.5")
raises(function() Handlers.prepend("q", "x", "notfn") end, "Handlers.prepend: bad handle", "prepend with a string handle")
raises(function() Handlers.once("n", "x") end, "Handlers.once: bad handle", "once(name, pattern) without handle")
-- a callable table is a valid handle
local callable = setmetatable({}, {__call = function() end})
Handlers.add("callable", "x", callable)
check(Handlers.list[#Handlers.list].handle, callable, "callable table as handle")
check(names(), "v,w,u,x,b,z,Ping,callable", "final order")

print("handlers_order: all passed")
