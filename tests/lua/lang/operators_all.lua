-- every binary and unary operator with register, constant and immediate operands
local a, b, fa, fb, s = 17, 5, 17.5, 2.5, "12"
local r = {}
local function add(name, v) r[#r + 1] = name .. "=" .. (math.type(v) and math.type(v):sub(1, 1) or "") .. tostring(v) end
add("a+b", a + b); add("a+5", a + 5); add("5+a", 5 + a); add("a+500", a + 500); add("a+fb", a + fb); add("a+2.5", a + 2.5)
add("a-b", a - b); add("a-5", a - 5); add("5-a", 5 - a); add("a-fb", a - fb); add("a-0.5", a - 0.5)
add("a*b", a * b); add("a*5", a * 5); add("5*a", 5 * a); add("fa*b", fa * b); add("a*0.5", a * 0.5)
add("a/b", a / b); add("a/5", a / 5); add("5/a", 5 / a); add("fa/fb", fa / fb)
add("a%b", a % b); add("a%5", a % 5); add("-a%5", -a % 5); add("fa%b", fa % b); add("a%-5", a % -5)
add("a//b", a // b); add("a//5", a // 5); add("-a//5", -a // 5); add("fa//b", fa // b); add("a//0.5", a // 0.5)
add("a^b", a ^ b); add("a^2", a ^ 2); add("2^b", 2 ^ b); add("fb^2", fb ^ 2)
add("a&b", a & b); add("a&5", a & 5); add("a|b", a | b); add("a|5", a | 5); add("a~b", a ~ b); add("a~5", a ~ 5)
add("a<<b", a << b); add("a<<5", a << 5); add("5<<a", 5 << a); add("a>>1", a >> 1); add("a>>b", a >> b)
add("-a", -a); add("-fa", -fa); add("~a", ~a); add("#s", #s)
add("s+1", s + 1); add("s*fb", s * fb); add("s..a", s .. a); add("a..b", a .. b); add("fa..s", fa .. s)
add("a==b", a == b); add("a~=b", a ~= b); add("a<b", a < b); add("a<=b", a <= b); add("a>b", a > b); add("a>=b", a >= b)
add("a==17", a == 17); add("a<17", a < 17); add("a<=17", a <= 17); add("a>17.0", a > 17.0); add("a>=17.5", a >= 17.5)
add("fa==17.5", fa == 17.5); add("s=='12'", s == "12"); add("s<'2'", s < "2"); add("not a", not a); add("not nil", not nil)
add("a and b", a and b); add("nil or b", nil or b); add("false and x", false and x)
for i = 1, #r, 6 do print(table.concat(r, "  ", i, math.min(i + 5, #r))) end
