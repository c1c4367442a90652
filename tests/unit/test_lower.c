/* test_lower.c — the compiler: Lua 5.4 source lowered to Lurel opcodes,
 * line information, syntax-error messages, and the run-time results of
 * the lowered code. */
#include "helpers.h"
#include "corpus.h"
#include "../../vm/opcodes.h"
#include "../../vm/lbc.h"

static Proto *compile_ok(VM *vm, const char *src) {
  char *err = NULL;
  Proto *p = compiler_compile(vm, src, strlen(src), "=test", &err);
  cr_assert_not_null(p, "compile failed: %s", err ? err : "?");
  return p;
}

/* pc of the first instruction with opcode op at or after 'from' (skipping
 * second words), or -1 */
static int find_op(const Proto *p, OpCode op, int from) {
  for (int pc = 0; pc < p->sizecode; pc++) {
    OpCode o = GET_OP(p->code[pc]);
    if (pc >= from && o == op) return pc;
    if (op_words(o) == 2) pc++;
  }
  return -1;
}

static int count_op(const Proto *p, OpCode op, bool recursive) {
  int n = 0;
  for (int pc = 0; pc < p->sizecode; pc++) {
    OpCode o = GET_OP(p->code[pc]);
    if (o == op) n++;
    if (op_words(o) == 2) pc++;
  }
  if (recursive) for (int j = 0; j < p->sizep; j++) n += count_op(p->p[j], op, true);
  return n;
}

static bool has_op(const Proto *p, OpCode op) { return count_op(p, op, true) > 0; }

/* compile, check for op, free */
static void expect_op(const char *src, OpCode op) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, src);
  cr_assert(has_op(p, op), "'%s' does not contain %s", src, op_info[op].name);
  proto_decref(p);
  vm_free(vm);
}
static void expect_no_op(const char *src, OpCode op) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, src);
  cr_assert_not(has_op(p, op), "'%s' contains %s", src, op_info[op].name);
  proto_decref(p);
  vm_free(vm);
}

Test(lower, compiler_check_passes) {
  cr_assert_null(compiler_check());
}

/* ---- arithmetic specialisation ---- */

Test(lower, immediate_operands) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local a, b = ... ; return a + 1");
  int pc = find_op(p, OP_ADDI, 0);
  cr_assert_geq(pc, 0, "a + 1 is ADDI");
  cr_assert_eq(GET_sC(p->code[pc]), 1);
  cr_assert_eq(GET_B(p->code[pc]), 0, "operand a is register 0");
  proto_decref(p);

  p = compile_ok(vm, "local x = ... ; return x - 1");
  pc = find_op(p, OP_SUBI, 0);
  cr_assert_geq(pc, 0, "x - 1 is SUBI (not ADDI -1)");
  cr_assert_eq(GET_sC(p->code[pc]), 1);
  cr_assert_eq(find_op(p, OP_ADDI, 0), -1);
  proto_decref(p);

  p = compile_ok(vm, "local x = ... ; return 1 + x");
  pc = find_op(p, OP_ADDIF, 0);
  cr_assert_geq(pc, 0, "1 + x is ADDIF");
  cr_assert_eq(GET_sC(p->code[pc]), 1);
  proto_decref(p);

  p = compile_ok(vm, "local x = ... ; return x << 1");
  pc = find_op(p, OP_SHLI, 0);
  cr_assert_geq(pc, 0, "x << 1 is SHLI");
  cr_assert_eq(GET_sC(p->code[pc]), 1);
  proto_decref(p);

  p = compile_ok(vm, "local x = ... ; return 1 << x");
  pc = find_op(p, OP_SHLIF, 0);
  cr_assert_geq(pc, 0, "1 << x is SHLIF");
  cr_assert_eq(GET_sC(p->code[pc]), 1);
  proto_decref(p);

  p = compile_ok(vm, "local x = ... ; return x >> 3");
  pc = find_op(p, OP_SHRI, 0);
  cr_assert_geq(pc, 0, "x >> 3 is SHRI");
  cr_assert_eq(GET_sC(p->code[pc]), 3);
  proto_decref(p);

  p = compile_ok(vm, "local x = ... ; return x + -5");
  pc = find_op(p, OP_ADDI, 0);
  cr_assert_geq(pc, 0);
  cr_assert_eq(GET_sC(p->code[pc]), -5);
  proto_decref(p);
  vm_free(vm);
}

Test(lower, constant_operands) {
  expect_op("local x = ... return x + 1000", OP_ADDK);
  expect_op("local x = ... return 1000 + x", OP_ADDKF);
  expect_op("local x = ... return x - 1000", OP_SUBK);
  expect_op("local x = ... return x * 3", OP_MULK);
  expect_op("local x = ... return 3 * x", OP_MULKF);
  expect_op("local x = ... return x % 3", OP_MODK);
  expect_op("local x = ... return x ^ 2", OP_POWK);
  expect_op("local x = ... return x / 2", OP_DIVK);
  expect_op("local x = ... return x // 2", OP_IDIVK);
  expect_op("local x = ... return x & 3", OP_BANDK);
  expect_op("local x = ... return 3 & x", OP_BANDKF);
  expect_op("local x = ... return x | 3", OP_BORK);
  expect_op("local x = ... return 3 | x", OP_BORKF);
  expect_op("local x = ... return x ~ 3", OP_BXORK);
  expect_op("local x = ... return 3 ~ x", OP_BXORKF);
  expect_op("local x, y = ... return x - y", OP_SUB);
  expect_op("local x, y = ... return x << y", OP_SHL);
  expect_no_op("local x = ... return x - 1", OP_ADDI);
}

Test(lower, specialised_arith_computes_the_same) {
  TEnv e = th_env(0);
  static const char *src =
    "local x, f = 5, 2.5\n"
    "return x - 1, 1 - x, x << 1, 1 << x, x + 1, 1 + x, x >> 1, f - 1, 1 + f, x * 3, 3 * x, x // 2, 7 // x, x - 1000, 1000 + x, x & 4, 6 | x\n";
  static const lu_Int expect_i[] = { 4, -4, 10, 32, 6, 6, 2 };
  char msg[200];
  cr_assert_eq(th_run(e.P, src, msg, sizeof msg), LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  cr_assert_eq(e.L->top - r, 17);
  for (int j = 0; j < 7; j++) cr_assert(val_isint(&r[j]) && val_int(&r[j]) == expect_i[j], "result %d", j + 1);
  cr_assert(val_isflt(&r[7]) && val_flt(&r[7]) == 1.5);
  cr_assert(val_isflt(&r[8]) && val_flt(&r[8]) == 3.5);
  static const lu_Int rest[] = { 15, 15, 2, 1, -995, 1005, 4, 7 };
  for (int j = 0; j < 8; j++) cr_assert(val_isint(&r[9 + j]) && val_int(&r[9 + j]) == rest[j], "result %d", 10 + j);
  th_free(&e);
}

Test(lower, arith_error_names_the_operand_order) {
  /* the flipped variants must keep Lua's operand order for messages and
   * metamethods: 1 - t and t - 1 both blame the table */
  TEnv e = th_env(0);
  char msg[200];
  cr_assert_eq(th_run(e.P, "local t = {} return 1 + t", msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "test:1: attempt to perform arithmetic on a table value (local 't')");
  cr_assert_eq(th_run(e.P, "local s = 'x' return s << 1", msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "test:1: attempt to perform bitwise operation on a string value (local 's')");
  cr_assert_eq(th_run(e.P, "local t = {} return 2 // t", msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "test:1: attempt to perform arithmetic on a table value (local 't')");
  th_free(&e);
}

/* ---- control flow ---- */

/* Jump targets of the instruction at pc (up to 2), -1 when none. */
static int jump_target(const Proto *p, int pc) {
  Instr i = p->code[pc];
  OpCode op = GET_OP(i);
  switch (op) {
    case OP_JMP: case OP_LOOP: return pc + 1 + GET_sJ(i);
    case OP_FORPREP: return pc + 2 + GET_Bx(i);
    case OP_FORLOOP: case OP_TFORLOOP: return pc + 1 - GET_Bx(i);
    case OP_TFORPREP: return pc + 1 + GET_Bx(i);
    case OP_LFALSESKIP: return pc + 2;
    default:
      if (op_info[op].flags & OPF_JW) return pc + 2 + GET_sJ(p->code[pc + 1]);
      return -1;
  }
}

static void check_structure(const Proto *p) {
  int n = p->sizecode;
  uint8_t *second = calloc((size_t)n + 1, 1);
  for (int pc = 0; pc < n; pc++) {
    OpCode op = GET_OP(p->code[pc]);
    cr_assert_lt(op, NUM_OPCODES);
    if (op_words(op) == 2) { cr_assert_lt(pc + 1, n); second[pc + 1] = 1; pc++; }
  }
  for (int pc = 0; pc < n; pc++) {
    if (second[pc]) continue;
    Instr i = p->code[pc];
    OpCode op = GET_OP(i);
    if (op_info[op].flags & OPF_JW)
      cr_assert_eq(GET_OP(p->code[pc + 1]), OP_JMP, "%s at %d is not followed by a jump word", op_info[op].name, pc + 1);
    if (op == OP_JMP) cr_assert_geq(GET_sJ(i), 0, "backward JMP at %d: must be LOOP", pc + 1);
    if (op == OP_LOOP) cr_assert_lt(GET_sJ(i), 0, "forward LOOP at %d", pc + 1);
    int t = jump_target(p, pc);
    if (t >= 0) {
      cr_assert_lt(t, n, "jump out of the function at %d", pc + 1);
      cr_assert_not(second[t], "%s at %d jumps into a second word (%d)", op_info[op].name, pc + 1, t + 1);
    }
  }
  free(second);
  for (int j = 0; j < p->sizep; j++) check_structure(p->p[j]);
}

Test(lower, fused_compares_and_jump_targets) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local a, b = ... if a < b then return 1 end return 2");
  int pc = find_op(p, OP_LT, 0);
  cr_assert_geq(pc, 0, "a < b is LT");
  cr_assert_eq(GET_OP(p->code[pc + 1]), OP_JMP, "LT is followed by its jump word");
  check_structure(p);
  proto_decref(p);
  for (int c = 0; c < CORPUS_N; c++) {
    p = compile_ok(vm, corpus[c].src);
    check_structure(p);
    proto_decref(p);
  }
  vm_free(vm);
}

Test(lower, compare_variants) {
  expect_op("local a, b = ... if a <= b then return 1 end", OP_LE);
  expect_op("local a, b = ... if a == b then return 1 end", OP_EQ);
  expect_op("local a = ... if a == 'k' then return 1 end", OP_EQK);
  expect_op("local a = ... if a == 3 then return 1 end", OP_EQI);
  expect_op("local a = ... if a < 3 then return 1 end", OP_LTI);
  expect_op("local a = ... if a <= 3 then return 1 end", OP_LEI);
  expect_op("local a = ... if a > 3 then return 1 end", OP_GTI);
  expect_op("local a = ... if a >= 3 then return 1 end", OP_GEI);
  expect_op("local a = ... if a then return 1 end", OP_TEST);
  expect_op("local a, b = ... local c = a or b return c", OP_TESTSET);
  /* a float immediate keeps its float-ness (isf) for metamethods */
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local a = ... if a < 3.0 then return 1 end");
  int pc = find_op(p, OP_LTI, 0);
  cr_assert_geq(pc, 0);
  cr_assert_eq(GET_isf(p->code[pc]), 1);
  proto_decref(p);
  p = compile_ok(vm, "local a = ... if a < 3 then return 1 end");
  pc = find_op(p, OP_LTI, 0);
  cr_assert_eq(GET_isf(p->code[pc]), 0);
  proto_decref(p);
  vm_free(vm);
}

Test(lower, backward_jumps_are_loops) {
  expect_op("local a = ... while a do a = a - 1 end", OP_LOOP);
  expect_op("local a = ... ::top:: a = a + 1 if a < 10 then goto top end", OP_LOOP);
  expect_op("for i = 1, 10 do end", OP_FORLOOP);
  expect_op("for k, v in next, {} do end", OP_TFORLOOP);
  /* no JMP goes backwards anywhere in the corpus */
  VM *vm = vm_new();
  for (int c = 0; c < CORPUS_N; c++) {
    Proto *p = compile_ok(vm, corpus[c].src);
    check_structure(p);
    proto_decref(p);
  }
  /* a while loop: the LOOP jumps back to the test */
  Proto *p = compile_ok(vm, "local a = ... while a do a = a - 1 end");
  int lp = find_op(p, OP_LOOP, 0), tp = find_op(p, OP_TEST, 0);
  cr_assert_geq(lp, 0);
  cr_assert_eq(lp + 1 + GET_sJ(p->code[lp]), tp, "LOOP goes back to the TEST");
  proto_decref(p);
  vm_free(vm);
}

/* ---- tables ---- */

Test(lower, newtable_data_word) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local t = {1, 2, 3, 4, 5} return t");
  int pc = find_op(p, OP_NEWTABLE, 0);
  cr_assert_geq(pc, 0);
  cr_assert_eq(p->code[pc + 1], 5, "array size in the data word");
  cr_assert_eq(GET_B(p->code[pc]), 0, "no hash part");
  int sl = find_op(p, OP_SETLIST, 0);
  cr_assert_geq(sl, 0);
  cr_assert_eq(GET_B(p->code[sl]), 5);
  cr_assert_eq(p->code[sl + 1], 0, "SETLIST starts at 0");
  proto_decref(p);

  p = compile_ok(vm, "local t = {x = 1, y = 2, z = 3} return t");
  pc = find_op(p, OP_NEWTABLE, 0);
  cr_assert_eq(p->code[pc + 1], 0);
  cr_assert_gt(GET_B(p->code[pc]), 0, "a hash part is asked for");
  cr_assert_geq(1u << (GET_B(p->code[pc]) - 1), 3);
  proto_decref(p);

  /* a big constructor: sizes beyond 8 bits (Lua's EXTRAARG) */
  char *src = malloc(20000);
  strcpy(src, "local t = {");
  for (int j = 1; j <= 1000; j++) sprintf(src + strlen(src), "%d,", j);
  strcat(src, "} return t");
  p = compile_ok(vm, src);
  pc = find_op(p, OP_NEWTABLE, 0);
  cr_assert_eq(p->code[pc + 1], 1000, "array size %u", p->code[pc + 1]);
  int nset = 0;
  for (int at = find_op(p, OP_SETLIST, 0); at >= 0; at = find_op(p, OP_SETLIST, at + 1)) {
    cr_assert_eq(p->code[at + 1], (Instr)(nset * 50), "SETLIST %d starts at %u", nset, p->code[at + 1]);
    nset++;
  }
  cr_assert_eq(nset, 20);
  proto_decref(p);
  /* and it runs */
  TEnv e = th_env(0);
  strcpy(src, "local t = {");
  for (int j = 1; j <= 1000; j++) sprintf(src + strlen(src), "%d,", j);
  strcat(src, "} return #t, t[1], t[1000], t[777]");
  char msg[200];
  cr_assert_eq(th_run(e.P, src, msg, sizeof msg), LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  cr_assert_eq(val_int(&r[0]), 1000);
  cr_assert_eq(val_int(&r[1]), 1);
  cr_assert_eq(val_int(&r[2]), 1000);
  cr_assert_eq(val_int(&r[3]), 777);
  th_free(&e);
  free(src);
  vm_free(vm);
}

Test(lower, table_access_variants) {
  expect_op("local t = {} t.x = 1", OP_SETFIELDK);
  expect_op("local t, y = {}, ... t.x = y", OP_SETFIELD);
  expect_no_op("local t, y = {}, ... t.x = y", OP_SETFIELDK);
  expect_op("local t = {} t[1] = 2", OP_SETIK);
  expect_op("local t, v = {}, ... t[1] = v", OP_SETI);
  expect_op("local t, k = {}, ... t[k] = 1", OP_SETTABLEK);
  expect_op("local t, k, v = {}, ... t[k] = v", OP_SETTABLE);
  expect_op("g = 1", OP_SETTABUPK);
  expect_op("local v = ... g = v", OP_SETTABUP);
  expect_op("return g", OP_GETTABUP);
  expect_op("local t = ... return t.x", OP_GETFIELD);
  expect_op("local t = ... return t[1]", OP_GETI);
  expect_op("local t, k = ... return t[k]", OP_GETTABLE);
  expect_op("local o = ... return o:m()", OP_SELFK);
  expect_op("local o = ... return #o", OP_LEN);
  expect_op("local a, b = ... return a .. b", OP_CONCAT);
}

Test(lower, setfieldk_constants) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local t = {} t.x = 1");
  int pc = find_op(p, OP_SETFIELDK, 0);
  cr_assert_geq(pc, 0);
  Instr i = p->code[pc];
  cr_assert(val_isstr(&p->k[GET_B(i)]));
  cr_assert_str_eq(str_data(val_str(&p->k[GET_B(i)])), "x");
  cr_assert(val_isint(&p->k[GET_C(i)]) && val_int(&p->k[GET_C(i)]) == 1);
  cr_assert(val_str(&p->k[GET_B(i)])->marked & GC_SHARED, "constant strings are atoms");
  proto_decref(p);
  vm_free(vm);
}

/* ---- constants beyond the operand range ---- */

Test(lower, large_immediates_become_constants) {
  VM *vm = vm_new();
  /* Lua's LOADI takes 17 bits, Lurel's 16: 50000 needs a constant */
  Proto *p = compile_ok(vm, "local x = 50000 local y = 50000.0 local z = 30000 return x, y, z");
  int pc = find_op(p, OP_LOADK, 0);
  cr_assert_geq(pc, 0, "50000 is a LOADK");
  Value *k = &p->k[GET_Bx(p->code[pc])];
  cr_assert(val_isint(k) && val_int(k) == 50000);
  pc = find_op(p, OP_LOADK, pc + 1);
  cr_assert_geq(pc, 0, "50000.0 is a LOADK");
  k = &p->k[GET_Bx(p->code[pc])];
  cr_assert(val_isflt(k) && val_flt(k) == 50000.0);
  pc = find_op(p, OP_LOADI, 0);
  cr_assert_geq(pc, 0, "30000 fits LOADI");
  cr_assert_eq(GET_sBx(p->code[pc]), 30000);
  proto_decref(p);
  TEnv e = th_env(0);
  char msg[200];
  cr_assert_eq(th_run(e.P, "local x = 50000 local y = -50000.0 local z = -32767 return x, y, z", msg, sizeof msg), LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  cr_assert(val_isint(&r[0]) && val_int(&r[0]) == 50000);
  cr_assert(val_isflt(&r[1]) && val_flt(&r[1]) == -50000.0);
  cr_assert(val_isint(&r[2]) && val_int(&r[2]) == -32767);
  th_free(&e);
  vm_free(vm);
}

Test(lower, more_than_65536_constants_use_loadkx, .timeout = 120) {
  /* Lua addresses 2^17 constants with LOADK; Lurel's Bx has 16 bits */
  enum { NK = 70000 };
  char *src = malloc((size_t)NK * 24 + 100);
  char *w = src;
  w += sprintf(w, "local x\n");
  for (int j = 0; j < NK; j++) w += sprintf(w, "x = %d.5\n", j);
  sprintf(w, "return x\n");
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, src);
  cr_assert_geq(p->sizek, NK);
  int nkx = count_op(p, OP_LOADKX, false);
  cr_assert_gt(nkx, 0, "constants past 65535 need LOADKX");
  int pc = find_op(p, OP_LOADKX, 0);
  cr_assert_gt(p->code[pc + 1], (Instr)MAXARG_Bx);
  char verr[200];
  cr_assert_null(lbc_verify(p, verr, sizeof verr), "%s", verr);
  proto_decref(p);
  TEnv e = th_env(0);
  char msg[200];
  cr_assert_eq(th_run(e.P, src, msg, sizeof msg), LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  cr_assert(val_isflt(r) && val_flt(r) == NK - 1 + 0.5);
  th_free(&e);
  vm_free(vm);
  free(src);
}

/* ---- line information ---- */

Test(lower, line_info_matches_the_source) {
  VM *vm = vm_new();
  static const char *src =
    "local a = 1\n"              /* 1 */
    "local t = {}\n"             /* 2 */
    "\n"                         /* 3 */
    "t.x = a\n"                  /* 4 */
    "local function f(y)\n"      /* 5 */
    "  local z = y * 2\n"        /* 6 */
    "\n"                         /* 7 */
    "  return z\n"               /* 8 */
    "end\n"                      /* 9 */
    "-- comment\n"               /* 10 */
    "return (f(a))\n";           /* 11 */
  Proto *p = compile_ok(vm, src);
  cr_assert_not_null(p->lineinfo);
  struct { OpCode op; int line; } want[] = {
    { OP_LOADI, 1 }, { OP_NEWTABLE, 2 }, { OP_SETFIELD, 4 }, { OP_CLOSURE, 9 }, { OP_CALL, 11 },
  };
  for (size_t j = 0; j < sizeof want / sizeof want[0]; j++) {
    int pc = find_op(p, want[j].op, 0);
    cr_assert_geq(pc, 0, "%s missing", op_info[want[j].op].name);
    cr_assert_eq(p->lineinfo[pc], want[j].line, "%s on line %d, expected %d",
                 op_info[want[j].op].name, p->lineinfo[pc], want[j].line);
  }
  /* the data word of NEWTABLE carries the same line */
  int nt = find_op(p, OP_NEWTABLE, 0);
  cr_assert_eq(p->lineinfo[nt + 1], 2);
  cr_assert_eq(p->linedefined, 0);
  cr_assert_eq(p->sizep, 1);
  Proto *f = p->p[0];
  cr_assert_eq(f->linedefined, 5);
  cr_assert_eq(f->lastlinedefined, 9);
  cr_assert_eq(f->numparams, 1);
  int mk = find_op(f, OP_MULK, 0);
  cr_assert_geq(mk, 0);
  cr_assert_eq(f->lineinfo[mk], 6);
  int rt = find_op(f, OP_RETURN1, 0);
  if (rt < 0) rt = find_op(f, OP_RETURN, 0);
  cr_assert_eq(f->lineinfo[rt], 8);
  /* every line is within the function's range */
  for (int pc = 0; pc < f->sizecode; pc++) {
    cr_assert_geq(f->lineinfo[pc], 5);
    cr_assert_leq(f->lineinfo[pc], 9);
  }
  proto_decref(p);
  vm_free(vm);
}

Test(lower, runtime_errors_report_the_right_line) {
  TEnv e = th_env(0);
  char msg[200];
  int st = th_run(e.P, "local a = 1\nlocal b\n\nlocal c = a + b\nreturn c", msg, sizeof msg);
  cr_assert_eq(st, LU_ERRRUN);
  cr_assert_str_eq(msg, "test:4: attempt to perform arithmetic on a nil value (local 'b')");
  st = th_run(e.P, "local t = {}\n\nreturn t.x.y", msg, sizeof msg);
  cr_assert_eq(st, LU_ERRRUN);
  cr_assert_str_eq(msg, "test:3: attempt to index a nil value (field 'x')");
  st = th_run(e.P, "local function f()\n  return nothing_here()\nend\nreturn f()", msg, sizeof msg);
  cr_assert_eq(st, LU_ERRRUN);
  cr_assert_str_eq(msg, "test:2: attempt to call a nil value (global 'nothing_here')");
  th_free(&e);
}

/* ---- syntax errors: lua5.4's messages, byte for byte ---- */

Test(lower, syntax_errors_match_lua54) {
  static const struct { const char *src, *chunk, *msg; } cases[] = {
    { "x = ", "x = ", "[string \"x = \"]:1: unexpected symbol near <eof>" },
    { "x = ", "=test", "test:1: unexpected symbol near <eof>" },
    { "local 1 = 2", "=test", "test:1: <name> expected near '1'" },
    { "for i = 1 do end", "=test", "test:1: ',' expected near 'do'" },
    { "if x then", "@file.lua", "file.lua:1: 'end' expected near <eof>" },
    { "return 'abc", "=test", "test:1: unfinished string near <eof>" },
    { "x = = 1", "=test", "test:1: unexpected symbol near '='" },
    { "f(", "=t", "t:1: unexpected symbol near <eof>" },
    { "goto nowhere", "=t", "t:1: no visible label 'nowhere' for <goto> at line 1" },
    { "local x <const> = 1; x = 2", "=t", "t:1: attempt to assign to const variable 'x'" },
    { "break", "=t", "t:1: break outside loop at line 1" },
    { "a\n\n\n  b c", "=t", "t:4: syntax error near 'b'" },
    { "x = 0x", "=t", "t:1: malformed number near '0x'" },
    { "x = [[abc", "=t", "t:1: unfinished long string (starting at line 1) near <eof>" },
    { "local t = {} t.x.y = = 1",
      "a rather long chunk name that is more than sixty characters for sure, really",
      "[string \"a rather long chunk name that is more than si...\"]:1: unexpected symbol near '='" },
  };
  VM *vm = vm_new();
  for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++) {
    char *err = NULL;
    Proto *p = compiler_compile(vm, cases[j].src, strlen(cases[j].src), cases[j].chunk, &err);
    cr_assert_null(p, "case %zu compiled", j);
    cr_assert_not_null(err);
    cr_assert_str_eq(err, cases[j].msg, "case %zu", j);
    free(err);
  }
  vm_free(vm);
}

/* ---- the corpus: verified and run ---- */

Test(lower, compiler_output_passes_the_verifier) {
  VM *vm = vm_new();
  for (int c = 0; c < CORPUS_N; c++) {
    Proto *p = compile_ok(vm, corpus[c].src);
    char verr[200];
    const char *r = lbc_verify(p, verr, sizeof verr);
    cr_expect_null(r, "%s: %s", corpus[c].name, verr);
    proto_decref(p);
  }
  vm_free(vm);
}

Test(lower, corpus_runs_like_lua54) {
  for (int c = 0; c < CORPUS_N; c++) {
    TEnv e = th_env(0);
    char msg[300];
    int st = th_run(e.P, corpus[c].src, msg, sizeof msg);
    const char *x = corpus[c].expect;
    if (x[0] == 'E' && x[1] == ':') {
      cr_expect_eq(st, LU_ERRRUN, "%s: status %d", corpus[c].name, st);
      cr_expect_str_eq(msg, x + 2, "%s", corpus[c].name);
    } else {
      cr_expect_eq(st, LU_OK, "%s: %s", corpus[c].name, msg);
      if (st == LU_OK) {
        Value *r = th_results(e.P);
        cr_expect(val_isint(r) && val_int(r) == strtoll(x, NULL, 10),
                  "%s: got tag %d value %lld, expected %s", corpus[c].name, r->tt,
                  (long long)(val_isint(r) ? val_int(r) : -1), x);
      }
    }
    th_free(&e);
  }
}
