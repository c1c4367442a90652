/*
 * lower.c — turns Lua 5.4 prototypes (read by reader.c) into Lurel
 * prototypes, and the compiler entry points.
 *
 * What changes on the way (see vm/opcodes.def):
 *  - an arithmetic op and the MMBIN/MMBINI/MMBINK after it become one
 *    instruction whose opcode names the metamethod order (ADDKF: flipped)
 *    and the event (SUBI for "x - 1", which Lua codes as ADDI x -1);
 *  - a compare or TEST/TESTSET and the JMP after it become a fused pair
 *    (the jump word is never a jump target);
 *  - EXTRAARG is folded into NEWTABLE, LOADKX and SETLIST (data words);
 *  - the k-bit variants become distinct opcodes (SETFIELDK, SELFK, ...);
 *  - backward jumps become LOOP (with a reduction check);
 *  - jump offsets are recomputed for the new instruction positions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include "compiler.h"
#include "luadump.h"
#include "../vm/opcodes.h"
#include "../vm/func.h"
#include "../vm/str.h"

typedef struct Lower {
  VM *vm;
  const LProto *f;
  int *pcmap;          /* Lua pc -> Lurel pc (sizecode+1 entries) */
  uint8_t *role;       /* per Lua pc: 0 normal, 1 consumed, 2 jump word of a pair */
  int *newk;           /* per Lua pc: extra constant index, or -1 */
  Value *k;
  int sizek, capk;
  Instr *code;
  int32_t *lines;
  int ncode;
  int intrinsics;
  int tailintrinsic;      /* register of "return intrinsic()", for the RETURN after it */
  int16_t pending[256];   /* register -> intrinsic loaded into it, or -1 */
  char err[160];
} Lower;

/* intrinsics: __lurel_NAME(args) -> one instruction (see compiler.h) */
typedef struct Intrinsic { const char *name; OpCode op; int nargs, nres; } Intrinsic;
static const Intrinsic intrinsics[] = {
  {"__lurel_recv", OP_RECV, 2, 4},
  {"__lurel_recv_matcher", OP_RECVMATCHER, 0, 1},
  {"__lurel_recv_scan", OP_RECVSCAN, 1, 2},
  {"__lurel_recv_next", OP_RECVNEXT, 0, 0},
  {"__lurel_recv_take", OP_RECVTAKE, 0, 1},
  {"__lurel_recv_wait", OP_RECVWAIT, 1, 1},
  {NULL, 0, 0, 0}
};

/* a GETTABUP of _ENV.__lurel_X: its intrinsic index, or -1 */
static int intrinsic_of(Lower *S, uint32_t i) {
  const LProto *f = S->f;
  int b = L_B(i), c = L_C(i);
  if (!S->intrinsics || b >= f->sizeupvalues || c >= f->sizek) return -1;
  if (!f->upv[b].name || strcmp(f->upv[b].name, "_ENV") != 0) return -1;
  const LConst *k = &f->k[c];
  if ((k->tag != LK_SHRSTR && k->tag != LK_LNGSTR) || strncmp(k->s, "__lurel_", 8) != 0) return -1;
  for (int j = 0; intrinsics[j].name; j++)
    if (strcmp(intrinsics[j].name, k->s) == 0) return j;
  return -1;
}

static int fits_sBx(int v) { return v >= -OFFSET_sBx && v <= MAXARG_Bx - OFFSET_sBx; }

static int addk(Lower *S, const Value *v) {
  if (S->sizek >= S->capk) {
    S->capk = S->capk ? S->capk * 2 : 16;
    S->k = realloc(S->k, (size_t)S->capk * sizeof(Value));
  }
  val_copy(&S->k[S->sizek], v);
  return S->sizek++;
}

/* line of every Lua instruction, from lineinfo deltas and absolute entries */
static int32_t *lualines(const LProto *f) {
  int32_t *lines = calloc((size_t)f->sizecode + 1, sizeof(int32_t));
  int line = f->linedefined;
  int ai = 0;
  for (int pc = 0; pc < f->sizecode; pc++) {
    if (pc < f->sizelineinfo && f->lineinfo[pc] != -0x80) line += f->lineinfo[pc];
    else {
      while (ai < f->sizeabslineinfo && f->abslineinfo[ai].pc < pc) ai++;
      if (ai < f->sizeabslineinfo && f->abslineinfo[ai].pc == pc) line = f->abslineinfo[ai].line;
    }
    lines[pc] = line;
  }
  return lines;
}

static int isarith(int op) {
  return (op >= LOP_ADDI && op <= LOP_SHR);
}

static int iscondop(int op) {
  return (op >= LOP_EQ && op <= LOP_TESTSET);
}

/* pass 1: roles, sizes, extra constants, pcmap */
static int plan(Lower *S) {
  const LProto *f = S->f;
  int n = f->sizecode;
  int cursor = 0;
  for (int pc = 0; pc < n; pc++) {
    uint32_t i = f->code[pc];
    int op = L_OP(i);
    S->pcmap[pc] = cursor;
    if (S->role[pc] != 0) {
      if (S->role[pc] == 2) cursor += 1;   /* jump word */
      continue;
    }
    if (op >= LNUM_OPCODES) { snprintf(S->err, sizeof S->err, "unknown Lua opcode %d", op); return 0; }
    int size = 1;
    switch (op) {
      case LOP_LOADI: case LOP_LOADF: {
        if (!fits_sBx(L_sBx(i))) {
          Value v;
          if (op == LOP_LOADI) val_setint(&v, L_sBx(i)); else val_setflt(&v, (lu_Num)L_sBx(i));
          S->newk[pc] = addk(S, &v);
          size = S->newk[pc] > MAXARG_Bx ? 2 : 1;
        }
        break;
      }
      case LOP_LOADK: size = L_Bx(i) > MAXARG_Bx ? 2 : 1; break;
      case LOP_LOADKX:
      case LOP_NEWTABLE:
        if (pc + 1 >= n || L_OP(f->code[pc + 1]) != LOP_EXTRAARG) {
          snprintf(S->err, sizeof S->err, "missing EXTRAARG"); return 0;
        }
        S->role[pc + 1] = 1;
        size = 2;
        break;
      case LOP_SETLIST:
        if (L_k(i)) {
          if (pc + 1 >= n || L_OP(f->code[pc + 1]) != LOP_EXTRAARG) {
            snprintf(S->err, sizeof S->err, "missing EXTRAARG"); return 0;
          }
          S->role[pc + 1] = 1;
        }
        size = 2;
        break;
      case LOP_MMBIN: case LOP_MMBINI: case LOP_MMBINK: case LOP_EXTRAARG:
        snprintf(S->err, sizeof S->err, "unexpected %s at %d",
                 op == LOP_EXTRAARG ? "EXTRAARG" : "MMBIN", pc + 1);
        return 0;
      default:
        if (isarith(op)) {
          if (pc + 1 >= n) { snprintf(S->err, sizeof S->err, "arith without MMBIN"); return 0; }
          int nop = L_OP(f->code[pc + 1]);
          if (nop != LOP_MMBIN && nop != LOP_MMBINI && nop != LOP_MMBINK) {
            snprintf(S->err, sizeof S->err, "arith without MMBIN at %d", pc + 1); return 0;
          }
          S->role[pc + 1] = 1;
        } else if (iscondop(op)) {
          if (pc + 1 >= n || L_OP(f->code[pc + 1]) != LOP_JMP) {
            snprintf(S->err, sizeof S->err, "test without jump at %d", pc + 1); return 0;
          }
          S->role[pc + 1] = 2;
        }
        break;
    }
    cursor += size;
  }
  S->pcmap[n] = cursor;
  S->ncode = cursor;
  return 1;
}

static void emit(Lower *S, int *at, Instr ins, int32_t line) {
  S->code[*at] = ins;
  S->lines[*at] = line;
  (*at)++;
}

/* our pc of a Lua jump target; -1 when it is not a valid target */
static int target(Lower *S, int luapc) {
  if (luapc < 0 || luapc > S->f->sizecode) return -1;
  if (luapc < S->f->sizecode && S->role[luapc] != 0) return -1;
  return S->pcmap[luapc];
}

#define BAD(...) do { snprintf(S->err, sizeof S->err, __VA_ARGS__); return 0; } while (0)

static int emitloadk(Lower *S, int *at, int a, int kidx, int32_t line) {
  if (kidx <= MAXARG_Bx) emit(S, at, MK_ABx(OP_LOADK, a, kidx), line);
  else {
    emit(S, at, MK_ABC(OP_LOADKX, a, 0, 0), line);
    emit(S, at, (Instr)kidx, line);
  }
  return 1;
}

static int arith(Lower *S, int *at, uint32_t i, uint32_t mm, int32_t line) {
  int op = L_OP(i), a = L_A(i), b = L_B(i), c = L_C(i);
  int event = L_C(mm);
  int flip = L_k(mm);
  OpCode o;
  switch (op) {
    case LOP_ADDI:
      if (event == LTM_SUB) {
        /* "x - n" coded as ADDI x -n: MMBINI keeps n */
        emit(S, at, MK_ABC(OP_SUBI, a, b, L_B(mm)), line);
        return 1;
      }
      o = flip ? OP_ADDIF : OP_ADDI;
      break;
    case LOP_SHRI:
      if (event == LTM_SHL) {   /* "x << n" coded as SHRI x -n */
        emit(S, at, MK_ABC(OP_SHLI, a, b, L_B(mm)), line);
        return 1;
      }
      o = OP_SHRI;
      break;
    case LOP_SHLI: o = OP_SHLIF; break;
    case LOP_ADDK: o = flip ? OP_ADDKF : OP_ADDK; break;
    case LOP_MULK: o = flip ? OP_MULKF : OP_MULK; break;
    case LOP_BANDK: o = flip ? OP_BANDKF : OP_BANDK; break;
    case LOP_BORK: o = flip ? OP_BORKF : OP_BORK; break;
    case LOP_BXORK: o = flip ? OP_BXORKF : OP_BXORK; break;
    case LOP_SUBK: o = OP_SUBK; break;
    case LOP_MODK: o = OP_MODK; break;
    case LOP_POWK: o = OP_POWK; break;
    case LOP_DIVK: o = OP_DIVK; break;
    case LOP_IDIVK: o = OP_IDIVK; break;
    case LOP_ADD: o = OP_ADD; break;
    case LOP_SUB: o = OP_SUB; break;
    case LOP_MUL: o = OP_MUL; break;
    case LOP_MOD: o = OP_MOD; break;
    case LOP_POW: o = OP_POW; break;
    case LOP_DIV: o = OP_DIV; break;
    case LOP_IDIV: o = OP_IDIV; break;
    case LOP_BAND: o = OP_BAND; break;
    case LOP_BOR: o = OP_BOR; break;
    case LOP_BXOR: o = OP_BXOR; break;
    case LOP_SHL: o = OP_SHL; break;
    case LOP_SHR: o = OP_SHR; break;
    default: BAD("bad arithmetic opcode %d", op);
  }
  if (flip && !(o == OP_ADDIF || o == OP_ADDKF || o == OP_MULKF || o == OP_BANDKF ||
                o == OP_BORKF || o == OP_BXORKF || o == OP_SHLIF))
    BAD("unexpected flipped operands");
  emit(S, at, MK_ABC(o, a, b, c), line);
  return 1;
}

static int lowercode(Lower *S, const int32_t *lines) {
  const LProto *f = S->f;
  int at = 0;
  for (int pc = 0; pc < f->sizecode; pc++) {
    if (S->role[pc] != 0) continue;
    uint32_t i = f->code[pc];
    int op = L_OP(i), a = L_A(i), b = L_B(i), c = L_C(i);
    int32_t line = lines[pc];
    if (at != S->pcmap[pc]) BAD("internal: pc map out of step");
    switch (op) {
      case LOP_MOVE: emit(S, &at, MK_ABC(OP_MOVE, a, b, 0), line); break;
      case LOP_LOADI: case LOP_LOADF:
        if (S->newk[pc] >= 0) emitloadk(S, &at, a, S->newk[pc], line);
        else emit(S, &at, MK_AsBx(op == LOP_LOADI ? OP_LOADI : OP_LOADF, a, L_sBx(i)), line);
        break;
      case LOP_LOADK: emitloadk(S, &at, a, L_Bx(i), line); break;
      case LOP_LOADKX:
        emit(S, &at, MK_ABC(OP_LOADKX, a, 0, 0), line);
        emit(S, &at, (Instr)L_Ax(f->code[pc + 1]), line);
        break;
      case LOP_LOADFALSE: emit(S, &at, MK_ABC(OP_LOADFALSE, a, 0, 0), line); break;
      case LOP_LFALSESKIP: emit(S, &at, MK_ABC(OP_LFALSESKIP, a, 0, 0), line); break;
      case LOP_LOADTRUE: emit(S, &at, MK_ABC(OP_LOADTRUE, a, 0, 0), line); break;
      case LOP_LOADNIL: emit(S, &at, MK_ABC(OP_LOADNIL, a, b, 0), line); break;
      case LOP_GETUPVAL: emit(S, &at, MK_ABC(OP_GETUPVAL, a, b, 0), line); break;
      case LOP_SETUPVAL: emit(S, &at, MK_ABC(OP_SETUPVAL, a, b, 0), line); break;
      case LOP_GETTABUP: {
        int in = intrinsic_of(S, i);
        if (in >= 0) {
          /* the call that follows becomes the instruction */
          S->pending[a] = (int16_t)in;
          emit(S, &at, MK_ABC(OP_LOADNIL, a, 0, 0), line);
          break;
        }
        emit(S, &at, MK_ABC(OP_GETTABUP, a, b, c), line);
        break;
      }
      case LOP_GETTABLE: emit(S, &at, MK_ABC(OP_GETTABLE, a, b, c), line); break;
      case LOP_GETI: emit(S, &at, MK_ABC(OP_GETI, a, b, c), line); break;
      case LOP_GETFIELD: emit(S, &at, MK_ABC(OP_GETFIELD, a, b, c), line); break;
      case LOP_SETTABUP: emit(S, &at, MK_ABC(L_k(i) ? OP_SETTABUPK : OP_SETTABUP, a, b, c), line); break;
      case LOP_SETTABLE: emit(S, &at, MK_ABC(L_k(i) ? OP_SETTABLEK : OP_SETTABLE, a, b, c), line); break;
      case LOP_SETI: emit(S, &at, MK_ABC(L_k(i) ? OP_SETIK : OP_SETI, a, b, c), line); break;
      case LOP_SETFIELD: emit(S, &at, MK_ABC(L_k(i) ? OP_SETFIELDK : OP_SETFIELD, a, b, c), line); break;
      case LOP_NEWTABLE: {
        uint32_t asize = (uint32_t)c;
        if (L_k(i)) asize += (uint32_t)L_Ax(f->code[pc + 1]) * 256u;
        emit(S, &at, MK_ABC(OP_NEWTABLE, a, b, 0), line);
        emit(S, &at, asize, line);
        break;
      }
      case LOP_SELF:
        if (L_k(i) && !(c < S->sizek && val_isstr(&S->k[c]))) BAD("SELF with a non-string key");
        emit(S, &at, MK_ABC(L_k(i) ? OP_SELFK : OP_SELF, a, b, c), line);
        break;
      case LOP_UNM: emit(S, &at, MK_ABC(OP_UNM, a, b, 0), line); break;
      case LOP_BNOT: emit(S, &at, MK_ABC(OP_BNOT, a, b, 0), line); break;
      case LOP_NOT: emit(S, &at, MK_ABC(OP_NOT, a, b, 0), line); break;
      case LOP_LEN: emit(S, &at, MK_ABC(OP_LEN, a, b, 0), line); break;
      case LOP_CONCAT: emit(S, &at, MK_ABC(OP_CONCAT, a, b, 0), line); break;
      case LOP_CLOSE: emit(S, &at, MK_ABC(OP_CLOSE, a, 0, 0), line); break;
      case LOP_TBC: emit(S, &at, MK_ABC(OP_TBC, a, 0, 0), line); break;
      case LOP_JMP: {
        int t = target(S, pc + 1 + L_sJ(i));
        if (t < 0) BAD("bad jump target at %d", pc + 1);
        int off = t - (at + 1);
        emit(S, &at, MK_sJ(off < 0 ? OP_LOOP : OP_JMP, off), line);
        break;
      }
      case LOP_EQ: case LOP_LT: case LOP_LE: case LOP_EQK: case LOP_EQI: case LOP_LTI:
      case LOP_LEI: case LOP_GTI: case LOP_GEI: case LOP_TEST: case LOP_TESTSET: {
        static const OpCode map[] = { OP_EQ, OP_LT, OP_LE, OP_EQK, OP_EQI, OP_LTI, OP_LEI,
                                      OP_GTI, OP_GEI, OP_TEST, OP_TESTSET };
        OpCode o = map[op - LOP_EQ];
        int flags = L_k(i);
        if (op >= LOP_EQI && op <= LOP_GEI) flags |= (c & 1) << 1;   /* isf */
        int bb = (op == LOP_TEST) ? 0 : b;
        emit(S, &at, MK_ABC(o, a, bb, flags), line);
        uint32_t j = f->code[pc + 1];
        int t = target(S, pc + 2 + L_sJ(j));
        if (t < 0) BAD("bad jump target at %d", pc + 2);
        emit(S, &at, MK_sJ(OP_JMP, t - (at + 1)), lines[pc + 1]);
        break;
      }
      case LOP_CALL: case LOP_TAILCALL:
        if (S->pending[a] >= 0) {
          if (op == LOP_TAILCALL) {
            /* "return intrinsic(...)": one result, returned by the RETURN
             * that follows (made to return exactly one value) */
            c = 2;
            S->tailintrinsic = a;
          }
          const Intrinsic *in = &intrinsics[S->pending[a]];
          S->pending[a] = -1;
          if (b != in->nargs + 1 || c < 1 || c - 1 > in->nres)
            BAD("bad call of intrinsic %s", in->name);
          int oa = a, ob = 0, oc = 0;
          switch (in->op) {
            case OP_RECVSCAN: ob = a + 1; break;
            case OP_RECVWAIT: ob = a + 1; break;
            default: break;
          }
          emit(S, &at, MK_ABC(in->op, oa, ob, oc), line);
          break;
        }
        if (op == LOP_TAILCALL) { emit(S, &at, MK_ABC(OP_TAILCALL, a, b, 0), line); break; }
        emit(S, &at, MK_ABC(OP_CALL, a, b, c), line);
        break;
      case LOP_RETURN:
        if (S->tailintrinsic == a && b == 0) { b = 2; }
        S->tailintrinsic = -1;
        emit(S, &at, MK_ABC(OP_RETURN, a, b, 0), line);
        break;
      case LOP_RETURN0: emit(S, &at, MK_ABC(OP_RETURN0, 0, 0, 0), line); break;
      case LOP_RETURN1: emit(S, &at, MK_ABC(OP_RETURN1, a, 0, 0), line); break;
      case LOP_FORLOOP: case LOP_TFORLOOP: {
        int t = target(S, pc + 1 - L_Bx(i));
        if (t < 0) BAD("bad loop target at %d", pc + 1);
        int bx = at + 1 - t;
        if (bx < 0 || bx > MAXARG_Bx) BAD("control structure too long");
        emit(S, &at, MK_ABx(op == LOP_FORLOOP ? OP_FORLOOP : OP_TFORLOOP, a, bx), line);
        break;
      }
      case LOP_FORPREP: {
        int t = target(S, pc + 2 + L_Bx(i));
        if (t < 0) BAD("bad loop exit at %d", pc + 1);
        int bx = t - (at + 2);
        if (bx < 0 || bx > MAXARG_Bx) BAD("control structure too long");
        emit(S, &at, MK_ABx(OP_FORPREP, a, bx), line);
        break;
      }
      case LOP_TFORPREP: {
        int t = target(S, pc + 1 + L_Bx(i));
        if (t < 0) BAD("bad loop target at %d", pc + 1);
        int bx = t - (at + 1);
        if (bx < 0 || bx > MAXARG_Bx) BAD("control structure too long");
        emit(S, &at, MK_ABx(OP_TFORPREP, a, bx), line);
        break;
      }
      case LOP_TFORCALL: emit(S, &at, MK_ABC(OP_TFORCALL, a, 0, c), line); break;
      case LOP_SETLIST: {
        uint32_t start = (uint32_t)c;
        if (L_k(i)) start += (uint32_t)L_Ax(f->code[pc + 1]) * 256u;
        emit(S, &at, MK_ABC(OP_SETLIST, a, b, 0), line);
        emit(S, &at, start, line);
        break;
      }
      case LOP_CLOSURE:
        if (L_Bx(i) > MAXARG_Bx) BAD("too many functions");
        emit(S, &at, MK_ABx(OP_CLOSURE, a, L_Bx(i)), line);
        break;
      case LOP_VARARG: emit(S, &at, MK_ABC(OP_VARARG, a, 0, c), line); break;
      case LOP_VARARGPREP: emit(S, &at, MK_ABC(OP_VARARGPREP, a, 0, 0), line); break;
      default:
        if (isarith(op)) { if (!arith(S, &at, i, f->code[pc + 1], line)) return 0; break; }
        BAD("unexpected Lua opcode %d at %d", op, pc + 1);
    }
  }
  return 1;
}

static Proto *lowerproto(VM *vm, const LProto *f, int flags, char *err, size_t errsz) {
  Lower S;
  memset(&S, 0, sizeof S);
  S.vm = vm;
  S.f = f;
  S.intrinsics = (flags & COMPILE_INTRINSICS) != 0;
  for (int j = 0; j < 256; j++) S.pending[j] = -1;
  S.tailintrinsic = -1;
  int n = f->sizecode;
  S.pcmap = calloc((size_t)n + 1, sizeof(int));
  S.role = calloc((size_t)n + 1, 1);
  S.newk = malloc(((size_t)n + 1) * sizeof(int));
  for (int j = 0; j <= n; j++) S.newk[j] = -1;
  /* constants */
  for (int j = 0; j < f->sizek; j++) {
    const LConst *c = &f->k[j];
    Value v;
    switch (c->tag) {
      case LK_NIL: val_setnil(&v); break;
      case LK_FALSE: val_setfalse(&v); break;
      case LK_TRUE: val_settrue(&v); break;
      case LK_INT: val_setint(&v, c->i); break;
      case LK_FLT: val_setflt(&v, c->n); break;
      default: val_setstr(&v, atom_new(vm, c->s, c->len)); break;
    }
    addk(&S, &v);
  }
  Proto *p = NULL;
  int32_t *lines = lualines(f);
  if (!plan(&S)) goto fail;
  S.code = calloc((size_t)S.ncode + 1, sizeof(Instr));
  S.lines = calloc((size_t)S.ncode + 1, sizeof(int32_t));
  if (!lowercode(&S, lines)) goto fail;
  p = proto_new();
  p->numparams = f->numparams;
  p->is_vararg = f->is_vararg;
  p->maxstacksize = f->maxstacksize;
  p->linedefined = f->linedefined;
  p->lastlinedefined = f->lastlinedefined;
  p->sizecode = S.ncode;
  p->code = S.code;
  S.code = NULL;
  p->lineinfo = S.lines;
  S.lines = NULL;
  p->sizek = S.sizek;
  p->k = S.k;
  S.k = NULL;
  p->source = f->source ? atom_new(vm, f->source, f->srclen) : NULL;
  p->sizeupvalues = f->sizeupvalues;
  p->upvalues = calloc((size_t)f->sizeupvalues + 1, sizeof(UpvalDesc));
  for (int j = 0; j < f->sizeupvalues; j++) {
    p->upvalues[j].instack = f->upv[j].instack;
    p->upvalues[j].idx = f->upv[j].idx;
    p->upvalues[j].kind = f->upv[j].kind;
    p->upvalues[j].name = f->upv[j].name ? atom_newz(vm, f->upv[j].name) : NULL;
  }
  p->sizelocvars = f->sizelocvars;
  p->locvars = calloc((size_t)f->sizelocvars + 1, sizeof(LocVar));
  for (int j = 0; j < f->sizelocvars; j++) {
    const LLocVar *lv = &f->locvars[j];
    p->locvars[j].name = lv->name ? atom_newz(vm, lv->name) : NULL;
    int sp = lv->startpc < 0 ? 0 : (lv->startpc > n ? n : lv->startpc);
    int ep = lv->endpc < 0 ? 0 : (lv->endpc > n ? n : lv->endpc);
    p->locvars[j].startpc = S.pcmap[sp];
    p->locvars[j].endpc = S.pcmap[ep];
  }
  p->sizep = f->sizep;
  p->p = calloc((size_t)f->sizep + 1, sizeof(Proto *));
  for (int j = 0; j < f->sizep; j++) {
    p->p[j] = lowerproto(vm, f->p[j], flags, err, errsz);
    if (p->p[j] == NULL) { proto_decref(p); p = NULL; goto done; }
  }
  p->memsize = proto_memsize(p);
  goto done;
fail:
  snprintf(err, errsz, "%s", S.err);
done:
  free(lines);
  free(S.pcmap);
  free(S.role);
  free(S.newk);
  free(S.code);
  free(S.lines);
  free(S.k);
  return p;
}

/* ------------------------------------------------------------ entry points */

typedef struct { const char *s; size_t size; } ReadS;

static const char *readstr(lua_State *L, void *ud, size_t *size) {
  ReadS *r = ud;
  (void)L;
  if (r->size == 0) return NULL;
  *size = r->size;
  r->size = 0;
  return r->s;
}

typedef struct { char *b; size_t n, cap; } WBuf;

static int writebuf(lua_State *L, const void *p, size_t sz, void *ud) {
  WBuf *w = ud;
  (void)L;
  if (w->n + sz > w->cap) {
    size_t nc = w->cap ? w->cap * 2 : 4096;
    while (nc < w->n + sz) nc *= 2;
    char *nb = realloc(w->b, nc);
    if (!nb) return 1;
    w->b = nb;
    w->cap = nc;
  }
  memcpy(w->b + w->n, p, sz);
  w->n += sz;
  return 0;
}

const char *compiler_check(void) {
  lua_State *L = luaL_newstate();
  if (!L) return "cannot create a Lua parser state";
  const char *res = NULL;
  if (lua_version(L) != 504) res = "liblua is not Lua 5.4";
  else {
    ReadS r = { "local a = 1 return a", 20 };
    if (lua_load(L, readstr, &r, "=check", "t") != LUA_OK) res = "liblua cannot parse";
    else {
      WBuf w = { NULL, 0, 0 };
      lua_dump(L, writebuf, &w, 0);
      const char *err = NULL;
      LProto *f = luadump_read(w.b, w.n, &err);
      if (!f) res = "liblua's dump format is not the Lua 5.4 format this compiler reads";
      luadump_free(f);
      free(w.b);
    }
  }
  lua_close(L);
  return res;
}

Proto *compiler_compile(VM *vm, const char *src, size_t len, const char *chunkname, char **errmsg) {
  return compiler_compile_flags(vm, src, len, chunkname, 0, errmsg);
}

Proto *compiler_compile_flags(VM *vm, const char *src, size_t len, const char *chunkname,
                              int flags, char **errmsg) {
  *errmsg = NULL;
  lua_State *L = luaL_newstate();
  if (!L) { *errmsg = strdup("not enough memory"); return NULL; }
  ReadS r = { src, len };
  if (lua_load(L, readstr, &r, chunkname, "t") != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    *errmsg = strdup(m ? m : "syntax error");
    lua_close(L);
    return NULL;
  }
  WBuf w = { NULL, 0, 0 };
  if (lua_dump(L, writebuf, &w, 0) != 0) {
    free(w.b);
    lua_close(L);
    *errmsg = strdup("not enough memory");
    return NULL;
  }
  lua_close(L);
  const char *err = NULL;
  LProto *f = luadump_read(w.b, w.n, &err);
  free(w.b);
  if (!f) {
    char buf[200];
    snprintf(buf, sizeof buf, "cannot read compiled chunk: %s", err);
    *errmsg = strdup(buf);
    return NULL;
  }
  char lerr[200];
  lerr[0] = '\0';
  Proto *p = lowerproto(vm, f, flags, lerr, sizeof lerr);
  luadump_free(f);
  if (!p) {
    char buf[260];
    snprintf(buf, sizeof buf, "%s: cannot lower: %s", chunkname, lerr);
    *errmsg = strdup(buf);
  }
  return p;
}
