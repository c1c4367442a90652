-- values through resume / yield / return: counts, nils, many values
local function pk(...) return select('#', ...), ... end
local co = coroutine.create(function(...)
  print("start", select('#', ...), ...)
  local r = table.pack(coroutine.yield(...))
  print("resumed with", r.n, table.unpack(r, 1, r.n))
  r = table.pack(coroutine.yield(nil, nil, nil))
  print("resumed with", r.n)
  return nil, 2, nil
end)
print(pk(coroutine.resume(co, nil, "b", nil)))
print(pk(coroutine.resume(co, 1, nil, 3, nil, nil)))
print(pk(coroutine.resume(co)))
print(pk(coroutine.resume(co)))

-- trailing nils are kept
co = coroutine.wrap(function(...) local n = select('#', ...); local a = table.pack(coroutine.yield(n)); return a.n end)
print(co(nil, nil, nil, nil))
print(co(nil, nil))

-- many values
local function seq(n) local t = {} for i = 1, n do t[i] = i end return t end
for _, n in ipairs{10, 250, 1000, 10000, 100000} do
  local t = seq(n)
  co = coroutine.create(function(...)
    local got = select('#', ...)
    local back = table.pack(coroutine.yield(...))
    return got, back.n, back[back.n]
  end)
  local r = table.pack(coroutine.resume(co, table.unpack(t)))
  local s = 0
  for i = 2, r.n do s = s + r[i] end
  local r2 = table.pack(coroutine.resume(co, table.unpack(t, 1, n // 2)))
  print(n, r.n - 1, s, r2[1], r2[2], r2[3], r2[4])
end

-- many values returned by a coroutine body and by wrap
co = coroutine.wrap(function() return table.unpack(seq(5000)) end)
print(select('#', co()))
co = coroutine.wrap(function(...) return ... end)
print(select('#', co(table.unpack(seq(20000)))))

-- varargs of the body function, kept across yields
co = coroutine.wrap(function(...)
  local n = select('#', ...)
  coroutine.yield()
  coroutine.yield()
  return n, select(n, ...)
end)
co("a", "b", nil, "d", nil)
co()
print(co())

-- yield inside a vararg function called with a varargs tail
local function fwd(...) return coroutine.yield(...) end
co = coroutine.wrap(function(...) return fwd(fwd(...)) end)
print(co(1, 2, 3))
print(co(4, 5))
print(co(6))

-- values of every type pass unchanged
local f, t, u = function() end, {}, io.stdout
co = coroutine.wrap(function(...)
  local a = table.pack(coroutine.yield(...))
  return table.unpack(a, 1, a.n)
end)
local vals = table.pack(co(1, 2.5, "s", true, false, nil, f, t, u, co, math.huge, -0.0, math.mininteger))
local names = {}
for i = 1, vals.n do names[i] = math.type(vals[i]) or type(vals[i]) end
print(vals.n, table.concat(names, " "))
local back = table.pack(co(table.unpack(vals, 1, vals.n)))
print(back.n, back[7] == f, back[8] == t, back[9] == u, back[10] == co, back[13] == math.mininteger)

-- coroutine.yield as a value, called indirectly
local y = coroutine.yield
co = coroutine.wrap(function() local a, b = y(y(1, 2)); return a, b end)
print(co())
print(co("x", "y"))
print(co("z"))
