-- Exercises instruction variants the compiler produces: register vs constant
-- operands, immediate operands, comparison polarity, and so on.
local results = {}
local function rec(name, v) results[#results + 1] = name .. "=" .. tostring(v) end

-- SETTABUP / SETFIELD / SETI / SETTABLE with constant and register values
local r = "reg"
GA = 1          -- constant value
GB = r          -- register value
local t = {}
t.k1 = 2        -- SETFIELD constant
t.k2 = r        -- SETFIELD register
t[1] = 3        -- SETI constant
t[2] = r        -- SETI register
local key = "dyn"
t[key] = 4      -- SETTABLE constant
t[key .. 2] = r -- SETTABLE register
t[1.5] = true
rec("GA", GA); rec("GB", GB); rec("k1", t.k1); rec("k2", t.k2)
rec("t1", t[1]); rec("t2", t[2]); rec("dyn", t.dyn); rec("dyn2", t.dyn2); rec("t1.5", t[1.5])

-- SELF with constant and register key
local s = "abc"
rec("upper", s:upper())
local obj = { ["a very long method name that is still a constant"] = function(self) return self.v end, v = 9 }
rec("long", obj["a very long method name that is still a constant"](obj))

-- arithmetic with immediates and constants, both operand orders (MMBINI/MMBINK flip)
local x = 10
rec("addi", x + 1); rec("addi_flip", 1 + x); rec("subi", x - 1)
rec("addk", x + 2.5); rec("addk_flip", 2.5 + x)
rec("mulk", x * 3); rec("mulk_flip", 3 * x); rec("subk", x - 300000)
rec("modk", x % 3); rec("powk", x ^ 2); rec("divk", x / 4); rec("idivk", x // 3)
rec("bandk", x & 6); rec("bork", x | 5); rec("bxork", x ~ 3)
rec("bandk_flip", 6 & x); rec("bork_flip", 5 | x); rec("bxork_flip", 3 ~ x)
rec("shri", x >> 1); rec("shli", x << 2); rec("shli_flip", 1 << x); rec("shr_flip", 1024 >> x)
local y = 3
rec("add", x + y); rec("sub", x - y); rec("mul", x * y); rec("mod", x % y)
rec("pow", x ^ y); rec("div", x / y); rec("idiv", x // y)
rec("band", x & y); rec("bor", x | y); rec("bxor", x ~ y); rec("shl", x << y); rec("shr", x >> y)
rec("unm", -x); rec("bnot", ~x); rec("not", not x); rec("len", #s); rec("concat", s .. x .. y)

-- comparisons with every polarity, register/constant/immediate, int/float immediates
local function cmp(a, b)
  local o = {}
  if a == b then o[#o+1] = "eq" end
  if a ~= b then o[#o+1] = "ne" end
  if a < b then o[#o+1] = "lt" end
  if not (a < b) then o[#o+1] = "nlt" end
  if a <= b then o[#o+1] = "le" end
  if not (a <= b) then o[#o+1] = "nle" end
  return table.concat(o, ",")
end
rec("cmp12", cmp(1, 2)); rec("cmp22", cmp(2, 2)); rec("cmpba", cmp("b", "a"))
local function imm(a)
  local o = {}
  if a == 5 then o[#o+1] = "eq5" end
  if a ~= 5 then o[#o+1] = "ne5" end
  if a < 5 then o[#o+1] = "lt5" end
  if a <= 5 then o[#o+1] = "le5" end
  if a > 5 then o[#o+1] = "gt5" end
  if a >= 5 then o[#o+1] = "ge5" end
  if not (a < 5) then o[#o+1] = "nlt5" end
  if not (a <= 5) then o[#o+1] = "nle5" end
  if not (a > 5) then o[#o+1] = "ngt5" end
  if not (a >= 5) then o[#o+1] = "nge5" end
  if a == 2.0 then o[#o+1] = "eq2f" end
  if a ~= 2.0 then o[#o+1] = "ne2f" end
  if a < 3.0 then o[#o+1] = "lt3f" end
  if a <= 3.0 then o[#o+1] = "le3f" end
  if a > 3.0 then o[#o+1] = "gt3f" end
  if a >= 3.0 then o[#o+1] = "ge3f" end
  if not (a < 3.0) then o[#o+1] = "nlt3f" end
  if not (a > 3.0) then o[#o+1] = "ngt3f" end
  if a == "str" then o[#o+1] = "eqk" end
  if a ~= "str" then o[#o+1] = "nek" end
  if a == 1e100 then o[#o+1] = "eqbig" end
  return table.concat(o, ",")
end
rec("imm2", imm(2)); rec("imm5", imm(5)); rec("imm7", imm(7)); rec("immstr", imm(3.0))
-- comparisons as values
local b1, b2, b3, b4 = x == 10, x ~= 10, x < 3.5, x >= 3.5
rec("vals", tostring(b1) .. tostring(b2) .. tostring(b3) .. tostring(b4))

-- TEST / TESTSET polarity
local function tst(a, b)
  local o = {}
  if a then o[#o+1] = "a" end
  if not a then o[#o+1] = "na" end
  local c = a and b
  local d = a or b
  o[#o+1] = tostring(c) .. "/" .. tostring(d)
  return table.concat(o, " ")
end
rec("tst1", tst(1, 2)); rec("tst2", tst(false, 2)); rec("tst3", tst(nil, false))

-- LOADNIL, LOADTRUE, LOADFALSE, LFALSESKIP, LOADF, LOADI, LOADK
local n1, n2, n3
local bt, bf = true, false
local lf = 3.0
local li = -5
local lk = 2^40
local lfs = x > 5 and x < 20
rec("nils", tostring(n1) .. tostring(n2) .. tostring(n3)); rec("bt", bt); rec("bf", bf)
rec("lf", lf); rec("li", li); rec("lk", lk); rec("lfs", lfs)

-- upvalues: GETUPVAL / SETUPVAL, CLOSE of a block with captured locals
local up = 0
local function bump() up = up + 1; return up end
bump(); bump()
rec("up", up)
local fns = {}
for i = 1, 3 do
  local cap = i * 2
  fns[i] = function() return cap end
  if i == 2 then
    do
      local inner = i
      fns.inner = function() return inner end
    end
  end
end
rec("caps", fns[1]() + fns[2]() + fns[3]() + fns.inner())

-- RETURN / TAILCALL with and without closing upvalues, vararg functions
local function plain(a) return a, a end
local function closing(a) local c = a; local g = function() return c end; return g(), c end
local function tail_plain(a) return plain(a) end
local function tail_closing(a) local c = a; local g = function() return c end; return plain(g()) end
local function va_tail(...) return select("#", ...) end
local function va_ret(...) return ... end
local function ret0() end
local function ret1() return 1 end
rec("plain", select("#", plain(1))); rec("closing", select("#", closing(2)))
rec("tail_plain", tail_plain(3)); rec("tail_closing", tail_closing(4))
rec("va_tail", va_tail(1, 2, 3)); rec("va_ret", select("#", va_ret(1, nil, nil)))
rec("ret0", select("#", ret0())); rec("ret1", ret1())

-- generic for (TFORPREP/TFORCALL/TFORLOOP), numeric for (FORPREP/FORLOOP), VARARG
local sum = 0
for _, v in ipairs({1, 2, 3}) do sum = sum + v end
for i = 1, 3 do sum = sum + i end
for i = 1.0, 2.0, 0.5 do sum = sum + i end
rec("sum", sum)
local function pack(...) local tt = {...}; return #tt, ... end
rec("pack", (pack(7, 8, 9)))

-- GETTABLE/GETI/GETFIELD with register and constant keys
local g = { 10, 20, name = "n", [3.5] = "f" }
local idx = 2
rec("geti", g[1]); rec("gettable", g[idx]); rec("getfield", g.name); rec("getk", g[3.5])

-- a long jump distance and goto (JMP)
local j = 0
::again::
j = j + 1
if j < 3 then goto again end
rec("j", j)

table.sort(results)
for _, line in ipairs(results) do print(line) end
