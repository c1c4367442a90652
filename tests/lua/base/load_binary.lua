-- Binary chunks: string.dump and load, and the messages for refused ones
-- (lua5.4's "NAME: bad binary format (WHY)").
local function f() local x = nil; return x.y end
local g = load(string.dump(f))
print(pcall(g))
print(debug.getinfo(g, "S").source, debug.getinfo(g, "S").short_src, debug.getinfo(g, "S").linedefined)
local g2 = load(string.dump(f, true))
print(pcall(g2))
print(debug.getinfo(g2, "S").source, debug.getinfo(g2, "S").linedefined, debug.getinfo(g2, "l").currentline)
local g3 = load(string.dump(f), "=named")
print(pcall(g3))
print(pcall(string.dump, print))
print(pcall(string.dump))
print(pcall(string.dump, coroutine.wrap(f)))
local d = string.dump(load("return 1"))
local fails = 0
for i = 1, #d - 1 do local ok, e = load(d:sub(1, i)) if ok then print("loaded at", i) else fails = fails + 1 end end
print(fails == #d - 1)
print(load(d:sub(1, 3)))
print(load(d:sub(1, 10)))
print(load("\27abc"))
print(type(load(d .. "extra")))
print(load(d, "=x", "t"))
print(load(d:sub(1, 10), "@file"))
