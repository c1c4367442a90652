-- The Lua 5.3 functions that lua5.4 keeps with LUA_COMPAT_MATHLIB (the
-- reference build has them): pow, frexp, ldexp, log10, cosh, sinh, tanh,
-- atan2.
local function p(f, ...) local args = table.pack(...) print(pcall(function() return f(table.unpack(args, 1, args.n)) end)) end
p(math.pow, 2, 10); p(math.pow, "x", "y"); p(math.pow, 2); p(math.pow, 2, 0.5)
p(math.frexp, 8); p(math.frexp, 0); p(math.frexp, -0.75); p(math.frexp, math.huge); p(math.frexp, 0/0); p(math.frexp, "x"); p(math.frexp, 5)
p(math.ldexp, 0.5, 4); p(math.ldexp, 1, 1.5); p(math.ldexp, "x", "y"); p(math.ldexp, 1, 2^40); p(math.ldexp, 1, -2^40); p(math.ldexp, 3, 2)
p(math.log10, 1000); p(math.log10, "x")
p(math.cosh, 1); p(math.sinh, 1); p(math.tanh, 1); p(math.cosh, 0)
p(math.atan2, 1, 2); p(math.atan, "x"); p(math.atan2, "x"); p(math.atan, 1, "x"); p(math.atan, "y", "x")
p(math.log, "x", "y"); p(math.ult, "x", "y"); p(math.random, "x", "y"); p(math.randomseed, "x", "y"); p(math.fmod, "x", "y")
print(math.atan2 == math.atan)
