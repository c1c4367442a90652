-- warn: off by default, "@on"/"@off" control messages, several pieces,
-- errors; -W turns warnings on.  Warnings go to stderr, so each case runs
-- in a child of the same interpreter (arg[-1]) with stderr captured.
local interp = arg[-1]
local script = os.tmpname()

local function run(code, opts)
  local f = assert(io.open(script, "w"))
  f:write(code)
  f:close()
  local p = assert(io.popen(interp .. " " .. (opts or "") .. " " .. script .. " 2>&1"))
  local out = p:read("a")
  local ok, how, st = p:close()
  out = out:gsub(script:gsub("%p", "%%%0"), "SCRIPT"):gsub("^[^:\n]*lua5%.4: ", "LUA: "):gsub("^[^:\n]*lurel: ", "LUA: ")
  print(string.format("-- %s %s", opts or "", (code:gsub("\n", " "))))
  io.write(out)
  print(ok, how, st)
end

run("warn('not shown') print('done')")
run("warn('@on') warn('shown') warn('@off') warn('hidden') warn('@on') warn('again')")
run("warn('@on') warn('a', 'b', 'c') warn('') warn('x', '', 'y')")
run("warn('@on') warn('@unknown control') warn('after')")
run("warn('@on') warn('@off', 'more') warn('not off')")
run("warn('shown with -W')", "-W")
run("warn('@off') warn('hidden despite -W')", "-W")
run("warn('@on') io.write('out1 ') warn('w1') io.write('out2\\n') warn('w2')")
run("print(pcall(warn)) print(pcall(warn, 'a', {})) print(pcall(warn, 1)) print(pcall(warn, 'x', 2.5))")
run("warn('@on') warn(1, 2.5) warn('n', 3)")
run("print(pcall(warn, {})) print(pcall(warn, 'ok', nil))")
run("warn('@on') warn('\\0nul') print('end')")
-- a __gc error is a warning
run("warn('@on') setmetatable({}, {__gc = function() error('in gc') end}) collectgarbage() print('after gc')")
run("setmetatable({}, {__gc = function() error('silent') end}) collectgarbage() print('after gc, warnings off')")
run("warn('@on') setmetatable({}, {__gc = function() error({}) end}) collectgarbage() print('table error')")
os.remove(script)
