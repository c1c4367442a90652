local inf = math.huge
print(inf, -inf, inf + 1, inf * 2, inf - 1e308, -inf * -1, 1 / inf, -1 / inf)
print(inf > math.maxinteger, -inf < math.mininteger, inf == inf, inf ~= -inf, inf // 1, inf % 1 ~= inf % 1)
print(math.floor(inf), math.ceil(-inf), math.tointeger(inf), math.abs(-inf), math.max(1, inf), math.min(-inf, 0))
print(math.fmod(1, inf), math.sqrt(inf), math.exp(inf), math.log(inf), math.atan(inf), math.atan(-inf))
local x = inf - inf
assert(x ~= x)
x = inf * 0
assert(x ~= x)
print(string.format("%.1f %e %g %5.2f", inf, -inf, inf, -inf))
print(tostring(inf), tostring(-inf), inf .. "", -inf .. "")
print(tonumber("inf"), tonumber("-inf"), tonumber("1e999"), tonumber("-1e999"), tonumber("nan"))
print(2^1024, -(2^1024), 10^308 * 10, 1e-400, -1e-400)
print(math.maxinteger + 0.0 == 2^63, math.maxinteger + 0.0 > math.maxinteger, -2^63 == math.mininteger)
