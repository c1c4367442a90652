-- debug.traceback of coroutines: suspended, dead by error, with messages
local function lvl3() coroutine.yield("deep") end
local function lvl2() lvl3() end
local function lvl1() lvl2() end
local co = coroutine.create(lvl1)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
print(debug.traceback(co, "msg", 1))
print(debug.traceback(co, "msg", 2))
print(debug.traceback(co, nil))
print(debug.traceback(co, 42))
print(type(debug.traceback(co, {})))
-- a new coroutine: empty traceback
local fresh = coroutine.create(function() end)
print(debug.traceback(fresh))
print(debug.traceback(fresh, "fresh"))
-- a dead coroutine (finished)
coroutine.resume(fresh)
print(debug.traceback(fresh, "finished"))
-- dead by error: the frames stay for the traceback
local function bad(x) return x.field end
local function caller() return bad(nil) + 1 end
co = coroutine.create(function() local r = caller(); return r end)
print(coroutine.resume(co))
print(debug.traceback(co))
print(debug.traceback(co, "after error"))
-- error thrown with error()
co = coroutine.create(function()
  local function thrower() error("thrown") end
  thrower()
end)
print(coroutine.resume(co))
print(debug.traceback(co, "tb"))
-- traceback from inside a coroutine of the running coroutine
co = coroutine.create(function()
  local function inner() return debug.traceback("inside") end
  return inner()
end)
print(coroutine.resume(co))
-- traceback of the main thread seen from a coroutine
local main = coroutine.running()
co = coroutine.wrap(function() return debug.traceback(main, "main from co") end)
print((co():gsub("\n[^\n]*%[C%]: in %?", "")))
-- debug.getinfo on a suspended coroutine
co = coroutine.create(function(a) local b = a * 2; coroutine.yield(); return b end)
coroutine.resume(co, 21)
local info = debug.getinfo(co, 1, "Sl")
print(info.short_src, info.currentline, info.what)
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.getinfo(co, 2, "S") and debug.getinfo(co, 2, "S").what)
