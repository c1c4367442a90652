local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
print(none())
print(one(), three())
print(three(), one())
print((three()))
print(three(), three())
local t = { three(), three() }
print(#t)
local a, b, c, d = three()
print(a, b, c, d)
a, b, c, d = one(), three()
print(a, b, c, d)
a, b, c, d = three(), nil
print(a, b, c, d)
local function pass(...) return ... end
print(pass(three()))
print(pass(three(), 10))
print(select("#", none()), select("#", (none())), select("#", pass()))
local function tail() return three() end
print(tail())
local function nottail() return (three()) end
print(nottail())
local function mixed() return 0, three() end
print(mixed())
print(string.format("%d %d %d", three()))
print(math.max(three()), math.min(three(), 0))
print(#{ none() }, ({ none(), 1 })[2], #{ (none()) })
print(type((none())))
