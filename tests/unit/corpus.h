/*
 * corpus.h — small Lua programs exercising most of the instruction set,
 * shared by the lowering and bytecode-file tests.  They use no library
 * (only what the base library gives when it is opened, and only where a
 * comment says so) and each returns a value the tests can check.
 */
#ifndef LU_TEST_CORPUS_H
#define LU_TEST_CORPUS_H

typedef struct { const char *name; const char *src; const char *expect; } CorpusProg;

/* expect: the first result (an integer, in decimal), or "E:" and the
 * error message lua5.4 gives for chunkname "=test" */
static const CorpusProg corpus[] = {
  { "arith",
    "local a, b = 7, 3\n"
    "local r = a + b + a - b + a * b + a % b + a // b + (a & b) + (a | b) + (a ~ b)\n"
    "r = r + (a << 2) + (a >> 1) + (1 << b) + (1 + a) + (a - 1) + (-a) + (~a)\n"
    "r = r + math_floor_free(a / b * 3)\n"
    "return r\n",
    "E:test:4: attempt to call a nil value (global 'math_floor_free')" },
  { "floats",
    "local x = 2.5\n"
    "local y = x * 2 + 1.5 - x / 2\n"
    "if y > 1.0 and x <= 2.5 and x >= 2 and x ~= 3 and x == 2.5 then return 1 end\n"
    "return 0\n",
    "1" },
  { "loops",
    "local s = 0\n"
    "for i = 1, 100 do s = s + i end\n"
    "for i = 10, 1, -2 do s = s + i end\n"
    "for i = 1.0, 2.0, 0.5 do s = s + 1 end\n"
    "local n = 0\n"
    "while n < 10 do n = n + 1 end\n"
    "repeat n = n - 3 until n < 0\n"
    "return s + n\n",
    "5081" },
  { "tables",
    "local t = { 10, 20, 30, x = 1, y = 2, [100] = 'h' }\n"
    "t.z = t.x + t.y\n"
    "t[4] = 40\n"
    "local k = 'x'\n"
    "t[k] = t[k] + 1\n"
    "local big = {}\n"
    "for i = 1, 300 do big[i] = i end\n"
    "return #t + t.x + t.z + #big + t[2]\n",
    "329" },
  { "closures",
    "local function counter()\n"
    "  local c = 0\n"
    "  return function() c = c + 1; return c end\n"
    "end\n"
    "local f, g = counter(), counter()\n"
    "f(); f(); g()\n"
    "local fs = {}\n"
    "for i = 1, 5 do fs[i] = function() return i end end\n"
    "return f() * 100 + g() * 10 + fs[3]()\n",
    "323" },
  { "varargs",
    "local function sum(...)\n"
    "  local s = 0\n"
    "  local t = { ... }\n"
    "  for i = 1, #t do s = s + t[i] end\n"
    "  return s, select_free(...)\n"
    "end\n"
    "local function pass(...) return ... end\n"
    "local function count(...) local t = {...} return #t end\n"
    "return sum(1, 2, 3, 4) + count(pass(1, 2, 3))\n",
    "E:test:5: attempt to call a nil value (global 'select_free')" },
  { "tailcalls",
    "local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end\n"
    "return loop(10000, 0)\n",
    "50005000" },
  { "strings",
    "local s = 'abc' .. 'def' .. 1 .. 2.5\n"
    "local l = 'a very long string, longer than forty bytes, for sure it is'\n"
    "if s == 'abcdef12.5' and #l > 40 and 'a' < 'b' and l ~= s then return #s end\n"
    "return -1\n",
    "10" },
  { "logic",
    "local a, b, c = nil, false, 3\n"
    "local x = a or b or c\n"
    "local y = c and a\n"
    "local z = not a and (c > 2)\n"
    "if x == 3 and y == nil and z then return 1 else return 0 end\n",
    "1" },
  { "methods",
    "local obj = { v = 5 }\n"
    "function obj:get() return self.v end\n"
    "function obj.set(self, v) self.v = v end\n"
    "obj:set(9)\n"
    "local k = 'get'\n"
    "return obj:get() + obj[k](obj)\n",
    "18" },
  { "goto",
    "local i, s = 0, 0\n"
    "::top::\n"
    "i = i + 1\n"
    "if i % 2 == 0 then goto continue end\n"
    "s = s + i\n"
    "::continue::\n"
    "if i < 10 then goto top end\n"
    "return s\n",
    "25" },
  { "nested",
    "local function outer(a)\n"
    "  local function mid(b)\n"
    "    local function inner(c) return a + b + c end\n"
    "    return inner\n"
    "  end\n"
    "  return mid\n"
    "end\n"
    "return outer(1)(2)(3)\n",
    "6" },
  { "tbc",
    "local log = 0\n"
    "do\n"
    "  local x <close> = setmetatable_free\n"
    "  local y <const> = 5\n"
    "  log = log + y\n"
    "end\n"
    "return log\n",
    "5" },
  { "generic_for",
    "local function iter(t, i) i = i + 1; if t[i] then return i, t[i] end end\n"
    "local s = 0\n"
    "for i, v in iter, { 5, 6, 7 }, 0 do s = s + i * v end\n"
    "return s\n",
    "38" },
  { "compare_consts",
    "local x = 5\n"
    "local r = 0\n"
    "if x == 5 then r = r + 1 end\n"
    "if x ~= 'str' then r = r + 2 end\n"
    "if x < 10 then r = r + 4 end\n"
    "if x <= 5 then r = r + 8 end\n"
    "if x > 1 then r = r + 16 end\n"
    "if x >= 5 then r = r + 32 end\n"
    "if 1 < x then r = r + 64 end\n"
    "if x == 5.0 then r = r + 128 end\n"
    "if x < 5.5 then r = r + 256 end\n"
    "return r\n",
    "511" },
  { "multiple_assign",
    "local a, b, c = 1, 2\n"
    "a, b = b, a\n"
    "local t = {}\n"
    "t.x, t.y, t[1] = a, b, c\n"
    "return (t.x * 10 + t.y) + (t[1] == nil and 100 or 0)\n",
    "121" },
  { "deep_expr",
    "local a = 1\n"
    "local r = ((((a + 1) * 2 - 3) // 1) % 7 + ((a << 3) >> 1)) ~ 0xF\n"
    "return r\n",
    "10" },
  { "integer_edges",
    "local m = 0x7fffffffffffffff\n"
    "local n = m + 1\n"
    "if n == -0x8000000000000000 and m // -1 == -m and 7 // 0.0 > 1e308 then return 1 end\n"
    "return 0\n",
    "1" },
  { "big_constructor",
    "local t = {" "1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,"
    "1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10" "}\n"
    "local u = { f_free() }\n"
    "return #t\n",
    "E:test:2: attempt to call a nil value (global 'f_free')" },
};

#define CORPUS_N ((int)(sizeof corpus / sizeof corpus[0]))

#endif
