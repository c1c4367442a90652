-- status of suspended / running / normal / dead coroutines
local main = coroutine.running()
print("main", coroutine.status(main))
local A, B
A = coroutine.create(function()
  print("A sees A", coroutine.status(A))
  print("A sees main", coroutine.status(main))
  coroutine.resume(B)
  print("A after B yielded", coroutine.status(B))
  coroutine.yield()
  print("A again")
end)
B = coroutine.create(function()
  print("B sees A", coroutine.status(A))
  print("B sees B", coroutine.status(B))
  print("B sees main", coroutine.status(main))
  coroutine.yield()
  print("B end")
end)
print("new", coroutine.status(A), coroutine.status(B))
coroutine.resume(A)
print("after", coroutine.status(A), coroutine.status(B))
coroutine.resume(B)
print("B done", coroutine.status(B))
coroutine.resume(A)
print("A done", coroutine.status(A))

-- dead after error
local E = coroutine.create(function() error("boom") end)
print(coroutine.resume(E))
print(coroutine.status(E))
print(coroutine.resume(E))

-- dead after error with a table value
local obj = {}
E = coroutine.create(function() error(obj) end)
local ok, e = coroutine.resume(E)
print(ok, e == obj, coroutine.status(E))

-- a coroutine that is only created: suspended
local C = coroutine.create(function() end)
print(coroutine.status(C))
coroutine.resume(C)
print(coroutine.status(C))

-- status from inside a wrap
local W
W = coroutine.wrap(function()
  local me = coroutine.running()
  print("wrap running", coroutine.status(me))
  coroutine.yield(me)
end)
local me = W()
print("wrap after yield", coroutine.status(me))
W()
print("wrap finished", coroutine.status(me))

-- chains of normal coroutines
local chain = {}
local function mk(i)
  return coroutine.create(function()
    local st = {}
    for j = 1, #chain do st[#st + 1] = coroutine.status(chain[j]):sub(1, 1) end
    print(i, table.concat(st))
    if chain[i + 1] then coroutine.resume(chain[i + 1]) end
  end)
end
for i = 1, 5 do chain[i] = mk(i) end
coroutine.resume(chain[1])
local st = {}
for j = 1, #chain do st[#st + 1] = coroutine.status(chain[j]):sub(1, 1) end
print("end", table.concat(st))
