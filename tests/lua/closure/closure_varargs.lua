-- closures that capture varargs via tables and forward them
local function partial(f, ...)
  local n, a = select("#", ...), { ... }
  return function(...)
    local m, b = select("#", ...), { ... }
    local all = {}
    for i = 1, n do all[i] = a[i] end
    for i = 1, m do all[n + i] = b[i] end
    return f(table.unpack(all, 1, n + m))
  end
end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return t.n .. ":" .. table.concat(t, ",", 1, t.n)
end
print(partial(show)())
print(partial(show, 1)())
print(partial(show, nil)(nil))
print(partial(show, 1, nil)(nil, 4))
print(partial(partial(show, "a"), "b")("c"))
-- logging wrapper preserving all results
local log = {}
local function traced(name, f)
  return function(...)
    log[#log + 1] = name .. "(" .. select("#", ...) .. ")"
    return f(...)
  end
end
local tmax = traced("max", math.max)
local tsel = traced("select", select)
print(tmax(3, 9, 2), tsel(2, "a", "b", "c"))
print(select("#", tsel(-1, nil, nil)))
print(table.concat(log, " "))
-- generator of vararg counters
local function counter(...)
  local init = select("#", ...)
  return function(...) init = init + select("#", ...); return init end
end
local c = counter(1, 2, 3)
c(nil); c(nil, nil)
assert(c() == 6)
print(c())
