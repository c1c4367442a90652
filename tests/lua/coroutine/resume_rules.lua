-- which coroutines can be resumed, and the messages when not
local main = coroutine.running()
print(coroutine.resume(main))
print(pcall(coroutine.resume, main))
local co
co = coroutine.create(function()
  print("self", coroutine.resume(co))
  print("main from co", coroutine.resume(main))
  local child = coroutine.create(function()
    print("parent (normal) from child", coroutine.resume(co))
    print("main from child", coroutine.resume(main))
    coroutine.yield("child yielded")
  end)
  print("child", coroutine.resume(child))
  print("child status", coroutine.status(child))
  coroutine.yield("co yielded")
  print("child again", coroutine.resume(child))
  print("child again", coroutine.resume(child))
  return "co done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))

-- wrap: the same errors are raised, with a position when called from Lua
local w
w = coroutine.wrap(function() return w() end)
print(pcall(w))
local ok, e = pcall(function() return w() end)
print(ok, e)
w = coroutine.wrap(function() return 1 end)
print(w())
ok, e = pcall(function() return w() end)
print(ok, e)
ok, e = pcall(function() local x = w(); return x end)
print(ok, e)
-- wrap resuming the main thread's parent chain
local outerw
outerw = coroutine.wrap(function()
  local innerw = coroutine.wrap(function() return outerw() end)
  return innerw()
end)
print(pcall(outerw))

-- a coroutine that resumed itself through a dead one
local d = coroutine.create(function() end)
coroutine.resume(d)
co = coroutine.wrap(function() return coroutine.resume(d) end)
print(co())

-- resume a coroutine that is suspended inside a nested resume: it is normal
local A, B
A = coroutine.create(function()
  coroutine.resume(B)
  return "A done"
end)
B = coroutine.create(function()
  print("B resumes A:", coroutine.resume(A))
  print("B closes A:", pcall(coroutine.close, A))
  print("status A from B:", coroutine.status(A))
end)
print(coroutine.resume(A))
print(coroutine.status(A), coroutine.status(B))

-- resume returns false for errors, never raises them
for _, f in ipairs{function() error("e1") end, function() error({}) end, function() return nil + 1 end} do
  local r = table.pack(coroutine.resume(coroutine.create(f)))
  print(r.n, r[1], type(r[2]))
end
