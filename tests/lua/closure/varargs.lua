local function count(...) return select("#", ...) end
assert(count() == 0 and count(nil) == 1 and count(1, nil) == 2 and count(nil, nil, nil) == 3)
local function pass(...) return ... end
assert(count(pass(1, nil, 3, nil)) == 4)
print(count(), count(nil), count(pass(1, nil, nil)))

-- select with positive and negative indices
print(select(1, "a", "b", "c"))
print(select(2, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(select("#"))
print(select("2", "x", "y"))
local ok, e = pcall(select, -4, "a", "b", "c")
print(ok, e)
ok, e = pcall(select, 0, "a")
print(ok, e)
ok, e = pcall(select, "x")
print(ok, e)

-- varargs in the middle are truncated, at the end expanded
local function three() return 1, 2, 3 end
local t = { three(), three() }
assert(#t == 4)
t = { three(), (three()) }
assert(#t == 2)
t = { (three()), three(), 10 }
assert(#t == 3 and t[3] == 10)
print(#{ three(), three() }, #{ three(), (three()) })

-- vararg functions with fixed parameters
local function fixed(a, b, ...)
  return a, b, select("#", ...), ...
end
print(fixed(1))
print(fixed(1, 2, 3, 4))
print(fixed(nil, nil, nil))

-- ... captured into a table inside a closure
local function bind(f, ...)
  local args = table.pack(...)
  return function(...)
    local all = { table.unpack(args, 1, args.n) }
    local more = table.pack(...)
    for i = 1, more.n do all[args.n + i] = more[i] end
    return f(table.unpack(all, 1, args.n + more.n))
  end
end
local add3 = bind(function(a, b, c) return a + b + c end, 1, 2)
assert(add3(3) == 6)
local cnt = bind(count, nil, nil)
assert(cnt(nil) == 3)
print(add3(10), cnt(), cnt(nil, nil))

-- ... in main-chunk-like loaded functions
local f = load("local a, b = ...; return b, a, select('#', ...)")
print(f(1, 2, 3))

-- many arguments
local many = {}
for i = 1, 200 do many[i] = i end
assert(count(table.unpack(many)) == 200)
assert(select(200, table.unpack(many)) == 200)
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
assert(sum(table.unpack(many)) == 20100)
print(sum(table.unpack(many)), math.max(table.unpack(many)))
