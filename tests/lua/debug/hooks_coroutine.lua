-- Line hooks of a coroutine across yields: after the return hook of a
-- C function (here coroutine.yield) the next line is still reported; a
-- vararg chunk's first line is reported.
local co = coroutine.create(function (x)
  local a = 1
  coroutine.yield(1)
  coroutine.yield(2)
  a = a + 1
  coroutine.yield(3)
  return a
end)
local tr = {}
local foo = function (e, l) tr[#tr + 1] = e:sub(1, 1) .. tostring(l or "") end
debug.sethook(co, foo, "lcr")
for i = 1, 4 do coroutine.resume(co) end
print(table.concat(tr, " "))
local function test(s)
  local got = {}
  debug.sethook(function (_, l) got[#got + 1] = l end, "l")
  load(s)()
  debug.sethook()
  print(table.concat(got, ","))
end
test("a=1\nrepeat\n  a=a+1\nuntil a==3\n")
test("for i=1,4 do a=1 end")
test("local a\na=1\nwhile a<=3 do\n  a=a+1\nend\n")
test("for i,v in pairs{'a','b'} do\n  a=tostring(i) .. v\nend\n")
test("local t = {\n  1,\n  2,\n  math.abs(1),\n}")
test("local x = 0\nfor i = 1, 3 do\n  if i % 2 == 0 then\n    x = x + 1\n  elseif i == 3 then\n    x = x - 1\n  else\n    x = x * 2\n  end\nend\nreturn x")
-- call/return/line of a function yielding inside pcall
local co2 = coroutine.wrap(function ()
  local ok = pcall(function ()
    coroutine.yield("in")
  end)
  return ok
end)
local ev = {}
debug.sethook(function (e, l) ev[#ev + 1] = e:sub(1, 1) .. tostring(l or "") end, "lcr")
co2()
co2()
debug.sethook()
print(#ev > 0)
