-- arithmetic metamethods receive operands in source order
local log = {}
local function name(v) if type(v) == "table" then return v.tag or "table" else return tostring(v) end end
local mt = {}
for _, ev in ipairs({ "add", "sub", "mul", "div", "mod", "pow", "unm", "idiv",
                      "band", "bor", "bxor", "shl", "shr", "bnot", "concat" }) do
  mt["__" .. ev] = function(a, b)
    log[#log + 1] = ev .. "(" .. name(a) .. "," .. name(b) .. ")"
    return ev
  end
end
local t = setmetatable({ tag = "T" }, mt)
local u = setmetatable({ tag = "U" }, mt)
local r = {
  t + 1, 1 + t, t - 2, 2 - t, t * 3, 3 * t, t / 4, 4 / t, t % 5, 5 % t, t ^ 6, 2 ^ t,
  -t, t // 7, 7 // t, t & 1, 1 & t, t | 2, 2 | t, t ~ 3, 3 ~ t, t << 1, 1 << t,
  t >> 2, 2 >> t, ~t, t .. "s", "s" .. t, 1 .. t, t .. 2, t + u, u + t, t .. u,
  t + 1.5, 1.5 * t, "10" + t, t - "x", t & 1.5, 2.5 | t,
}
for i = 1, #log do print(i, log[i]) end
assert(#r == 39 and r[1] == "add" and r[12] == "pow")
-- unary metamethods get the operand twice
local seen
local m2 = setmetatable({}, { __unm = function(a, b) seen = rawequal(a, b); return "neg" end })
assert(-m2 == "neg" and seen)
-- when only the second operand has a metamethod, it is used
local only2 = setmetatable({ tag = "R" }, { __add = function(a, b) return "right:" .. name(a) .. "+" .. name(b) end })
print(5 + only2, only2 + 5, {} + only2)
-- when both have one, the first operand's wins
local A = setmetatable({}, { __mul = function() return "A" end })
local B = setmetatable({}, { __mul = function() return "B" end })
print(A * B, B * A)
-- results can be any value, including nil and multiple (truncated)
local weird = setmetatable({}, { __add = function() return nil, 2 end, __sub = function() return false end })
print(weird + 1, weird - 1)
