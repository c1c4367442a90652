/* test_lbc.c — bytecode files: dump/undump round trips, hand-crafted bad
 * files refused by the verifier, and a mutation fuzzer that runs whatever
 * the loader accepts (the verifier must protect the VM). */
#include <time.h>
#include "helpers.h"
#include "corpus.h"
#include "../../vm/lbc.h"
#include "../../vm/opcodes.h"

/* ---------------------------------------------------------------- buffers */

typedef struct { char *b; size_t n, cap; } Buf;

static int bufwriter(const void *p, size_t sz, void *ud) {
  Buf *w = ud;
  if (w->n + sz > w->cap) {
    size_t nc = w->cap ? w->cap * 2 : 1024;
    while (nc < w->n + sz) nc *= 2;
    w->b = realloc(w->b, nc);
    w->cap = nc;
  }
  memcpy(w->b + w->n, p, sz);
  w->n += sz;
  return 0;
}

static Buf dump(const Proto *p, int strip) {
  Buf b = { NULL, 0, 0 };
  cr_assert_eq(lbc_dump(p, bufwriter, &b, strip), 0, "lbc_dump failed");
  return b;
}

static Proto *compile_ok(VM *vm, const char *src) {
  char *err = NULL;
  Proto *p = compiler_compile(vm, src, strlen(src), "=test", &err);
  cr_assert_not_null(p, "compile failed: %s", err ? err : "?");
  return p;
}

/* ------------------------------------------------------------ comparison */

static bool kequal(const Value *a, const Value *b) {
  if (a->tt != b->tt) return false;
  switch (a->tt) {
    case T_NIL: case T_FALSE: case T_TRUE: return true;
    case T_INT: return val_int(a) == val_int(b);
    case T_FLT: return memcmp(&a->v.n, &b->v.n, sizeof(double)) == 0;   /* bit-exact */
    case T_STR: return str_eq(val_str(a), val_str(b));
    default: return false;
  }
}

static bool strequal(const String *a, const String *b) {
  if (a == NULL || b == NULL) return a == b;
  return str_eq(a, b);
}

static void same_proto(const Proto *a, const Proto *b, bool stripped, const char *where) {
  cr_assert_eq(a->sizecode, b->sizecode, "%s: sizecode", where);
  cr_assert_eq(memcmp(a->code, b->code, (size_t)a->sizecode * sizeof(Instr)), 0, "%s: code", where);
  cr_assert_eq(a->sizek, b->sizek, "%s: sizek", where);
  for (int j = 0; j < a->sizek; j++) cr_assert(kequal(&a->k[j], &b->k[j]), "%s: constant %d", where, j);
  cr_assert_eq(a->numparams, b->numparams, "%s", where);
  cr_assert_eq(a->is_vararg, b->is_vararg, "%s", where);
  cr_assert_eq(a->maxstacksize, b->maxstacksize, "%s", where);
  cr_assert_eq(a->linedefined, b->linedefined, "%s", where);
  cr_assert_eq(a->lastlinedefined, b->lastlinedefined, "%s", where);
  cr_assert_eq(a->sizeupvalues, b->sizeupvalues, "%s", where);
  for (int j = 0; j < a->sizeupvalues; j++) {
    cr_assert_eq(a->upvalues[j].instack, b->upvalues[j].instack, "%s", where);
    cr_assert_eq(a->upvalues[j].idx, b->upvalues[j].idx, "%s", where);
    cr_assert_eq(a->upvalues[j].kind, b->upvalues[j].kind, "%s", where);
    if (stripped) cr_assert_null(b->upvalues[j].name, "%s: stripped upvalue name", where);
    else cr_assert(strequal(a->upvalues[j].name, b->upvalues[j].name), "%s: upvalue name %d", where, j);
  }
  if (stripped) {
    cr_assert_null(b->lineinfo, "%s: stripped file has line info", where);
    cr_assert_eq(b->sizelocvars, 0, "%s: stripped file has locals", where);
    cr_assert(b->stripped);
  } else {
    cr_assert_not_null(b->lineinfo, "%s: line info lost", where);
    cr_assert_eq(memcmp(a->lineinfo, b->lineinfo, (size_t)a->sizecode * sizeof(int32_t)), 0, "%s: line info", where);
    cr_assert_eq(a->sizelocvars, b->sizelocvars, "%s", where);
    for (int j = 0; j < a->sizelocvars; j++) {
      cr_assert(strequal(a->locvars[j].name, b->locvars[j].name), "%s: local %d", where, j);
      cr_assert_eq(a->locvars[j].startpc, b->locvars[j].startpc, "%s", where);
      cr_assert_eq(a->locvars[j].endpc, b->locvars[j].endpc, "%s", where);
    }
    cr_assert(strequal(a->source, b->source), "%s: source", where);
  }
  cr_assert_eq(a->sizep, b->sizep, "%s: sizep", where);
  for (int j = 0; j < a->sizep; j++) same_proto(a->p[j], b->p[j], stripped, where);
}

/* --------------------------------------------------------------- round trips */

Test(lbc, round_trip_keeps_everything) {
  VM *vm = vm_new();
  for (int c = 0; c < CORPUS_N; c++) {
    Proto *p = compile_ok(vm, corpus[c].src);
    for (int strip = 0; strip <= 1; strip++) {
      Buf b = dump(p, strip);
      cr_assert_eq(memcmp(b.b, LBC_SIGNATURE, 4), 0);
      char err[300];
      Proto *q = lbc_undump(vm, b.b, b.n, "=file", err, sizeof err);
      cr_expect_not_null(q, "%s (strip %d): undump refused: %s", corpus[c].name, strip, err);
      if (q) {
        char where[80];
        snprintf(where, sizeof where, "%s%s", corpus[c].name, strip ? " stripped" : "");
        same_proto(p, q, strip, where);
        /* dumping the loaded one gives the same bytes */
        Buf b2 = dump(q, strip);
        cr_assert_eq(b2.n, b.n);
        cr_assert_eq(memcmp(b2.b, b.b, b.n), 0, "%s: second dump differs", where);
        free(b2.b);
        proto_decref(q);
      }
      free(b.b);
    }
    proto_decref(p);
  }
  vm_free(vm);
}

Test(lbc, stripped_is_smaller) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, corpus[4].src);
  Buf full = dump(p, 0), strip = dump(p, 1);
  cr_assert_lt(strip.n, full.n);
  free(full.b); free(strip.b);
  proto_decref(p);
  vm_free(vm);
}

Test(lbc, loaded_code_runs_the_same) {
  for (int c = 0; c < CORPUS_N; c++) {
    TEnv e = th_env(0);
    Proto *p = compile_ok(e.vm, corpus[c].src);
    Buf b = dump(p, c % 2);
    proto_decref(p);
    char err[300];
    Proto *q = lbc_undump(e.vm, b.b, b.n, "=test", err, sizeof err);
    free(b.b);
    cr_expect_not_null(q, "%s: %s", corpus[c].name, err);
    if (q == NULL) { th_free(&e); continue; }
    th_reset(e.L);
    th_pushproto(e.P, q);
    int st = do_pcall_sync(e.L, e.L->top - 1, LU_MULTRET);
    const char *x = corpus[c].expect;
    if (x[0] == 'E') cr_expect_eq(st, LU_ERRRUN, "%s", corpus[c].name);
    else {
      cr_expect_eq(st, LU_OK, "%s", corpus[c].name);
      Value *r = th_results(e.P);
      if (st == LU_OK)
        cr_expect(val_isint(r) && val_int(r) == strtoll(x, NULL, 10), "%s: wrong result", corpus[c].name);
    }
    th_reset(e.L);
    th_free(&e);
  }
}

Test(lbc, return_register_at_frame_end_round_trips) {
  /* Lua ends every function with RETURN A=nactvar B=1, where A may equal
   * maxstacksize (it names no register when B == 1) */
  static const char *src =
    "local a = ...\n"
    "repeat a = a - 1 until a < 0\n"
    "local f = function(x) return x == 1.0 end\n"
    "return f\n";
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, src);
  Buf b = dump(p, 0);
  char err[300];
  Proto *q = lbc_undump(vm, b.b, b.n, "=file", err, sizeof err);
  cr_assert_not_null(q, "undump refused the compiler's own output: %s", err);
  proto_decref(q);
  free(b.b);
  proto_decref(p);
  vm_free(vm);
}

Test(lbc, tail_call_round_trips) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local function f(x) return x end return f(1)");
  Buf b = dump(p, 0);
  char err[300];
  Proto *q = lbc_undump(vm, b.b, b.n, "=file", err, sizeof err);
  cr_assert_not_null(q, "undump refused the compiler's own output: %s", err);
  proto_decref(q);
  free(b.b);
  proto_decref(p);
  vm_free(vm);
}

/* ---------------------------------------------------------- header errors */

Test(lbc, bad_headers_are_refused) {
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "return 1");
  Buf b = dump(p, 0);
  char *m = malloc(b.n);
  char err[300];
  struct { size_t at; uint8_t val; const char *msg; } cases[] = {
    { 0, 'x', "f: bad binary format (not a binary chunk)" },
    { 1, 'X', "f: bad binary format (not a binary chunk)" },
    { 3, 'C', "f: bad binary format (not a binary chunk)" },
    { 4, LBC_VERSION + 1, "f: bad binary format (version mismatch)" },
    { 5, 0, "f: bad binary format (format mismatch)" },
    { 8, 0xff, "f: bad binary format (format mismatch)" },
    { 9, 8, "f: bad binary format (format mismatch)" },
    { 10, 4, "f: bad binary format (format mismatch)" },
    { 12, 0x79, "f: bad binary format (integer format mismatch)" },
    { 20, 0x00, "f: bad binary format (float format mismatch)" },
  };
  for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++) {
    memcpy(m, b.b, b.n);
    if ((uint8_t)m[cases[j].at] == cases[j].val) cases[j].val ^= 1;
    m[cases[j].at] = (char)cases[j].val;
    Proto *q = lbc_undump(vm, m, b.n, "f", err, sizeof err);
    cr_assert_null(q, "case %zu accepted", j);
    cr_assert_str_eq(err, cases[j].msg, "case %zu", j);
  }
  /* an empty file and a lone signature byte */
  cr_assert_null(lbc_undump(vm, "", 0, "f", err, sizeof err));
  cr_assert_str_eq(err, "f: bad binary format (truncated chunk)");
  cr_assert_null(lbc_undump(vm, "\x1b", 1, "@f", err, sizeof err));
  cr_assert_str_eq(err, "f: bad binary format (truncated chunk)");
  cr_assert_null(lbc_undump(vm, "\x1bL", 2, "\x1bL", err, sizeof err));
  cr_assert_str_eq(err, "binary string: bad binary format (truncated chunk)");
  /* extra bytes after the end are ignored, as by lua5.4 */
  char *longer = malloc(b.n + 1);
  memcpy(longer, b.b, b.n);
  longer[b.n] = 0;
  Proto *q = lbc_undump(vm, longer, b.n + 1, "f", err, sizeof err);
  cr_assert_not_null(q);
  proto_decref(q);
  free(longer);
  free(m);
  free(b.b);
  proto_decref(p);
  vm_free(vm);
}

Test(lbc, truncated_at_every_byte) {
  VM *vm = vm_new();
  for (int c = 0; c < CORPUS_N; c++) {
    Proto *p = compile_ok(vm, corpus[c].src);
    Buf b = dump(p, c % 2);
    for (size_t len = 0; len < b.n; len++) {
      char *m = malloc(len ? len : 1);       /* exact size: ASan sees any over-read */
      memcpy(m, b.b, len);
      char err[300];
      err[0] = '\0';
      Proto *q = lbc_undump(vm, m, len, "f", err, sizeof err);
      cr_assert_null(q, "%s truncated to %zu of %zu bytes was accepted", corpus[c].name, len, b.n);
      cr_assert_gt(strlen(err), 3, "no message");
      cr_assert_eq(strncmp(err, "f: ", 3), 0, "message '%s'", err);
      free(m);
    }
    free(b.b);
    proto_decref(p);
  }
  vm_free(vm);
}

/* ------------------------------------------------ hand-written file bytes */

static void putbyte(Buf *b, int c) { uint8_t x = (uint8_t)c; bufwriter(&x, 1, b); }
static void putvarint(Buf *b, uint64_t x) {          /* lbc.h: high bit on the last byte */
  uint8_t t[12];
  int n = 0;
  do { t[n++] = x & 0x7f; x >>= 7; } while (x);
  for (int j = n - 1; j >= 0; j--) putbyte(b, t[j] | (j == 0 ? 0x80 : 0));
}
static void putword(Buf *b, uint32_t w) { for (int j = 0; j < 4; j++) putbyte(b, (int)(w >> (8 * j)) & 0xff); }

/* A file whose main function is RETURN0 x 2 with the given zigzag line
 * deltas (the header comes from a real dump). */
static Buf file_with_lines(VM *vm, uint64_t z1, uint64_t z2) {
  Proto *p = compile_ok(vm, "return");
  Buf h = dump(p, 1);
  proto_decref(p);
  Buf b = { NULL, 0, 0 };
  bufwriter(h.b, 28, &b);          /* signature .. number format */
  free(h.b);
  putbyte(&b, 1);                  /* upvalues of the main function */
  putvarint(&b, 0);                /* source */
  putvarint(&b, 0);                /* linedefined */
  putvarint(&b, 0);                /* lastlinedefined */
  putbyte(&b, 0); putbyte(&b, 0); putbyte(&b, 2);     /* params, vararg, maxstack */
  putvarint(&b, 2);
  putword(&b, MK_ABC(OP_RETURN0, 0, 0, 0));
  putword(&b, MK_ABC(OP_RETURN0, 0, 0, 0));
  putvarint(&b, 0);                /* constants */
  putvarint(&b, 1); putbyte(&b, 1); putbyte(&b, 0); putbyte(&b, 0);   /* _ENV */
  putvarint(&b, 0);                /* functions */
  putbyte(&b, 1);                  /* line info */
  putvarint(&b, z1);
  putvarint(&b, z2);
  putvarint(&b, 0);                /* locals */
  putvarint(&b, 0);                /* upvalue names */
  return b;
}

Test(lbc, hand_written_file_and_line_deltas) {
  VM *vm = vm_new();
  char err[300];
  Buf b = file_with_lines(vm, 2, 4);          /* +1, +2 */
  Proto *q = lbc_undump(vm, b.b, b.n, "f", err, sizeof err);
  cr_assert_not_null(q, "the hand-written file is refused: %s", err);
  cr_assert_eq(q->lineinfo[0], 1);
  cr_assert_eq(q->lineinfo[1], 3);
  proto_decref(q);
  free(b.b);
  /* deltas of +-2^62 (10-byte varints): refused, no integer overflow */
  b = file_with_lines(vm, (uint64_t)1 << 63, (uint64_t)1 << 63);
  cr_assert_null(lbc_undump(vm, b.b, b.n, "f", err, sizeof err));
  free(b.b);
  b = file_with_lines(vm, UINT64_MAX - 1, UINT64_MAX - 1);
  cr_assert_null(lbc_undump(vm, b.b, b.n, "f", err, sizeof err));
  free(b.b);
  /* lines past int32 */
  b = file_with_lines(vm, (uint64_t)1 << 33, (uint64_t)1 << 33);
  cr_assert_null(lbc_undump(vm, b.b, b.n, "f", err, sizeof err));
  free(b.b);
  vm_free(vm);
}

Test(lbc, negative_line_deltas_round_trip) {
  /* lines going down (a loop's jump back, a multi-line expression) */
  VM *vm = vm_new();
  Proto *p = compile_ok(vm, "local x = 0\nwhile x < 3 do\n  x = x +\n  1\nend\nreturn\nx");
  for (int j = 1; j < p->sizecode; j++) p->lineinfo[j] = (j % 2) ? 1000000 : 1;
  Buf b = dump(p, 0);
  char err[300];
  Proto *q = lbc_undump(vm, b.b, b.n, "f", err, sizeof err);
  cr_assert_not_null(q, "%s", err);
  cr_assert_eq(memcmp(q->lineinfo, p->lineinfo, (size_t)p->sizecode * sizeof(int32_t)), 0);
  proto_decref(q);
  free(b.b);
  proto_decref(p);
  vm_free(vm);
}

/* ------------------------------------------------- hand-crafted prototypes */

typedef struct {
  Instr code[64]; int n;
  Value k[8]; int nk;
  int maxs, nparams, vararg, nup;
  Proto *kids[4]; int nkids;
} PB;

static Proto *pb_build(const PB *b) {
  Proto *p = proto_new();
  p->numparams = (uint8_t)b->nparams;
  p->is_vararg = (uint8_t)b->vararg;
  p->maxstacksize = (uint8_t)b->maxs;
  p->sizecode = b->n;
  p->code = calloc((size_t)b->n + 1, sizeof(Instr));
  memcpy(p->code, b->code, (size_t)b->n * sizeof(Instr));
  p->sizek = b->nk;
  p->k = calloc((size_t)b->nk + 1, sizeof(Value));
  for (int j = 0; j < b->nk; j++) val_copy(&p->k[j], &b->k[j]);
  p->sizeupvalues = b->nup;
  p->upvalues = calloc((size_t)b->nup + 1, sizeof(UpvalDesc));
  for (int j = 0; j < b->nup; j++) { p->upvalues[j].instack = 1; p->upvalues[j].idx = (uint8_t)j; }
  p->sizep = b->nkids;
  p->p = calloc((size_t)b->nkids + 1, sizeof(Proto *));
  for (int j = 0; j < b->nkids; j++) p->p[j] = b->kids[j];
  p->stripped = 1;
  p->memsize = proto_memsize(p);
  return p;
}

/* The verifier's verdict on b, directly and through a file. */
static void expect_refused(VM *vm, PB *b, const char *fragment) {
  Proto *p = pb_build(b);
  char err[300];
  const char *r = lbc_verify(p, err, sizeof err);
  cr_assert_not_null(r, "accepted; expected '%s'", fragment);
  cr_assert_not_null(strstr(err, fragment), "message '%s' lacks '%s'", err, fragment);
  Buf f = dump(p, 1);
  Proto *q = lbc_undump(vm, f.b, f.n, "crafted", err, sizeof err);
  cr_assert_null(q, "the loader accepted a file the verifier refuses");
  cr_assert_not_null(strstr(err, "crafted: bad binary format (corrupted chunk: "), "message '%s'", err);
  cr_assert_not_null(strstr(err, fragment), "message '%s' lacks '%s'", err, fragment);
  free(f.b);
  proto_decref(p);
}

static void expect_accepted(VM *vm, PB *b) {
  Proto *p = pb_build(b);
  char err[300];
  cr_assert_null(lbc_verify(p, err, sizeof err), "refused: %s", err);
  Buf f = dump(p, 1);
  Proto *q = lbc_undump(vm, f.b, f.n, "crafted", err, sizeof err);
  cr_assert_not_null(q, "loader refused: %s", err);
  proto_decref(q);
  free(f.b);
  proto_decref(p);
}

#define ABC(o, a, b, c) MK_ABC(OP_##o, a, b, c)
#define ABx(o, a, bx)   MK_ABx(OP_##o, a, bx)
#define AsBx(o, a, s)   MK_AsBx(OP_##o, a, s)
#define SJ(o, j)        MK_sJ(OP_##o, j)

#define PB_INIT(maxs_) { .maxs = (maxs_), .nup = 1 }
#define EMIT(b, ins)   ((b).code[(b).n++] = (ins))

Test(lbc, crafted_baseline_is_accepted) {
  VM *vm = vm_new();
  PB b = PB_INIT(4);
  EMIT(b, AsBx(LOADI, 0, 1));
  EMIT(b, ABC(LT, 0, 1, 0));
  EMIT(b, SJ(JMP, 1));
  EMIT(b, ABC(MOVE, 1, 0, 0));
  EMIT(b, ABC(RETURN1, 1, 0, 0));
  expect_accepted(vm, &b);
  vm_free(vm);
}

Test(lbc, crafted_bad_operands) {
  VM *vm = vm_new();
  {   /* register out of range */
    PB b = PB_INIT(2);
    EMIT(b, ABC(MOVE, 5, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "register 5 out of range at 1");
  }
  {   /* source register out of range */
    PB b = PB_INIT(2);
    EMIT(b, ABC(ADD, 0, 1, 2));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "register 2 out of range");
  }
  {   /* constant index out of range */
    PB b = PB_INIT(2);
    val_setint(&b.k[b.nk++], 1);
    EMIT(b, ABx(LOADK, 0, 3));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "constant 3 out of range at 1");
  }
  {   /* LOADKX data word out of range */
    PB b = PB_INIT(2);
    val_setint(&b.k[b.nk++], 1);
    EMIT(b, ABC(LOADKX, 0, 0, 0));
    EMIT(b, 7);
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "constant out of range");
  }
  {   /* GETFIELD whose key constant is a number */
    PB b = PB_INIT(2);
    val_setint(&b.k[b.nk++], 42);
    EMIT(b, ABC(NEWTABLE, 0, 0, 0));
    EMIT(b, 0);
    EMIT(b, ABC(GETFIELD, 1, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "constant 0 is not a string");
  }
  {   /* arithmetic on a string constant */
    PB b = PB_INIT(2);
    val_setstr(&b.k[b.nk++], atom_newz(vm, "str"));
    EMIT(b, ABC(ADDK, 0, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "constant 0 is not a number");
  }
  {   /* upvalue out of range */
    PB b = PB_INIT(2);
    EMIT(b, ABC(GETUPVAL, 0, 1, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "upvalue 1 out of range");
  }
  {   /* child function out of range */
    PB b = PB_INIT(2);
    EMIT(b, ABx(CLOSURE, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "function 0 out of range");
  }
  {   /* unknown opcode */
    PB b = PB_INIT(2);
    EMIT(b, (Instr)NUM_OPCODES);
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "unknown opcode");
  }
  {   /* LOADNIL range out of the frame */
    PB b = PB_INIT(3);
    EMIT(b, ABC(LOADNIL, 1, 2, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "LOADNIL range out of frame");
  }
  {   /* CALL arguments out of the frame */
    PB b = PB_INIT(3);
    EMIT(b, ABC(CALL, 1, 4, 1));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "CALL arguments out of frame");
  }
  {   /* more parameters than registers */
    PB b = PB_INIT(1);
    b.nparams = 2;
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "more parameters than registers");
  }
  {   /* an empty function */
    PB b = PB_INIT(1);
    expect_refused(vm, &b, "empty function");
  }
  {   /* a child's upvalue descriptor outside the parent's frame */
    PB k = PB_INIT(1);
    EMIT(k, ABC(RETURN0, 0, 0, 0));
    Proto *kid = pb_build(&k);
    kid->upvalues[0].instack = 1;
    kid->upvalues[0].idx = 9;
    PB b = PB_INIT(2);
    EMIT(b, ABx(CLOSURE, 0, 0));
    EMIT(b, ABC(RETURN, 0, 1, 0));
    b.kids[b.nkids++] = kid;
    expect_refused(vm, &b, "upvalue descriptor out of range");
  }
  vm_free(vm);
}

Test(lbc, crafted_bad_control_flow) {
  VM *vm = vm_new();
  {   /* a jump out of the function */
    PB b = PB_INIT(2);
    EMIT(b, SJ(JMP, 100));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump out of the function at 1");
  }
  {   /* a compare whose jump word leaves the function */
    PB b = PB_INIT(2);
    EMIT(b, ABC(LT, 0, 1, 0));
    EMIT(b, SJ(JMP, -10));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump out of the function at 1");
  }
  {   /* a jump into the second word of a fused compare */
    PB b = PB_INIT(2);
    EMIT(b, SJ(JMP, 1));              /* to pc 2: LT's jump word */
    EMIT(b, ABC(LT, 0, 1, 0));
    EMIT(b, SJ(JMP, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump into the middle of an instruction at 1");
  }
  {   /* a backward LOOP into a data word */
    PB b = PB_INIT(2);
    EMIT(b, ABC(NEWTABLE, 0, 0, 0));
    EMIT(b, 0);
    EMIT(b, SJ(LOOP, -2));            /* to pc 1: the data word */
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump into the middle of an instruction at 3");
  }
  {   /* a compare's own jump word into another compare's jump word */
    PB b = PB_INIT(2);
    EMIT(b, ABC(LT, 0, 1, 0));
    EMIT(b, SJ(JMP, 1));              /* to pc 3 */
    EMIT(b, ABC(LE, 0, 1, 0));
    EMIT(b, SJ(JMP, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump into the middle of an instruction at 1");
  }
  {   /* a compare without its jump word */
    PB b = PB_INIT(2);
    EMIT(b, ABC(LT, 0, 1, 0));
    EMIT(b, ABC(MOVE, 0, 1, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "lacks its jump word");
  }
  {   /* a backward JMP (must be LOOP, which counts a reduction) */
    PB b = PB_INIT(2);
    EMIT(b, AsBx(LOADI, 0, 1));
    EMIT(b, SJ(JMP, -2));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "backward JMP at 2 (must be LOOP)");
  }
  {   /* a forward LOOP */
    PB b = PB_INIT(2);
    EMIT(b, SJ(LOOP, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "forward LOOP at 1");
  }
  {   /* FORLOOP jumping forward */
    PB b = PB_INIT(5);
    EMIT(b, ABx(FORLOOP, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "FORLOOP must jump back");
  }
  {   /* FORLOOP jumping back before the first instruction (found by the
       * fuzzer: the target was never checked when negative) */
    PB b = PB_INIT(5);
    EMIT(b, AsBx(LOADI, 0, 1));
    EMIT(b, ABx(FORLOOP, 0, 259));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump out of the function at 2");
  }
  {   /* TFORLOOP likewise */
    PB b = PB_INIT(8);
    EMIT(b, ABC(TFORCALL, 0, 0, 1));
    EMIT(b, ABx(TFORLOOP, 0, 100));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "jump out of the function at 2");
  }
  {   /* FORPREP not skipping to a FORLOOP */
    PB b = PB_INIT(5);
    EMIT(b, ABx(FORPREP, 0, 0));
    EMIT(b, ABC(MOVE, 0, 1, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "FORPREP does not skip a FORLOOP");
  }
  {   /* a TAILCALL not followed by its RETURN */
    PB b = PB_INIT(2);
    EMIT(b, ABC(TAILCALL, 0, 1, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "TAILCALL not followed by its RETURN at 1");
  }
  {   /* a TAILCALL followed by a RETURN of other registers */
    PB b = PB_INIT(3);
    EMIT(b, ABC(TAILCALL, 0, 1, 0));
    EMIT(b, ABC(RETURN, 1, 0, 0));
    expect_refused(vm, &b, "TAILCALL not followed by its RETURN at 1");
  }
  {   /* a use of top (CALL B=0) with no producer before it */
    PB b = PB_INIT(3);
    EMIT(b, ABC(LOADNIL, 0, 2, 0));
    EMIT(b, ABC(CALL, 0, 0, 1));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "use of top without a producer at 2");
  }
  {   /* ... or after a CALL that fixed its results (C != 0) */
    PB b = PB_INIT(3);
    EMIT(b, ABC(CALL, 1, 1, 2));
    EMIT(b, ABC(CALL, 0, 0, 1));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "use of top without a producer at 2");
  }
  {   /* RETURN B=0 as the first instruction */
    PB b = PB_INIT(3);
    EMIT(b, ABC(RETURN, 0, 0, 0));
    expect_refused(vm, &b, "use of top without a producer at 1");
  }
  {   /* a jump onto a use of top */
    PB b = PB_INIT(3);
    b.vararg = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, SJ(JMP, 1));
    EMIT(b, ABC(VARARG, 1, 0, 0));
    EMIT(b, ABC(RETURN, 1, 0, 0));
    expect_refused(vm, &b, "jump to a use of top at 4");
  }
  {   /* a function not ending with a return or a jump */
    PB b = PB_INIT(2);
    EMIT(b, AsBx(LOADI, 0, 1));
    expect_refused(vm, &b, "function does not end with a return or a jump");
  }
  {   /* ... nor with a call */
    PB b = PB_INIT(2);
    EMIT(b, ABC(CALL, 0, 1, 1));
    expect_refused(vm, &b, "function does not end with a return or a jump");
  }
  {   /* a two-word instruction cut at the end */
    PB b = PB_INIT(2);
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    EMIT(b, ABC(NEWTABLE, 0, 0, 0));
    expect_refused(vm, &b, "lacks its second word");
  }
  {   /* a compare pair at the very end falls through */
    PB b = PB_INIT(2);
    EMIT(b, ABC(LT, 0, 1, 0));
    EMIT(b, SJ(JMP, -2));
    expect_refused(vm, &b, "falls off the end");
  }
  {   /* LFALSESKIP skipping off the end */
    PB b = PB_INIT(2);
    EMIT(b, ABC(LFALSESKIP, 0, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "LFALSESKIP falls off the end");
  }
  vm_free(vm);
}

Test(lbc, crafted_bad_varargs) {
  VM *vm = vm_new();
  {   /* VARARG in a function without varargs */
    PB b = PB_INIT(3);
    EMIT(b, ABC(VARARG, 0, 0, 2));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "VARARG in a function without varargs at 1");
  }
  {   /* a vararg function must start with VARARGPREP */
    PB b = PB_INIT(3);
    b.vararg = 1;
    EMIT(b, ABC(VARARG, 0, 0, 2));
    EMIT(b, ABC(RETURN, 0, 1, 0));
    expect_refused(vm, &b, "vararg function does not start with VARARGPREP");
  }
  {   /* VARARGPREP with the wrong parameter count */
    PB b = PB_INIT(3);
    b.vararg = 1;
    b.nparams = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, ABC(RETURN, 0, 1, 0));
    expect_refused(vm, &b, "vararg function does not start with VARARGPREP");
  }
  {   /* VARARGPREP elsewhere */
    PB b = PB_INIT(3);
    b.vararg = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, ABC(RETURN, 0, 1, 0));
    expect_refused(vm, &b, "misplaced VARARGPREP at 2");
  }
  {   /* a jump back to VARARGPREP (it would move the frame again) */
    PB b = PB_INIT(3);
    b.vararg = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, SJ(LOOP, -2));
    EMIT(b, ABC(RETURN, 0, 1, 0));
    expect_refused(vm, &b, "jump to VARARGPREP");
  }
  {   /* RETURN0 in a vararg function (the frame was moved) */
    PB b = PB_INIT(3);
    b.vararg = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "RETURN0/RETURN1 where closing is needed at 2");
  }
  {   /* RETURN1 after a TBC */
    PB b = PB_INIT(3);
    EMIT(b, ABC(TBC, 0, 0, 0));
    EMIT(b, ABC(RETURN1, 0, 0, 0));
    expect_refused(vm, &b, "RETURN0/RETURN1 where closing is needed at 2");
  }
  vm_free(vm);
}

/* A consumer of "top" must not sit above the values its producer left:
 * RETURN A B=0 needs the producer's A >= A (else a negative count of
 * results), CALL/TAILCALL/SETLIST need it > A (else a negative count of
 * arguments). */
Test(lbc, crafted_top_consumer_above_its_producer) {
  VM *vm = vm_new();
  {   /* VARARG 2 (all) ; RETURN 5 (all): 3 fewer than nothing */
    PB b = PB_INIT(8);
    b.vararg = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, ABC(VARARG, 2, 0, 0));
    EMIT(b, ABC(RETURN, 5, 0, 0));
    expect_refused(vm, &b, "top");
  }
  {   /* CALL 1 (all results) ; CALL 3 with top as its last argument */
    PB b = PB_INIT(8);
    EMIT(b, ABC(CALL, 1, 1, 0));
    EMIT(b, ABC(CALL, 3, 0, 1));
    EMIT(b, ABC(RETURN0, 0, 0, 0));
    expect_refused(vm, &b, "top");
  }
  {   /* the shapes Lua emits stay accepted: return ...; f(...); {...} */
    PB b = PB_INIT(8);
    b.vararg = 1;
    EMIT(b, ABC(VARARGPREP, 0, 0, 0));
    EMIT(b, ABC(VARARG, 1, 0, 0));
    EMIT(b, ABC(CALL, 0, 0, 0));
    EMIT(b, ABC(RETURN, 0, 0, 0));
    expect_accepted(vm, &b);
    PB c = PB_INIT(8);
    c.vararg = 1;
    EMIT(c, ABC(VARARGPREP, 0, 0, 0));
    EMIT(c, ABC(NEWTABLE, 0, 0, 0));
    EMIT(c, 0);
    EMIT(c, ABC(VARARG, 1, 0, 0));
    EMIT(c, ABC(SETLIST, 0, 0, 0));
    EMIT(c, 0);
    EMIT(c, ABC(RETURN, 0, 2, 0));
    expect_accepted(vm, &c);
  }
  vm_free(vm);
}

/* The same shape as the first case above, run: with the verifier letting it
 * through, RETURN computes a negative result count and the caller's stack
 * top ends below the stack. */
Test(lbc, crafted_negative_top_does_not_escape) {
  TEnv e = th_env(0);
  PB b = PB_INIT(8);
  b.vararg = 1;
  EMIT(b, ABC(VARARGPREP, 0, 0, 0));
  EMIT(b, ABC(VARARG, 2, 0, 0));
  EMIT(b, ABC(RETURN, 5, 0, 0));
  Proto *p = pb_build(&b);
  Buf f = dump(p, 1);
  proto_decref(p);
  char err[300];
  Proto *q = lbc_undump(e.vm, f.b, f.n, "crafted", err, sizeof err);
  free(f.b);
  if (q == NULL) { th_free(&e); return; }        /* refused: fine */
  th_reset(e.L);
  th_pushproto(e.P, q);
  Value *func = e.L->top - 1;
  int st = do_pcall_sync(e.L, func, LU_MULTRET);
  cr_assert(st != LU_OK || e.L->top >= func, "a verified chunk left the stack top %ld slots below its results",
            (long)(func - e.L->top));
  th_reset(e.L);
  th_free(&e);
}

/* SETLIST on a register that does not hold a table: the verifier cannot
 * see types, the interpreter must check (found by the fuzzer: setlist()
 * used a nil value's stale payload as a Table pointer). */
Test(lbc, crafted_setlist_on_a_non_table_is_an_error) {
  TEnv e = th_env(0);
  PB b = PB_INIT(4);
  EMIT(b, ABC(LOADNIL, 0, 2, 0));
  EMIT(b, ABC(SETLIST, 0, 2, 0));
  EMIT(b, 0);
  EMIT(b, ABC(RETURN0, 0, 0, 0));
  Proto *p = pb_build(&b);
  char err[300];
  cr_assert_null(lbc_verify(p, err, sizeof err), "%s", err);
  th_reset(e.L);
  th_pushproto(e.P, p);
  int st = do_pcall_sync(e.L, e.L->top - 1, LU_MULTRET);
  cr_assert_eq(st, LU_ERRRUN);
  th_errmsg(e.L, err, sizeof err);
  cr_assert_not_null(strstr(err, "SETLIST"), "message: %s", err);
  th_reset(e.L);
  th_free(&e);
}

/* TAILCALL while a to-be-closed variable is live: Lua never emits it, the
 * verifier cannot see liveness, and the interpreter's TAILCALL does not
 * look for pending __close calls.  The run must stay orderly (ASan). */
Test(lbc, crafted_tailcall_with_a_pending_tbc_is_orderly) {
  TEnv e = th_env(1);
  PB closer = PB_INIT(2);
  closer.nup = 0;
  EMIT(closer, ABC(RETURN0, 0, 0, 0));
  PB callee = PB_INIT(2);
  callee.nup = 0;
  EMIT(callee, AsBx(LOADI, 0, 7));
  EMIT(callee, ABC(RETURN1, 0, 0, 0));
  PB b = PB_INIT(8);
  val_setstr(&b.k[b.nk++], atom_newz(e.vm, "setmetatable"));
  val_setstr(&b.k[b.nk++], atom_newz(e.vm, "__close"));
  b.kids[b.nkids++] = pb_build(&closer);
  b.kids[b.nkids++] = pb_build(&callee);
  EMIT(b, ABC(GETTABUP, 0, 0, 0));
  EMIT(b, ABC(NEWTABLE, 1, 0, 0)); EMIT(b, 0);
  EMIT(b, ABC(NEWTABLE, 2, 1, 0)); EMIT(b, 0);
  EMIT(b, ABx(CLOSURE, 3, 0));
  EMIT(b, ABC(SETFIELD, 2, 1, 3));
  EMIT(b, ABC(CALL, 0, 3, 2));
  EMIT(b, ABC(TBC, 0, 0, 0));
  EMIT(b, ABx(CLOSURE, 1, 1));
  EMIT(b, ABC(TAILCALL, 1, 1, 0));
  EMIT(b, ABC(RETURN, 1, 0, 0));
  Proto *p = pb_build(&b);
  char err[300];
  cr_assert_null(lbc_verify(p, err, sizeof err), "%s", err);
  for (int round = 0; round < 3; round++) {
    th_reset(e.L);
    proto_incref(p);
    th_pushproto(e.P, p);
    int st = do_pcall_sync(e.L, e.L->top - 1, LU_MULTRET);
    if (st == LU_OK) cr_assert_geq(e.L->top, th_results(e.P));
    th_reset(e.L);
    gc_fullcollect(e.P);
  }
  proto_decref(p);
  th_free(&e);
}

/* --------------------------------------------------------------- fuzzing */

/* programs for the fuzzer that also reach the libraries (metamethods,
 * pcall, coroutines), so mutated code runs through those paths too */
static const char *const fuzz_extra[] = {
  "local mt = { __add = function(a, b) return 7 end, __index = function(t, k) return k end,\n"
  "  __lt = function(a, b) return true end, __concat = function(a, b) return 'c' end,\n"
  "  __len = function() return 3 end, __call = function(self, x) return x end,\n"
  "  __eq = function() return true end, __close = function() end }\n"
  "local a, b = setmetatable({}, mt), setmetatable({}, mt)\n"
  "local r = (a + 1) + (1 + a)\n"
  "local s = a.foo .. a .. 'x'\n"
  "if a < b and a == b then r = r + #a end\n"
  "do local c <close> = a end\n"
  "return r + a(4), s\n",
  "local co = coroutine.create(function(x, y)\n"
  "  local z = coroutine.yield(x + y)\n"
  "  for i = 1, 3 do coroutine.yield(i) end\n"
  "  return z * 2\n"
  "end)\n"
  "local ok, v = coroutine.resume(co, 1, 2)\n"
  "local acc = v\n"
  "while coroutine.status(co) ~= 'dead' do ok, v = coroutine.resume(co, 10); acc = acc + (v or 0) end\n"
  "local w = coroutine.wrap(function(...) local t = {...} coroutine.yield(#t) return select('#', ...) end)\n"
  "return acc + w(1, 2, 3) + w()\n",
  "local ok, e = pcall(error, { code = 1 })\n"
  "local ok2, e2 = pcall(function() local x = nil; return x.y end)\n"
  "local ok3, e3 = xpcall(function() error('boom') end, function(m) return 'handled: ' .. tostring(m) end)\n"
  "local t = {}\n"
  "for k, v in pairs({ a = 1, b = 2, 10, 20 }) do t[#t + 1] = tostring(k) .. tostring(v) end\n"
  "for i, v in ipairs({ 5, 6, 7 }) do t[#t + 1] = v end\n"
  "return #t, type(e), e2, e3, rawequal(t, t), rawlen(t), rawget(t, 1), select(2, 'a', 'b')\n",
  "local function f(n) if n <= 0 then return 0 end return 1 + f(n - 1) end\n"
  "local t = {}\n"
  "for i = 1, 200 do t[i] = f(i % 17) .. i end\n"
  "local s = 0\n"
  "for k, v in next, t do s = s + #v end\n"
  "return s, tonumber('0x10'), tonumber('12', 3), math and 1 or 0\n",
};
#define NFUZZEXTRA ((int)(sizeof fuzz_extra / sizeof fuzz_extra[0]))

typedef struct { char *b; size_t n; } Seed;

static void fuzz_prune_globals(lu_State *L, void *ud) {
  (void)ud;
  static const char *const drop[] = { "print", "warn", "dofile", "loadfile", NULL };
  Value nil; val_setnil(&nil);
  for (int j = 0; drop[j]; j++) tab_setstr(L, proc_globals(L->P), str_newz(L->P, drop[j]), &nil);
}

/* Run an accepted prototype in a fresh process: small slices, a bounded
 * number of them, a bounded heap.  Whatever happens must be an orderly
 * status, never a crash. */
static int fuzz_run(VM *vm, Proto *q) {
  Proc *P = proc_new(vm);
  lu_State *L = proc_mainthread(P);
  char msg[200];
  int st = th_protect(P, th_openlibs_cb, NULL, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  th_protect(P, fuzz_prune_globals, NULL, msg, sizeof msg);
  proc_setmaxheap(P, 64u << 20);
  P->vm->budget = 500;
  P->reds = proc_budget(P);
  th_reset(L);
  proto_incref(q);                 /* the closure's reference */
  th_pushproto(P, q);
  Value *func = L->top - 1;
  do_callentry(L, func, LU_MULTRET);
  int slices = 0;
  while ((st = do_run(L)) == LU_PREEMPT && ++slices < 100) P->reds = proc_budget(P);
  if (st == LU_OK) {
    L = proc_mainthread(P);
    cr_assert_geq(L->top, L->stack, "stack top below the stack after a run");
  }
  th_reset(proc_mainthread(P));
  proc_free(P);
  return st;
}

/* LUREL_FUZZ_N (iterations), LUREL_FUZZ_SEED, LUREL_FUZZ_ONLY (run one
 * iteration, with a listing), LUREL_FUZZ_SAVE (file for the current input),
 * LUREL_FUZZ_TRACE (print each iteration) help to hunt and reproduce. */
Test(lbc, fuzz_mutated_files_never_crash, .timeout = 600) {
  VM *vm = vm_new();
  vm->compile = compiler_compile;
  enum { NSEED = CORPUS_N + NFUZZEXTRA };
  Seed seeds[NSEED];
  for (int j = 0; j < NSEED; j++) {
    const char *src = j < CORPUS_N ? corpus[j].src : fuzz_extra[j - CORPUS_N];
    Proto *p = compile_ok(vm, src);
    Buf b = dump(p, j % 3 == 0);
    seeds[j].b = b.b;
    seeds[j].n = b.n;
    proto_decref(p);
  }
  const char *only = getenv("LUREL_FUZZ_ONLY");       /* reproduce one case */
  const char *savep = getenv("LUREL_FUZZ_SAVE");      /* file for the case being run */
  const char *nenv = getenv("LUREL_FUZZ_N");
  int total = nenv ? atoi(nenv) : 10000;
  int accepted = 0, ran_ok = 0, ran_err = 0, ran_cut = 0;
  time_t start = time(NULL);
  const char *seedenv = getenv("LUREL_FUZZ_SEED");
  th_Rng r = { seedenv ? strtoull(seedenv, NULL, 0) : 0x5eed1234abcdull };
  for (int iter = 0; iter < total; iter++) {
    Seed *s = &seeds[th_randn(&r, NSEED)];
    char *m = malloc(s->n);
    memcpy(m, s->b, s->n);
    int nmut = 1 + (int)th_randn(&r, 4);
    for (int j = 0; j < nmut; j++) {
      /* mostly past the 30-odd header bytes: the header is checked first */
      size_t at = th_randn(&r, 10) == 0 ? th_randn(&r, (uint32_t)s->n)
                                        : 30 + th_randn(&r, (uint32_t)(s->n - 30));
      switch (th_randn(&r, 4)) {
        case 0: m[at] ^= (char)(1u << th_randn(&r, 8)); break;
        case 1: m[at] = (char)th_randn(&r, 256); break;
        case 2: { static const uint8_t v[] = { 0, 1, 0x7f, 0x80, 0xfe, 0xff }; m[at] = (char)v[th_randn(&r, 6)]; break; }
        default: m[at] = (char)(m[at] + (int)th_randn(&r, 5) - 2); break;
      }
    }
    if (only && atoi(only) != iter) { free(m); continue; }
    if (getenv("LUREL_FUZZ_TRACE")) fprintf(stderr, "fuzz: iteration %d\n", iter);
    if (savep) { FILE *f = fopen(savep, "wb"); if (f) { fwrite(m, 1, s->n, f); fclose(f); } }
    char err[300];
    err[0] = '\0';
    Proto *q = lbc_undump(vm, m, s->n, "fuzz", err, sizeof err);
    if (q == NULL) {
      cr_assert_gt(strlen(err), 0, "iteration %d: refused without a message", iter);
    } else {
      accepted++;
      char verr[300];
      cr_assert_null(lbc_verify(q, verr, sizeof verr), "iteration %d: accepted but fails lbc_verify: %s", iter, verr);
      if (only) lbc_disasm(stderr, q, 1);
      int st = fuzz_run(vm, q);
      if (st == LU_OK) ran_ok++;
      else if (st == LU_PREEMPT) ran_cut++;
      else ran_err++;
      proto_decref(q);
    }
    free(m);
    if (time(NULL) - start > (nenv ? 100000 : 400)) {
      cr_log_warn("fuzz: stopped after %d iterations (time)", iter + 1);
      break;
    }
  }
  cr_log_info("fuzz: %d mutations, %d accepted (%d ran to the end, %d errors, %d cut off)",
              total, accepted, ran_ok, ran_err, ran_cut);
  if (!only) cr_assert_gt(accepted, 10, "the fuzzer should produce some loadable files");
  for (int j = 0; j < NSEED; j++) free(seeds[j].b);
  vm_free(vm);
}

/* Random instruction sequences built from the opcode table (operands mostly
 * in range, sometimes not): whatever lbc_verify accepts is run.  This aims
 * at type and frame assumptions of the interpreter that byte flips of real
 * programs rarely reach. */

static int pick_k(th_Rng *r, const PB *b, int kind) {
  if (b->nk == 0 || th_randn(r, 20) == 0) return (int)th_randn(r, (uint32_t)b->nk + 2);
  for (int tries = 0; tries < 8; tries++) {
    int j = (int)th_randn(r, (uint32_t)b->nk);
    if (kind == OK_KS && !val_isstr(&b->k[j])) continue;
    if (kind == OK_KN && !val_isnum(&b->k[j])) continue;
    return j;
  }
  return (int)th_randn(r, (uint32_t)b->nk);
}

static Proto *gen_proto(VM *vm, th_Rng *r, int depth, int parent_maxs, int parent_nup) {
  PB b;
  memset(&b, 0, sizeof b);
  b.maxs = 8 + (int)th_randn(r, 10);
  b.nparams = (int)th_randn(r, 4);
  b.vararg = th_randn(r, 3) == 0;
  b.nup = depth == 0 ? 1 : (int)th_randn(r, 3);
  b.nk = 2 + (int)th_randn(r, 6);
  static const char *const strs[] = { "x", "y", "pcall", "setmetatable", "__index", "coroutine",
                                      "a long string constant of more than forty bytes" };
  for (int j = 0; j < b.nk; j++) {
    switch (j < 2 ? j : (int)th_randn(r, 4)) {
      case 0: val_setint(&b.k[j], (lu_Int)th_randn(r, 20) - 5); break;
      case 1: val_setstr(&b.k[j], atom_newz(vm, strs[th_randn(r, 7)])); break;
      case 2: val_setflt(&b.k[j], (double)th_randn(r, 100) / 4.0); break;
      default: if (th_randn(r, 2)) val_settrue(&b.k[j]); else val_setnil(&b.k[j]); break;
    }
  }
  if (depth < 2) {
    b.nkids = (int)th_randn(r, 3);
    for (int j = 0; j < b.nkids; j++) b.kids[j] = gen_proto(vm, r, depth + 1, b.maxs, b.nup);
  }
  if (b.vararg) EMIT(b, ABC(VARARGPREP, b.nparams, 0, 0));
  int len = 1 + (int)th_randn(r, 14);
  for (int j = 0; j < len && b.n < 58; j++) {
    OpCode op = (OpCode)th_randn(r, NUM_OPCODES);
    if (op == OP_VARARGPREP || (op == OP_VARARG && !b.vararg)) op = OP_MOVE;
    if (b.vararg && (op == OP_RETURN0 || op == OP_RETURN1)) op = OP_RETURN;
    const OpInfo *oi = &op_info[op];
    int kinds[3] = { oi->ka, oi->kb, oi->kc }, v[3];
    for (int x = 0; x < 3; x++) {
      bool wild = th_randn(r, 40) == 0;
      switch (kinds[x]) {
        case OK_R: v[x] = wild ? (int)th_randn(r, (uint32_t)b.maxs + 3) : (int)th_randn(r, (uint32_t)b.maxs - 7); break;
        case OK_U: v[x] = (int)th_randn(r, (uint32_t)b.nup + (wild || b.nup == 0 ? 1 : 0)); break;
        case OK_K: case OK_KS: case OK_KN: v[x] = pick_k(r, &b, kinds[x]); break;
        case OK_P: v[x] = (int)th_randn(r, (uint32_t)b.nkids + (wild || b.nkids == 0 ? 1 : 0)); break;
        case OK_I: v[x] = (int)th_randn(r, 256); break;
        case OK_N: v[x] = (int)th_randn(r, wild ? 256 : 4); break;
        case OK_F: v[x] = (int)th_randn(r, 4); break;
        case OK_J: v[x] = (int)th_randn(r, 6); break;
        default: v[x] = 0; break;
      }
    }
    Instr ins;
    switch (oi->format) {
      case FMT_ABx: ins = MK_ABx(op, v[0], v[1]); break;
      case FMT_AsBx: ins = MK_AsBx(op, v[0], (int)th_randn(r, 2000) - 1000); break;
      case FMT_sJ: ins = MK_sJ(op, op == OP_LOOP ? -(int)(1 + th_randn(r, (uint32_t)b.n + 1)) : (int)th_randn(r, 5)); break;
      default: ins = MK_ABC(op, v[0], v[1], v[2]); break;
    }
    EMIT(b, ins);
    if (oi->flags & OPF_DW) EMIT(b, op == OP_LOADKX ? th_randn(r, (uint32_t)b.nk + 1) : th_randn(r, 8));
    if (oi->flags & OPF_JW) EMIT(b, MK_sJ(OP_JMP, (int)th_randn(r, 8) - 3));
    if (op == OP_TAILCALL) EMIT(b, MK_ABC(OP_RETURN, v[0], 0, 0));
    if (op == OP_TFORCALL) EMIT(b, MK_ABx(OP_TFORLOOP, v[0], 1 + th_randn(r, 4)));
  }
  EMIT(b, th_randn(r, 2) ? MK_ABC(OP_RETURN, 0, 1, 0) : MK_ABC(OP_RETURN, 0, 2, 0));
  Proto *p = pb_build(&b);
  /* child upvalue descriptors: mostly valid */
  for (int j = 0; j < p->sizeupvalues && depth > 0; j++) {
    p->upvalues[j].instack = (uint8_t)th_randn(r, 2);
    p->upvalues[j].idx = (uint8_t)th_randn(r, (uint32_t)(p->upvalues[j].instack ? parent_maxs : parent_nup) + (th_randn(r, 20) == 0));
  }
  return p;
}

Test(lbc, fuzz_random_code_never_crashes, .timeout = 600) {
  VM *vm = vm_new();
  vm->compile = compiler_compile;
  const char *nenv = getenv("LUREL_FUZZ_N");
  const char *seedenv = getenv("LUREL_FUZZ_SEED");
  const char *only = getenv("LUREL_FUZZ_ONLY");
  int total = nenv ? atoi(nenv) * 5 : 50000;
  th_Rng r = { seedenv ? strtoull(seedenv, NULL, 0) : 0xc0dec0deull };
  int accepted = 0, ok = 0;
  time_t start = time(NULL);
  for (int iter = 0; iter < total; iter++) {
    Proto *p = gen_proto(vm, &r, 0, 0, 0);
    if (only && atoi(only) != iter) { proto_decref(p); continue; }
    if (getenv("LUREL_FUZZ_TRACE")) fprintf(stderr, "random code: iteration %d\n", iter);
    char err[300];
    const char *verdict = lbc_verify(p, err, sizeof err);
    if (verdict && getenv("LUREL_FUZZ_WHY")) fprintf(stderr, "refused: %s\n", err);
    if (verdict == NULL) {
      accepted++;
      if (only) lbc_disasm(stderr, p, 1);
      /* through a file as well: the loader must accept what the verifier does */
      Buf f = dump(p, 1);
      Proto *q = lbc_undump(vm, f.b, f.n, "gen", err, sizeof err);
      free(f.b);
      cr_assert_not_null(q, "iteration %d: verified but the file is refused: %s", iter, err);
      if (fuzz_run(vm, q) == LU_OK) ok++;
      proto_decref(q);
    }
    proto_decref(p);
    if (time(NULL) - start > (nenv ? 100000 : 400)) break;
  }
  cr_log_info("random code: %d functions, %d verified, %d ran to the end", total, accepted, ok);
  cr_assert_gt(accepted, 50);
  vm_free(vm);
}

/* Inputs that crashed the VM before the fixes they name (kept as files:
 * tests/unit/data/fuzz_*.bin).  Each must be refused or run to an orderly
 * end.  They carry the instruction-set hash of the build that wrote them:
 * once opcodes.def changes they are refused at the header, harmlessly. */
Test(lbc, fuzz_regressions) {
  static const char *const files[] = {
    "tests/unit/data/fuzz_forloop_before_code.bin",     /* FORLOOP to pc -244 */
    "tests/unit/data/fuzz_setlist_on_nil.bin",          /* SETLIST 3 on a nil */
    "tests/unit/data/fuzz_setlist_huge_maxheap.bin",    /* SETLIST at 2^28: max heap after realloc */
  };
  VM *vm = vm_new();
  vm->compile = compiler_compile;
  int found = 0;
  for (size_t j = 0; j < sizeof files / sizeof files[0]; j++) {
    FILE *f = fopen(files[j], "rb");
    if (!f) continue;
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    found++;
    char err[300];
    Proto *q = lbc_undump(vm, buf, n, files[j], err, sizeof err);
    if (q) { fuzz_run(vm, q); proto_decref(q); }
  }
  if (found == 0) cr_log_warn("fuzz_regressions: no input files (run from the repository root)");
  vm_free(vm);
}
