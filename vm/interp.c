/*
 * interp.c — the interpreter loop.
 *
 * One C loop runs every Lua frame of a thread: a Lua call pushes a CallInfo
 * and jumps to 'newframe'; a return pops it and continues the caller.  C
 * functions are called from here and may ask (lu_callk) for a call whose
 * completion resumes them through their continuation.  Metamethods are
 * ordinary calls marked CIST_FIN: when one returns, 'finish_op' completes
 * the instruction that needed it (store the result, take the branch, go on
 * concatenating).  So no Lua code ever runs on a nested C stack, and the
 * loop may return LU_PREEMPT at any reduction check and be re-entered later
 * (vm_execute with L->entry == ENTRY_RESUME).
 *
 * State discipline: 'pc' and 'base' live in C locals.  SAVESTATE() writes pc
 * to the frame and sets L->top to the frame's top; it precedes anything that
 * may raise an error, allocate, call, or move the stack, after which 'base'
 * is reloaded (PROTECT).  Values are addressed through base after any such
 * call, never through a pointer kept across it.
 */
#include <string.h>
#include "vm.h"
#include "do.h"
#include "debug.h"
#include "func.h"
#include "gc.h"
#include "opcodes.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "lazy.h"
#include "proc.h"
#include "lib.h"
#include "bigint.h"

#if defined(__GNUC__) && !defined(LU_USE_SWITCH)
#define LU_USE_GOTO 1
#endif

#define RA()      (base + GET_A(i))
#define RB()      (base + GET_B(i))
#define RC()      (base + GET_C(i))
#define KB()      (k + GET_B(i))
#define KC()      (k + GET_C(i))

#define SAVEPC()      (ci->u.l.savedpc = pc)
#define SAVESTATE()   (SAVEPC(), L->top = ci->top)
#define RELOADBASE()  (base = ci->func + 1)
#define PROTECT(x)    do { SAVESTATE(); x; RELOADBASE(); } while (0)

/* a collection at a safe point between instructions; pending finalizers
 * then run as a call, returning to the next instruction */
#define CHECKGC() do { if (lu_unlikely(gc_needed(P))) { \
    SAVESTATE(); gc_step(L); RELOADBASE(); \
    if (lu_unlikely(gc_pendingfin(P)) && !P->finrunning) goto run_finalizers; } } while (0)

/* the same after an instruction that made an object in R[A] (NEWTABLE,
 * CLOSURE, CONCAT): as lua5.4, registers above R[A] are dead there and not
 * marked, so that an object only they still held can be collected */
#define CHECKGC_A() do { if (lu_unlikely(gc_needed(P))) { \
    SAVEPC(); L->top = RA() + 1; gc_step(L); RELOADBASE(); L->top = ci->top; \
    if (lu_unlikely(gc_pendingfin(P)) && !P->finrunning) goto run_finalizers; } } while (0)

/* a backward jump costs a reduction; out of them, suspend here */
#define CHECKREDS() do { if (lu_unlikely(--P->reds <= 0)) { \
    SAVESTATE(); return LU_PREEMPT; } } while (0)

/* take the jump of a fused compare when cond == k */
#define DOCOND(cond) do { \
    if ((int)(cond) != GET_k(i)) pc++; \
    else { int off_ = GET_sJ(*pc); pc += off_ + 1; if (off_ < 0) CHECKREDS(); } \
  } while (0)

#ifdef LU_USE_GOTO
/* disp is disptab, or hooktab (every entry the hook check) while a debug
 * hook is set: no cost when there is none */
#define VM_DISPATCH(o)  goto *disp[o];
#define VM_CASE(name)   L_##name:
#define VM_NEXT()       do { i = *pc++; goto *disp[GET_OP(i)]; } while (0)
#else
#define VM_DISPATCH(o)  switch (o)
#define VM_CASE(name)   case OP_##name:
#define VM_NEXT()       goto dispatch
#endif

static inline bool tonum(const Value *v, lu_Num *n) {
  if (val_isflt(v)) { *n = val_flt(v); return true; }
  if (val_isint(v)) { *n = (lu_Num)val_int(v); return true; }
  return false;
}

static inline void pushcall(lu_State *L, const Value *f, const Value *a, const Value *b) {
  Value *t = L->top;
  val_copy(t, f);
  val_copy(t + 1, a);
  val_copy(t + 2, b);
  L->top = t + 3;
}

/* ------------------------------------------------------------ slow paths
 * Each returns 0 when it finished the operation, or 1 after pushing a
 * metamethod call (function and arguments) at L->top. */

static int index_slow(lu_State *L, const Value *t, const Value *key, Value *res) {
  Proc *P = L->P;
  for (int loop = 0; loop < LU_MAXTAGLOOP; loop++) {
    const Value *tm;
    if (val_istable(t)) {
      Table *h = val_table(t);
      const Value *slot = val_isstr(key) ? tab_getstr_i(h, val_str(key)) : tab_get(h, key);
      if (slot == VAL_ABSENT && tab_islazy(h)) slot = lazy_miss(L, h, key);
      if (!val_isnil(slot)) { val_copy(res, slot); return 0; }
      tm = h->metatable ? tm_get(P, h->metatable, TM_INDEX) : NULL;
      if (tm == NULL) { val_setnil(res); return 0; }
    } else {
      tm = tm_getbyobj(P, t, TM_INDEX);
      if (tm == NULL) dbg_typeerror(L, t, "index");
    }
    if (val_isfunc(tm)) { pushcall(L, tm, t, key); return 1; }
    t = tm;
  }
  lu_runerror(L, "'__index' chain too long; possible loop");
}

static int newindex_slow(lu_State *L, const Value *t, const Value *key, const Value *val) {
  Proc *P = L->P;
  for (int loop = 0; loop < LU_MAXTAGLOOP; loop++) {
    const Value *tm;
    if (val_istable(t)) {
      Table *h = val_table(t);
      if (tab_islazy(h) && val_isnil(val)) lazy_full(L, h);   /* a deleted name must not come back */
      const Value *slot = tab_get(h, key);
      if (!val_isnil(slot)) { val_copy((Value *)slot, val); return 0; }
      tm = h->metatable ? tm_get(P, h->metatable, TM_NEWINDEX) : NULL;
      if (tm == NULL) { tab_set(L, h, key, val); return 0; }
    } else {
      tm = tm_getbyobj(P, t, TM_NEWINDEX);
      if (tm == NULL) dbg_typeerror(L, t, "index");
    }
    if (val_isfunc(tm)) {
      pushcall(L, tm, t, key);
      val_copy(L->top, val);
      L->top++;
      return 1;
    }
    t = tm;
  }
  lu_runerror(L, "'__newindex' chain too long; possible loop");
}

/* 0: done, result in *res (an operation on a bigint: it allocated, so the
 * caller passes a GC safe point); 1: metamethod call pushed */
static int arith_slow(lu_State *L, const Value *a, const Value *b, int event, Value *res) {
  if (val_isbigint(a) || val_isbigint(b)) {
    if (big_arith(L, event, a, b, res)) return 0;
    /* a string that is no numeral: not the string library's business */
    if (val_isstr(a) || val_isstr(b)) dbg_arithterror(L, event, a, b);
  }
  const Value *tm = tm_getbyobj(L->P, a, (TMS)event);
  if (tm == NULL) tm = tm_getbyobj(L->P, b, (TMS)event);
  if (tm == NULL) dbg_arithterror(L, event, a, b);
  pushcall(L, tm, a, b);
  return 1;
}

/* < or <=: 0/1 is the result, 2 means a metamethod call was pushed */
static int order_slow(lu_State *L, const Value *a, const Value *b, int event) {
  if (val_isnum(a) && val_isnum(b))
    return event == TM_LT ? vm_lessthan_num(a, b) : vm_lessequal_num(a, b);
  if (val_isbigint(a) || val_isbigint(b)) {
    int r = big_order(a, b, event);      /* with numbers: by value */
    if (r >= 0) return r;
  }
  if (val_isstr(a) && val_isstr(b)) {
    int c = str_cmp(val_str(a), val_str(b));
    return event == TM_LT ? c < 0 : c <= 0;
  }
  const Value *tm = tm_getbyobj(L->P, a, (TMS)event);
  if (tm == NULL) tm = tm_getbyobj(L->P, b, (TMS)event);
  if (tm == NULL && event == TM_LE) {
    /* no __le: a <= b is not (b < a), as lua5.4 still does (LUA_COMPAT_LT_LE) */
    tm = tm_getbyobj(L->P, b, TM_LT);
    if (tm == NULL) tm = tm_getbyobj(L->P, a, TM_LT);
    if (tm != NULL) {
      L->ci->callstatus |= CIST_LEQ;      /* finish_op negates the result */
      pushcall(L, tm, b, a);
      return 2;
    }
  }
  if (tm == NULL) dbg_ordererror(L, a, b);
  pushcall(L, tm, a, b);
  return 2;
}

/* == on values with equal tags that are tables or userdata, or mixed */
static int eq_slow(lu_State *L, const Value *a, const Value *b) {
  if (a->tt != b->tt) {
    if (val_isnum(a) && val_isnum(b)) return vm_equal_num(a, b);
    return val_rawequal(a, b);           /* a bigint and a number: by value */
  }
  if (val_gc(a) == val_gc(b)) return 1;
  if (a->tt != T_TABLE && a->tt != T_UDATA) return val_rawequal(a, b);
  const Value *tm = tm_getbyobj(L->P, a, TM_EQ);
  if (tm == NULL) tm = tm_getbyobj(L->P, b, TM_EQ);
  if (tm == NULL) return 0;
  pushcall(L, tm, a, b);
  return 2;
}

static inline int eqfast(const Value *a, const Value *b) {
  /* -1: needs eq_slow */
  if (a->tt != b->tt) {
    if (val_isnum(a) && val_isnum(b)) return vm_equal_num(a, b);
    if (lu_unlikely(val_isbigint(a) || val_isbigint(b))) return val_rawequal(a, b);
    return 0;
  }
  switch (a->tt) {
    case T_NIL: case T_FALSE: case T_TRUE: return 1;
    case T_INT: return val_int(a) == val_int(b);
    case T_FLT: return val_flt(a) == val_flt(b);
    case T_STR: return str_eq(val_str(a), val_str(b));
    case T_LCF: return val_lcf(a) == val_lcf(b);
    case T_TABLE: case T_UDATA: return val_gc(a) == val_gc(b) ? 1 : -1;
    default: return val_rawequal(a, b);
  }
}

static int len_slow(lu_State *L, const Value *rb, Value *res) {
  const Value *tm;
  if (val_istable(rb)) {
    Table *h = val_table(rb);
    tm = h->metatable ? tm_get(L->P, h->metatable, TM_LEN) : NULL;
    if (tm == NULL) { val_setint(res, (lu_Int)tab_len(h)); return 0; }
  } else if (val_isstr(rb)) {
    val_setint(res, (lu_Int)str_len(val_str(rb)));
    return 0;
  } else {
    tm = tm_getbyobj(L->P, rb, TM_LEN);
    if (tm == NULL) dbg_typeerror(L, rb, "get length of");
  }
  pushcall(L, tm, rb, rb);
  return 1;
}

/* strings, numbers and bigints concatenate as their text */
#define tostringable(v)  (val_isstr(v) || val_isnum(v) || val_isbigint(v))

/* Concatenate the values in [first, L->top) from the right: 0 when done
 * (result in *first, L->top = first + 1), 1 when a __concat call for the
 * last two values was pushed at L->top. */
static int concat_step(lu_State *L, Value *first) {
  Proc *P = L->P;
  for (;;) {
    Value *top = L->top;
    int n = (int)(top - first);
    if (n <= 1) return 0;
    Value *a = top - 2, *b = top - 1;
    if (!tostringable(a) || !tostringable(b)) {
      const Value *tm = tm_getbyobj(P, a, TM_CONCAT);
      if (tm == NULL) tm = tm_getbyobj(P, b, TM_CONCAT);
      if (tm == NULL) dbg_concaterror(L, a, b);
      pushcall(L, tm, a, b);
      return 1;
    }
    /* collect as many strings/numbers as possible from the top */
    int cnt = 0;
    size_t tl = 0;
    for (Value *p = top - 1; p >= first && tostringable(p); p--) {
      if (val_isnum(p)) val_setstr(p, vm_tostring(L, p));
      else if (val_isbigint(p)) val_setstr(p, big_tostr(L, val_bigint(p), 10));
      size_t l = str_len(val_str(p));
      if (l >= ((size_t)-1 >> 2) - tl) lu_runerror(L, "string length overflow");
      tl += l;
      cnt++;
    }
    Value *from = top - cnt;
    String *res;
    if (tl <= LU_MAXSHORTLEN) {
      char buf[LU_MAXSHORTLEN + 1];
      size_t off = 0;
      for (Value *p = from; p < top; p++) {
        String *s = val_str(p);
        memcpy(buf + off, str_data(s), str_len(s));
        off += str_len(s);
      }
      res = str_new(P, buf, tl);
    } else {
      res = str_newlong(P, tl);
      char *d = res->u.blob->data;
      size_t off = 0;
      for (Value *p = from; p < top; p++) {
        String *s = val_str(p);
        memcpy(d + off, str_data(s), str_len(s));
        off += str_len(s);
      }
    }
    val_setstr(from, res);
    L->top = from + 1;
  }
}

/* 'func' is not a function: put its __call handler in its place, the
 * object becoming the first argument.  Returns the (maybe moved) slot. */
static Value *tryfuncTM(lu_State *L, Value *func) {
  const Value *tm = tm_getbyobj(L->P, func, TM_CALL);
  if (tm == NULL) dbg_callerror(L, func);
  if (L->stack_last - L->top < 1) {
    ptrdiff_t fo = savestack(L, func);
    stack_grow(L, 1);
    func = restorestack(L, fo);
  }
  for (Value *p = L->top; p > func; p--) val_copy(p, p - 1);
  L->top++;
  val_copy(func, tm);
  return func;
}

/* Make sure there are n free slots above L->top; returns p rebased. */
static inline Value *ensurestack(lu_State *L, int n, Value *p) {
  if (lu_unlikely(L->stack_last - L->top <= n)) {
    ptrdiff_t po = savestack(L, p);
    stack_grow(L, n);
    p = restorestack(L, po);
  }
  return p;
}

static void forprep_error(lu_State *L, const Value *o, const char *what) {
  lu_runerror(L, "bad 'for' %s (number expected, got %s)", what, tm_objtypename(L->P, o));
}

/* Numeric for: prepare; returns true when the loop must be skipped. */
static bool forprep(lu_State *L, Value *ra) {
  Value *pinit = ra, *plimit = ra + 1, *pstep = ra + 2;
  if (val_isint(pinit) && val_isint(pstep)) {
    lu_Int init = val_int(pinit), step = val_int(pstep), limit;
    if (step == 0) lu_runerror(L, "'for' step is zero");
    val_setint(ra + 3, init);
    /* limit as an integer, clipped */
    if (val_isint(plimit)) limit = val_int(plimit);
    else {
      lu_Num flim;
      if (!vm_tonumber(plimit, &flim)) forprep_error(L, plimit, "limit");
      if (isnan(flim)) return true;
      if (!vm_flttoint(flim, &limit, step < 0 ? F2Iceil : F2Ifloor)) {
        if (flim > 0) { if (step < 0) return true; limit = LU_MAXINT; }
        else { if (step > 0) return true; limit = LU_MININT; }
      }
    }
    if (step > 0 ? init > limit : init < limit) return true;
    lu_Unsigned count;
    if (step > 0) {
      count = (lu_Unsigned)limit - (lu_Unsigned)init;
      if (step != 1) count /= (lu_Unsigned)step;
    } else {
      count = (lu_Unsigned)init - (lu_Unsigned)limit;
      count /= (lu_Unsigned)(-(step + 1)) + 1u;
    }
    val_setint(plimit, (lu_Int)count);   /* the limit slot keeps the iteration count */
    return false;
  }
  lu_Num init, limit, step;
  if (!vm_tonumber(plimit, &limit)) forprep_error(L, plimit, "limit");
  if (!vm_tonumber(pstep, &step)) forprep_error(L, pstep, "step");
  if (!vm_tonumber(pinit, &init)) forprep_error(L, pinit, "initial value");
  if (step == 0) lu_runerror(L, "'for' step is zero");
  if (step > 0 ? limit < init : init < limit) return true;
  val_setflt(plimit, limit);
  val_setflt(pstep, step);
  val_setflt(ra, init);
  val_setflt(ra + 3, init);
  return false;
}

static void setlist(lu_State *L, Value *ra, int n, uint32_t start) {
  /* compiled code always has its NEWTABLE's table here; the verifier
   * cannot prove that of a loaded file, so check */
  if (lu_unlikely(!val_istable(ra))) lu_runerror(L, "bad bytecode: SETLIST on a non-table value");
  Table *h = val_table(ra);
  uint64_t last = (uint64_t)start + (uint64_t)n;
  if (last > h->asize && last <= 0x40000000u) tab_resizearray(L->P, h, (uint32_t)last);
  for (int j = 1; j <= n; j++) {
    lu_Int key = (lu_Int)start + j;
    if ((lu_Unsigned)key - 1u < h->asize) val_copy(&h->array[key - 1], ra + j);
    else tab_setint(L, h, key, ra + j);
  }
}

static void pushclosure(lu_State *L, Proto *p, LClosure *encl, Value *base, Value *ra) {
  int nup = p->sizeupvalues;
  LClosure *ncl = lcl_new(L->P, nup);
  ncl->p = p;
  proto_incref(p);
  val_setlcl(ra, ncl);
  for (int j = 0; j < nup; j++) {
    const UpvalDesc *d = &p->upvalues[j];
    ncl->upvals[j] = d->instack ? upval_find(L, base + d->idx) : encl->upvals[d->idx];
  }
}

/* The handler of an xpcall finished: its result is the error, and the
 * xpcall frame is unwound to without calling the handler again. */
static void nohandler(lu_State *L) {
  for (CallInfo *c = L->ci; c; c = c->previous) {
    if (c->callstatus & CIST_YPCALL) { c->callstatus &= (uint16_t)~CIST_XPCALL; break; }
  }
}

static LU_NORETURN void errhandler_done(lu_State *L, const Value *res) {
  val_copy(&L->errval, res);
  nohandler(L);
  lu_throw(L, LU_ERRRUN);
}

/* A __close called while unwinding returned: go on unwinding the same
 * error (saved just below the call), already seen by any handler. */
static LU_NORETURN void closeerr_done(lu_State *L, Value *res, uint16_t st) {
  val_copy(&L->errval, res - 1);
  nohandler(L);
  lu_throw(L, (st & CIST_EXITCLOSE) ? LU_EXIT : L->closestatus);
}

/* TBC and the generic for's 4th value: nil and false are ignored, other
 * values need a __close metamethod. */
static void marktbc(lu_State *L, CallInfo *ci, Value *slot) {
  if (val_isfalsy(slot)) return;
  if (tm_getbyobj(L->P, slot, TM_CLOSE) == NULL) {
    LClosure *cl = ci_lcl(ci);
    const char *name = proto_localname(cl->p, (int)(slot - (ci->func + 1)) + 1, dbg_currentpc(ci) + 1);
    lu_runerror(L, "variable '%s' got a non-closable value", name ? name : "?");
  }
  tbc_push(L, slot);
}

/* ======================================================================= */

/* a frame returned to ci while hooks matter: leaving a hook re-enables
 * them and puts back the top the hooked instruction saw; returning into a
 * Lua frame makes its call instruction the last line seen.  The safe point
 * of the return from a hook is here, while the top is still above all of
 * the hooked frame's registers (the top put back may be below live ones,
 * and the collector clears the stack above the top): the caller goes on at
 * returned_nogc. */
static void hook_returned(lu_State *L, CallInfo *ci, unsigned st) {
  if (st & CIST_HOOKED) {
    if (lu_unlikely(gc_needed(L->P))) gc_step(L);
    L->allowhook = 1;
    ci->callstatus &= ~CIST_TRAN;
    /* a hook of a C frame (its call or return) leaves no stage to skip:
     * the next Lua instruction gets all its hooks */
    L->hookskip = ci_isLua(ci) ? L->hookresume : 0;
    if (ci_isLua(ci)) {
      /* the hooked instruction runs now (savedpc was past it, so that
       * debug.getinfo inside the hook saw its line) */
      L->top = ci->func + 1 + ci->u.l.pendingret;
      ci->u.l.savedpc--;
    }
  } else if (L->allowhook && ci_isLua(ci) && L->hook) {
    L->hook->oldpc = (int)(ci->u.l.savedpc - ci_lcl(ci)->p->code) - 1;
  }
}

/* the values a call or return hook of ci sees: debug.getinfo(2, "r")
 * (none when there are none, as lua5.4's luaD_hook) */
#define SETTRANSFER(ci, f, n) do { \
    int n_ = (int)(n); \
    if (n_ != 0) { L->hook->ftransfer = (int)(f); L->hook->ntransfer = n_; (ci)->callstatus |= CIST_TRAN; } \
  } while (0)

/* continuations used by the hooks of C functions */
static int cfunc_after_hook(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  const Value *f = L->ci->func;
  return (val_islcf(f) ? val_lcf(f) : val_ccl(f)->f)(L);
}

static int cfunc_results(lu_State *L, int status, intptr_t ctx) {
  (void)L; (void)status;
  return (int)ctx;
}

/* ---- process.receive without a frame of its own (recv_inline in
 * vm_execute) */

/* what R[A] of a CALL of receive holds while the receive waits: the CALL
 * is then the receive going on (the address of a constant, never a value
 * Lua code can make) */
static const char recv_marker = 0;

/* func is the function slot of the CALL the Lua frame L->ci is at */
static bool recv_bycall(lu_State *L, const Value *func) {
  CallInfo *ci = L->ci;
  if (!ci_isLua(ci)) return false;
  Instr c = ci->u.l.savedpc[-1];
  return GET_OP(c) == OP_CALL && ci->func + 1 + GET_A(c) == func;
}

/* the CALL that runs again finds the marker where the function was */
static bool recv_waiting(lu_State *L, const Value *func) {
  return recv_bycall(L, func) && L->top <= func + 4;
}

/* a call of the receive primitive is done inline when a CALL of a Lua frame
 * makes it (not pcall, not a metamethod), no hook watches calls, and its
 * arguments are ones RECV takes without an error (errors name the caller
 * of receive's frame: that frame must exist) */
static bool recv_inlinable(lu_State *L, const Value *func, uint16_t callflags) {
  if (callflags != 0 || L->hookmask || !recv_bycall(L, func)) return false;
  int nargs = (int)(L->top - func) - 1;
  if (nargs > 2) return false;
  const Value *pat = nargs >= 1 ? func + 1 : NULL, *to = nargs >= 2 ? func + 2 : NULL;
  if ((to == NULL || val_isnil(to)) && pat && val_isnum(pat)) to = pat;   /* a timeout alone */
  return to == NULL || val_isnil(to) || (val_isnum(to) && !(val_numval(to) < 0));
}

/* the shared closure of the receive primitive (loaded: it was called) */
static LClosure *recv_closure(VM *vm) {
  for (int j = 0; j < 8; j++)
    if (vm->primcl[j] && vm->primcl[j]->p->recvprim) return vm->primcl[j];
  lu_assert(0);
  return NULL;
}

/* a call done without a frame of its own (recv_inline, send_inline)
 * returns the one value at func, adjusted to the nres its CALL wants */
LU_INLINE void frameless_result(lu_State *L, Value *func, int nres) {
  int wanted = nres == LU_MULTRET ? 1 : nres;
  for (int j = 1; j < wanted; j++) val_setnil(func + j);
  L->top = func + wanted;
}

int vm_execute(lu_State *L) {
  Proc *P = L->P;
  CallInfo *ci;
  LClosure *cl;
  const Value *k;
  Value *base;
  const Instr *pc;
  Instr i;
  /* call set-up */
  Value *func;
  int nres;
  uint16_t callflags;
  lu_CFunction cf;
  int n;
  Value *fres;
#ifdef LU_USE_GOTO
  static const void *const disptab[NUM_OPCODES] = {
#define OP(name, fmt, a, b, c, fl) &&L_##name,
#include "opcodes.def"
#undef OP
  };
  static const void *const hooktab[NUM_OPCODES] = {
#define OP(name, fmt, a, b, c, fl) &&hookcheck,
#include "opcodes.def"
#undef OP
  };
  const void *const *disp = disptab;
#endif
  const char *hookev;
  int hookline;

  switch (L->entry) {
    case ENTRY_CALL:
      L->entry = ENTRY_RESUME;
      func = restorestack(L, L->entry_func);
      nres = L->entry_nres;
      callflags = CIST_FRESH;
      goto do_call;
    case ENTRY_ERRH:
      L->entry = ENTRY_RESUME;
      func = L->top - 2;
      nres = 1;
      callflags = CIST_ERRH;
      goto do_call;
    case ENTRY_CLOSEERR:
      L->entry = ENTRY_RESUME;
      func = L->top - 3;
      nres = 0;
      callflags = CIST_CLOSEERR | (L->closestatus == LU_EXIT ? CIST_EXITCLOSE : 0);
      goto do_call;
    default: {
      ci = L->ci;
      if (ci_isLua(ci)) goto loadframe;
      int status = L->kstatus;
      L->kstatus = LU_OK;
      n = ci->u.c.k(L, status, ci->u.c.ctx);
      goto c_result;
    }
  }

  /* ---------------------------------------------------------------- calls */
do_call:
  /* func: the function slot, arguments up to L->top; nres; callflags */
  for (;;) {
    switch (func->tt) {
      case T_LCL: goto call_lua;
      case T_LCF: cf = val_lcf(func); goto call_c;
      case T_CCL: cf = val_ccl(func)->f; goto call_c;
      case T_LUD:
        /* a CALL of process.receive that blocked or was preempted runs
         * again (recv_inline below) */
        if (val_lud(func) == (void *)&recv_marker && recv_waiting(L, func)) goto recv_goon;
        func = tryfuncTM(L, func);
        break;
      default: func = tryfuncTM(L, func); break;
    }
  }

call_lua: {
    Proto *np = val_lcl(func)->p;
    if (lu_unlikely(np->recvprim) && recv_inlinable(L, func, callflags)) goto recv_inline;
    int fsize = np->maxstacksize;
    int nargs = (int)(L->top - func) - 1;
    func = ensurestack(L, fsize, func);
    ci = L->ci->next ? L->ci->next : ci_extend(L);
    ci->func = func;
    ci->nresults = (int16_t)nres;
    ci->callstatus = callflags;
    ci->top = func + 1 + fsize;
    ci->u.l.savedpc = np->code;
    for (; nargs < np->numparams; nargs++) val_setnil(L->top++);
    L->ci = ci;
    if (lu_unlikely(callflags & CIST_HOOKED)) L->allowhook = 0;
    else if (lu_unlikely(L->hookmask) && L->allowhook) {
      L->hookcall = 1;
      L->hook->oldpc = 0;
    }
    if (lu_unlikely(--P->reds <= 0)) return LU_PREEMPT;
    goto loadframe;
  }

call_c: {
    /* process.send(pid or alias, msg) from a Lua CALL: sent here, with no
     * C frame (and no LU_MINSTACK room, which would move a small process's
     * stack out of its block); it returns the message, as the function
     * does.  A message that cannot be sent leaves no trace (proc_trysend)
     * and the call goes on below: the function raises the error from its
     * own frame. */
    if (lu_unlikely(cf == lib_process_send) && callflags == 0 && L->hookmask == 0 &&
        L->top - func == 3 && (val_ispid(func + 1) || val_isref(func + 1)) && ci_isLua(L->ci) &&
        proc_trysend(L, func + 1, func + 2)) {
      P->reds--;
      val_copy(func, func + 2);
      frameless_result(L, func, nres);
      ci = L->ci;
      goto returned;
    }
    func = ensurestack(L, LU_MINSTACK, func);
    ci = L->ci->next ? L->ci->next : ci_extend(L);
    ci->func = func;
    ci->nresults = (int16_t)nres;
    ci->callstatus = (uint16_t)(CIST_C | callflags);
    ci->top = L->top + LU_MINSTACK;
    ci->u.c.k = NULL;
    ci->oldtop = 0;
    L->ci = ci;
    P->reds--;
    if (lu_unlikely(callflags & CIST_HOOKED)) L->allowhook = 0;
    else if (lu_unlikely(L->hookmask & HOOK_CALL) && L->allowhook) {
      /* the call hook first; the function itself runs as the continuation */
      ci->u.c.k = cfunc_after_hook;
      hookev = (callflags & CIST_TAIL) ? "tail call" : "call";
      SETTRANSFER(ci, 1, L->top - (func + 1));
      goto chook;
    }
    n = cf(L);
    goto c_result;
  }

recv_inline: {
    /* process.receive(pattern, timeout) called by the CALL of the Lua
     * frame L->ci: RECV's work is done here, on the CALL's own slots
     * (func, then the arguments: RECV's layout, R[A] nil = a new receive),
     * with no frame of its own.  A process waiting in receive then has no
     * frame for it and needs four stack slots above its function's
     * registers, not the primitive's frame (docs/internals.md, "memory of a
     * process").  Blocked or preempted, the CALL runs again when the
     * process does, with recv_marker in R[A]: recv_goon. */
    int nargs = (int)(L->top - func) - 1;
    if (lu_unlikely(L->stack_last - func < 4)) {
      ptrdiff_t fo = savestack(L, func);
      stack_grow(L, 4);
      func = restorestack(L, fo);
    }
    for (int j = nargs + 1; j <= 3; j++) val_setnil(func + j);
    val_setnil(func);
    P->reds--;
    goto recv_run;
  recv_goon:
    val_settrue(func);        /* RECV's "goes on from the save pointer" */
  recv_run:
    L->top = func + 4;        /* the pattern and the timeout stay marked while it waits */
    int r = mbox_recv(L, func);
    ci = L->ci;
    if (r == 0 && (func + 1)->tt != T_TRUE) {
      /* a message (or nil: timed out), as a call of receive returns it */
      frameless_result(L, func, nres);
      goto returned;
    }
    if (r == 0) {
      /* a candidate for the Lua matcher (a pattern with functions): the
       * primitive goes on in a frame of its own, at its RECV, which finds
       * the same candidate at the save pointer again */
      LClosure *rc = recv_closure(P->vm);
      Proto *rp = rc->p;
      int rpc = 0;
      while (GET_OP(rp->code[rpc]) != OP_RECV) rpc++;
      int a = GET_A(rp->code[rpc]);
      Value pat, to;
      val_copy(&pat, func + 2);
      val_copy(&to, func + 3);
      L->top = func + 4;
      func = ensurestack(L, rp->maxstacksize, func);
      val_setlcl(func, rc);
      Value *b = func + 1;
      for (int j = 0; j < rp->maxstacksize; j++) val_setnil(b + j);
      val_copy(b, &pat);
      val_copy(b + 1, &to);
      val_settrue(b + a);
      val_copy(b + a + 2, &pat);
      val_copy(b + a + 3, &to);
      ci = L->ci->next ? L->ci->next : ci_extend(L);
      ci->func = func;
      ci->nresults = (int16_t)nres;
      ci->callstatus = 0;
      ci->top = b + rp->maxstacksize;
      ci->u.l.savedpc = rp->code + rpc;
      L->ci = ci;
      L->top = ci->top;
      goto loadframe;
    }
    /* preempted in a long queue, or blocked: the CALL runs again */
    val_setlud(func, (void *)&recv_marker);
    ci->u.l.savedpc--;
    return r == -1 ? LU_PREEMPT : LU_BLOCKED;
  }

chook:
  /* call the hook for the C frame ci: the frame's values stay below; the
   * Lua frame it returns to later checks its next instruction's hooks in
   * full (no stage left over from an earlier hook) */
  L->hookresume = 0;
  if (L->stack_last - L->top < 4) { stack_grow(L, 4); }
  val_copy(L->top, &L->hook->f);
  val_setstr(L->top + 1, str_newz(P, hookev));
  val_setnil(L->top + 2);
  L->top += 3;
  func = L->top - 3;
  nres = 0;
  callflags = CIST_HOOKED;
  goto do_call;

c_result:
  /* ci == L->ci is a C frame that returned n */
  if (lu_likely(n >= 0)) {
    if (lu_unlikely(L->hookmask & HOOK_RET) && L->allowhook &&
        !(ci->callstatus & (CIST_RETHOOK | CIST_HOOKED))) {
      /* the return hook runs above the results, then this again */
      ci->callstatus |= CIST_RETHOOK;
      ci->u.c.k = cfunc_results;
      ci->u.c.ctx = n;
      hookev = "return";
      SETTRANSFER(ci, L->top - n - ci->func, n);
      goto chook;
    }
    Value *res = ci->func;
    int wanted = ci->nresults;
    uint16_t st = ci->callstatus;
    Value *src = L->top - n;
    if (wanted == LU_MULTRET) wanted = n;
    int j;
    for (j = 0; j < n && j < wanted; j++) val_copy(res + j, src + j);
    for (; j < wanted; j++) val_setnil(res + j);
    L->top = res + wanted;
    L->ci = ci = ci->previous;
    if (lu_unlikely((st & CIST_HOOKED) || L->hookmask)) {
      hook_returned(L, ci, st);
      if (st & CIST_HOOKED) goto returned_nogc;
    }
    if (lu_unlikely(st & (CIST_FRESH | CIST_FIN | CIST_ERRH | CIST_CLOSEERR))) {
      if (st & CIST_FRESH) { fres = res; goto fresh_return; }
      if (st & CIST_ERRH) errhandler_done(L, res);
      if (st & CIST_CLOSEERR) closeerr_done(L, res, st);
      L->top = res + 1;
      goto finish_op;
    }
    goto returned;
  }
  switch (n) {
    case LU_SIG_CALL:
      func = restorestack(L, L->entry_func);
      nres = L->entry_nres;
      callflags = 0;
      goto do_call;
    case LU_SIG_TAILCALL: {
      Value *nf = restorestack(L, L->entry_func);
      int nargs = (int)(L->top - nf) - 1;
      Value *res = ci->func;
      for (int j = 0; j <= nargs; j++) val_copy(res + j, nf + j);
      L->top = res + 1 + nargs;
      nres = ci->nresults;
      callflags = ci->callstatus & (CIST_FRESH | CIST_FIN | CIST_ERRH | CIST_CLOSEERR | CIST_EXITCLOSE);
      L->ci = ci = ci->previous;
      func = res;
      goto do_call;
    }
    case LU_SIG_RESUME: {
      lu_State *co = L->co_target;
      L->co_target = NULL;
      co->resumer = L;
      int isnew = (co->costatus == CO_NEW);
      co->costatus = CO_RUNNING;
      P->L = L = co;
      if (co->closing) lu_throw(L, LU_CLOSE);   /* coroutine.close: unwind it */
      if (isnew) {
        func = L->stack + 1;
        nres = LU_MULTRET;
        callflags = CIST_FRESH;
        goto do_call;
      }
      ci = L->ci;               /* the C frame of its yield */
      n = ci->u.c.k(L, LU_OK, ci->u.c.ctx);
      goto c_result;
    }
    case LU_SIG_YIELD: {
      lu_State *r = L->resumer;
      if (r == NULL) lu_runerror(L, "attempt to yield from outside a coroutine");
      lu_State *co = L;
      int ny = co->nyield;
      Value *from = co->top - ny;
      co->costatus = CO_SUSPENDED;
      co->resumer = NULL;
      r->costatus = CO_RUNNING;
      P->L = L = r;
      if (L->stack_last - L->top <= ny) stack_grow(L, ny);
      for (int j = 0; j < ny; j++) val_copy(L->top + j, from + j);
      L->top += ny;
      co->top = from;
      ci = L->ci;               /* the C frame of resume */
      n = ci->u.c.k(L, LU_OK, ci->u.c.ctx);
      goto c_result;
    }
    case LU_SIG_BLOCK:
      return LU_BLOCKED;        /* the scheduler resumes ci's continuation */
    case LU_SIG_PREEMPT:
      return LU_PREEMPT;
    default:
      lu_runerror(L, "C function returned an invalid result");
  }

fresh_return:
  /* the entry frame of this thread returned, results in [fres, L->top) */
  if (L->resumer == NULL) return LU_OK;
  {
    /* a coroutine finished: its results go to the resumer */
    lu_State *co = L, *r = L->resumer;
    int nr = (int)(co->top - fres);
    co->costatus = CO_DEAD;
    co->status = LU_OK;
    co->resumer = NULL;
    r->costatus = CO_RUNNING;
    P->L = L = r;
    if (L->stack_last - L->top <= nr) stack_grow(L, nr);
    for (int j = 0; j < nr; j++) val_copy(L->top + j, fres + j);
    L->top += nr;
    co->top = fres;
    ci = L->ci;
    n = ci->u.c.k(L, LU_OK, ci->u.c.ctx);
    goto c_result;
  }

returned:
  /* ci == L->ci gets control back after a callee returned */
  /* a safe point: live values of a Lua caller are below the results */
  if (lu_unlikely(gc_needed(P))) gc_step(L);
returned_nogc:
  if (!ci_isLua(ci)) {
    ci->callstatus &= (uint16_t)~(CIST_YPCALL | CIST_XPCALL);
    n = ci->u.c.k(L, LU_OK, ci->u.c.ctx);
    goto c_result;
  }
  /* fall through */

loadframe:
  cl = ci_lcl(ci);
  k = cl->p->k;
  base = ci->func + 1;
  pc = ci->u.l.savedpc;
  goto dispatch;

finish_op: {
    /* ci is the Lua frame whose instruction at savedpc-1 called a
     * metamethod; its result is at L->top - 1 */
    cl = ci_lcl(ci);
    k = cl->p->k;
    base = ci->func + 1;
    pc = ci->u.l.savedpc;
    Instr inst = pc[-1];
    Value *res = L->top - 1;
    switch (GET_OP(inst)) {
      case OP_EQ: case OP_LT: case OP_LE: case OP_LTI: case OP_LEI:
      case OP_GTI: case OP_GEI: {
        int cond = !val_isfalsy(res);
        if (lu_unlikely(ci->callstatus & CIST_LEQ)) {
          ci->callstatus &= (uint16_t)~CIST_LEQ;
          cond = !cond;
        }
        L->top = ci->top;
        i = inst;
        DOCOND(cond);
        break;
      }
      case OP_CLOSE:
        /* one __close done: run CLOSE again for the next one */
        L->top = ci->top;
        pc--;
        L->hookskip = 3;        /* no second hook for the same instruction */
        break;
      case OP_RETURN:
        if (GET_B(inst) == 0) L->top = base + GET_A(inst) + ci->u.l.pendingret;
        pc--;
        L->hookskip = 3;
        break;
      case OP_CONCAT: {
        /* res sits where the call was pushed: just above the operands */
        val_copy(res - 2, res);
        L->top = res - 1;
        i = inst;
        goto concat_cont;
      }
      default:
        val_copy(base + GET_A(inst), res);
        L->top = ci->top;
        break;
    }
    goto dispatch;
  }

allocated:
  /* an instruction made a new object (a bigint's arithmetic): a safe point */
  CHECKGC();
  goto dispatch;

concat_cont: {
    /* i is the CONCAT instruction; operands in [R[A], L->top) */
    Value *ra = RA();
    SAVEPC();
    if (concat_step(L, ra)) {
      func = L->top - 3;
      nres = 1;
      callflags = CIST_FIN;
      goto do_call;
    }
    RELOADBASE();
    L->top = ci->top;
    CHECKGC_A();
    goto dispatch;
  }

run_finalizers:
  /* between two instructions of the Lua frame ci: call them all, then go on */
  val_setlcf(L->top, lib_gcfinalizers);
  L->top++;
  func = L->top - 1;
  nres = 0;
  callflags = 0;
  goto do_call;

  /* ---------------------------------------------------------- debug hooks */
hookcheck:
  /* i is the instruction at pc-1, about to run; hooks run in the order
   * call, count, line, and after one returns the check resumes at the
   * next stage (L->hookskip) for the same instruction */
  if (!L->hookmask || !L->allowhook) goto hookdone;
  {
    Proto *hp = cl->p;
    int npc = (int)(pc - hp->code) - 1;
    int stage = L->hookskip;
    L->hookskip = 0;
    hookline = -1;
    if (stage <= 0 && L->hookcall) {
      L->hookcall = 0;
      L->hook->oldpc = npc;
      if (L->hookmask & HOOK_CALL) {
        hookev = (ci->callstatus & CIST_TAIL) ? "tail call" : "call";
        SETTRANSFER(ci, 1, hp->numparams);
        L->hookresume = 1;
        goto callhook;
      }
    }
    if (stage <= 1 && (L->hookmask & HOOK_COUNT) && L->hook->basecount > 0 &&
        --L->hook->count <= 0) {
      L->hook->count = L->hook->basecount;
      hookev = "count";
      L->hookresume = 2;
      goto callhook;
    }
    if (stage <= 2 && (L->hookmask & HOOK_LINE)) {
      int line = dbg_line(hp, npc);
      bool newline = npc == 0 || npc <= L->hook->oldpc || line != dbg_line(hp, L->hook->oldpc);
      L->hook->oldpc = npc;
      if (hp->is_vararg && npc == 0) {
        /* VARARGPREP: no event, and (as lua5.4) the next instruction is
         * seen as a new line */
        newline = false;
        L->hook->oldpc = 1;
      }
      if (newline && line >= 0) {
        hookev = "line";
        hookline = line;
        L->hookresume = 3;
        goto callhook;
      }
    }
    goto hookdone;
  }
callhook:
  /* call the hook above the live values (top saved in pendingret and put
   * back by hook_returned), then the same instruction again */
  ci->u.l.savedpc = pc;
  if (L->top < ci->top) { ci->u.l.pendingret = (int32_t)(L->top - base); L->top = ci->top; }
  else ci->u.l.pendingret = (int32_t)(L->top - base);
  if (L->stack_last - L->top < 4) { stack_grow(L, 4); RELOADBASE(); }
  val_copy(L->top, &L->hook->f);
  val_setstr(L->top + 1, str_newz(P, hookev));
  if (hookline >= 0) val_setint(L->top + 2, hookline); else val_setnil(L->top + 2);
  L->top += 3;
  func = L->top - 3;
  nres = 0;
  callflags = CIST_HOOKED;
  goto do_call;
hookdone:
#ifdef LU_USE_GOTO
  goto *disptab[GET_OP(i)];
#else
  goto dispatch_nohook;
#endif

  /* --------------------------------------------------------- the loop */
dispatch:
#ifdef LU_USE_GOTO
  disp = (lu_unlikely(L->hookmask) && L->allowhook) ? hooktab : disptab;
#endif
  i = *pc++;
#ifndef LU_USE_GOTO
  if (lu_unlikely(L->hookmask)) goto hookcheck;
dispatch_nohook:
#endif
  VM_DISPATCH(GET_OP(i)) {

  VM_CASE(MOVE) {
    val_copy(RA(), RB());
    VM_NEXT();
  }
  VM_CASE(LOADI) {
    val_setint(RA(), GET_sBx(i));
    VM_NEXT();
  }
  VM_CASE(LOADF) {
    val_setflt(RA(), (lu_Num)GET_sBx(i));
    VM_NEXT();
  }
  VM_CASE(LOADK) {
    val_copy(RA(), k + GET_Bx(i));
    VM_NEXT();
  }
  VM_CASE(LOADKX) {
    val_copy(RA(), k + *pc);
    pc++;
    VM_NEXT();
  }
  VM_CASE(LOADFALSE) {
    val_setfalse(RA());
    VM_NEXT();
  }
  VM_CASE(LFALSESKIP) {
    val_setfalse(RA());
    pc++;
    VM_NEXT();
  }
  VM_CASE(LOADTRUE) {
    val_settrue(RA());
    VM_NEXT();
  }
  VM_CASE(LOADNIL) {
    Value *ra = RA();
    int b = GET_B(i);
    do { val_setnil(ra++); } while (b--);
    VM_NEXT();
  }
  VM_CASE(GETUPVAL) {
    val_copy(RA(), cl->upvals[GET_B(i)]->v);
    VM_NEXT();
  }
  VM_CASE(SETUPVAL) {
    val_copy(cl->upvals[GET_B(i)]->v, RA());
    VM_NEXT();
  }

  /* ----------------------------------------------------------- tables */
#define GET_TAIL(tv, keyv) do { \
    int r_; PROTECT(r_ = index_slow(L, tv, keyv, RA())); \
    if (r_) { func = L->top - 3; nres = 1; callflags = CIST_FIN; goto do_call; } \
    VM_NEXT(); } while (0)

  VM_CASE(GETTABUP) {
    const Value *upv = cl->upvals[GET_B(i)]->v;
    const Value *kc = KC();
    if (lu_likely(val_istable(upv))) {
      Table *h = val_table(upv);
      const Value *slot = tab_getstr_i(h, val_str(kc));
      if (lu_likely(!val_isnil(slot) || (h->metatable == NULL && !tab_islazy(h)))) { val_copy(RA(), slot); VM_NEXT(); }
    }
    GET_TAIL(upv, kc);
  }
  VM_CASE(GETTABLE) {
    Value *rb = RB(), *rc = RC();
    if (lu_likely(val_istable(rb))) {
      Table *h = val_table(rb);
      const Value *slot = val_isint(rc) ? tab_getint_fast(h, val_int(rc))
                        : val_isstr(rc) ? tab_getstr_i(h, val_str(rc)) : tab_get(h, rc);
      if (lu_likely(!val_isnil(slot) || (h->metatable == NULL && !tab_islazy(h)))) { val_copy(RA(), slot); VM_NEXT(); }
    }
    GET_TAIL(rb, rc);
  }
  VM_CASE(GETI) {
    Value *rb = RB();
    if (lu_likely(val_istable(rb))) {
      Table *h = val_table(rb);
      const Value *slot = tab_getint_fast(h, GET_C(i));
      if (lu_likely(!val_isnil(slot) || (h->metatable == NULL && !tab_islazy(h)))) { val_copy(RA(), slot); VM_NEXT(); }
    }
    {
      Value key;
      val_setint(&key, GET_C(i));
      GET_TAIL(rb, &key);
    }
  }
  VM_CASE(GETFIELD) {
    Value *rb = RB();
    const Value *kc = KC();
    if (lu_likely(val_istable(rb))) {
      Table *h = val_table(rb);
      const Value *slot = tab_getstr_i(h, val_str(kc));
      if (lu_likely(!val_isnil(slot) || (h->metatable == NULL && !tab_islazy(h)))) { val_copy(RA(), slot); VM_NEXT(); }
    }
    GET_TAIL(rb, kc);
  }
  VM_CASE(SELF) {
    Value *ra = RA(), *rb = RB(), *rc = RC();
    val_copy(ra + 1, rb);
    if (lu_likely(val_istable(rb))) {
      Table *h = val_table(rb);
      const Value *slot = val_isstr(rc) ? tab_getstr_i(h, val_str(rc)) : tab_get(h, rc);
      if (lu_likely(!val_isnil(slot) || (h->metatable == NULL && !tab_islazy(h)))) { val_copy(ra, slot); VM_NEXT(); }
    }
    GET_TAIL(rb, rc);
  }
  VM_CASE(SELFK) {
    Value *ra = RA(), *rb = RB();
    const Value *kc = KC();
    val_copy(ra + 1, rb);
    if (lu_likely(val_istable(rb))) {
      Table *h = val_table(rb);
      const Value *slot = tab_getstr_i(h, val_str(kc));
      if (lu_likely(!val_isnil(slot) || (h->metatable == NULL && !tab_islazy(h)))) { val_copy(ra, slot); VM_NEXT(); }
    }
    GET_TAIL(rb, kc);
  }

#define SET_TAIL(tv, keyv, vv) do { \
    int r_; PROTECT(r_ = newindex_slow(L, tv, keyv, vv)); \
    if (r_) { func = L->top - 4; nres = 0; callflags = 0; goto do_call; } \
    VM_NEXT(); } while (0)
  /* fast set: existing non-nil slot */
#define SET_FAST(tv, slotexpr, vv) do { if (lu_likely(val_istable(tv))) { \
    Table *h_ = val_table(tv); const Value *slot_ = (slotexpr); \
    if (lu_likely(!val_isnil(slot_)) && (lu_likely(!val_isnil(vv)) || !tab_islazy(h_))) { \
      val_copy((Value *)slot_, vv); VM_NEXT(); } } } while (0)

  VM_CASE(SETTABUP) {
    Value *upv = cl->upvals[GET_A(i)]->v;
    const Value *kb = KB(), *rc = RC();
    SET_FAST(upv, tab_getstr_i(h_, val_str(kb)), rc);
    SET_TAIL(upv, kb, rc);
  }
  VM_CASE(SETTABUPK) {
    Value *upv = cl->upvals[GET_A(i)]->v;
    const Value *kb = KB(), *kc = KC();
    SET_FAST(upv, tab_getstr_i(h_, val_str(kb)), kc);
    SET_TAIL(upv, kb, kc);
  }
  VM_CASE(SETTABLE) {
    Value *ra = RA(), *rb = RB(), *rc = RC();
    SET_FAST(ra, val_isint(rb) ? tab_getint_fast(h_, val_int(rb)) :
                 val_isstr(rb) ? tab_getstr_i(h_, val_str(rb)) : tab_get(h_, rb), rc);
    SET_TAIL(ra, rb, rc);
  }
  VM_CASE(SETTABLEK) {
    Value *ra = RA(), *rb = RB();
    const Value *kc = KC();
    SET_FAST(ra, val_isint(rb) ? tab_getint_fast(h_, val_int(rb)) :
                 val_isstr(rb) ? tab_getstr_i(h_, val_str(rb)) : tab_get(h_, rb), kc);
    SET_TAIL(ra, rb, kc);
  }
  VM_CASE(SETI) {
    Value *ra = RA(), *rc = RC();
    SET_FAST(ra, tab_getint_fast(h_, GET_B(i)), rc);
    {
      Value key;
      val_setint(&key, GET_B(i));
      SET_TAIL(ra, &key, rc);
    }
  }
  VM_CASE(SETIK) {
    Value *ra = RA();
    const Value *kc = KC();
    SET_FAST(ra, tab_getint_fast(h_, GET_B(i)), kc);
    {
      Value key;
      val_setint(&key, GET_B(i));
      SET_TAIL(ra, &key, kc);
    }
  }
  VM_CASE(SETFIELD) {
    Value *ra = RA(), *rc = RC();
    const Value *kb = KB();
    SET_FAST(ra, tab_getstr_i(h_, val_str(kb)), rc);
    SET_TAIL(ra, kb, rc);
  }
  VM_CASE(SETFIELDK) {
    Value *ra = RA();
    const Value *kb = KB(), *kc = KC();
    SET_FAST(ra, tab_getstr_i(h_, val_str(kb)), kc);
    SET_TAIL(ra, kb, kc);
  }
  VM_CASE(NEWTABLE) {
    int b = GET_B(i);
    uint32_t asize = *pc++;
    Table *t;
    SAVESTATE();
    if (b == 0 && asize - 1u < TAB_INLMAX) {     /* {a, b, c}: one block */
      t = tab_newarray(P, asize);
      val_settable(RA(), t);
    } else {
      t = tab_new(P);
      val_settable(RA(), t);
      if (b != 0 || asize != 0) tab_resize(P, t, asize, b ? (1u << (b - 1)) : 0);
    }
    CHECKGC_A();
    VM_NEXT();
  }

  /* ------------------------------------------------------- arithmetic */
#define ARITH_SLOW(a, b, ev) do { \
    int r_; Value res_; PROTECT(r_ = arith_slow(L, a, b, ev, &res_)); \
    if (r_ == 0) { val_copy(RA(), &res_); goto allocated; } \
    func = L->top - 3; nres = 1; callflags = CIST_FIN; goto do_call; } while (0)

  /* integer op iop, float op fop, on values v1 v2 */
#define ARITH(v1, v2, iop, fop, ev) do { \
    const Value *a_ = (v1), *b_ = (v2); \
    if (lu_likely(val_isint(a_) && val_isint(b_))) { \
      lu_Int x_ = val_int(a_), y_ = val_int(b_); val_setint(RA(), iop); } \
    else { lu_Num nx_, ny_; \
      if (lu_likely(tonum(a_, &nx_) && tonum(b_, &ny_))) val_setflt(RA(), fop); \
      else ARITH_SLOW(a_, b_, ev); } \
    VM_NEXT(); } while (0)

#define FARITH(v1, v2, fop, ev) do { \
    const Value *a_ = (v1), *b_ = (v2); lu_Num nx_, ny_; \
    if (lu_likely(tonum(a_, &nx_) && tonum(b_, &ny_))) val_setflt(RA(), fop); \
    else ARITH_SLOW(a_, b_, ev); \
    VM_NEXT(); } while (0)

#define BITWISE(v1, v2, iop, ev) do { \
    const Value *a_ = (v1), *b_ = (v2); lu_Int x_, y_; \
    if (lu_likely(vm_tointegerns(a_, &x_) && vm_tointegerns(b_, &y_))) val_setint(RA(), iop); \
    else ARITH_SLOW(a_, b_, ev); \
    VM_NEXT(); } while (0)

#define IADD  (lu_Int)((lu_Unsigned)x_ + (lu_Unsigned)y_)
#define ISUB  (lu_Int)((lu_Unsigned)x_ - (lu_Unsigned)y_)
#define IMUL  (lu_Int)((lu_Unsigned)x_ * (lu_Unsigned)y_)
#define IMOD  (SAVEPC(), vm_mod(L, x_, y_))
#define IIDIV (SAVEPC(), vm_idiv(L, x_, y_))
#define IBAND (lu_Int)((lu_Unsigned)x_ & (lu_Unsigned)y_)
#define IBOR  (lu_Int)((lu_Unsigned)x_ | (lu_Unsigned)y_)
#define IBXOR (lu_Int)((lu_Unsigned)x_ ^ (lu_Unsigned)y_)
#define ISHL  vm_shiftl(x_, y_)
#define ISHR  vm_shiftr(x_, y_)
#define FADD  (nx_ + ny_)
#define FSUB  (nx_ - ny_)
#define FMUL  (nx_ * ny_)
#define FDIV  (nx_ / ny_)
#define FMOD  vm_modf(nx_, ny_)
#define FPOW  vm_pow(nx_, ny_)
#define FIDIV vm_floordivf(nx_, ny_)

#define IMM(v) Value v; val_setint(&v, GET_sC(i))

  VM_CASE(ADDI) { IMM(imm); ARITH(RB(), &imm, IADD, FADD, TM_ADD); }
  VM_CASE(ADDIF) { IMM(imm); ARITH(&imm, RB(), IADD, FADD, TM_ADD); }
  /* lua5.4 runs "x - n" as x + (-n): for x = -0.0 and n = 0 that is 0.0 */
  VM_CASE(SUBI) { IMM(imm); ARITH(RB(), &imm, ISUB, nx_ + (lu_Num)-GET_sC(i), TM_SUB); }
  VM_CASE(SHRI) { IMM(imm); BITWISE(RB(), &imm, ISHR, TM_SHR); }
  VM_CASE(SHLI) { IMM(imm); BITWISE(RB(), &imm, ISHL, TM_SHL); }
  VM_CASE(SHLIF) { IMM(imm); BITWISE(&imm, RB(), ISHL, TM_SHL); }

  VM_CASE(ADDK) { ARITH(RB(), KC(), IADD, FADD, TM_ADD); }
  VM_CASE(ADDKF) { ARITH(KC(), RB(), IADD, FADD, TM_ADD); }
  VM_CASE(SUBK) { ARITH(RB(), KC(), ISUB, FSUB, TM_SUB); }
  VM_CASE(MULK) { ARITH(RB(), KC(), IMUL, FMUL, TM_MUL); }
  VM_CASE(MULKF) { ARITH(KC(), RB(), IMUL, FMUL, TM_MUL); }
  VM_CASE(MODK) { ARITH(RB(), KC(), IMOD, FMOD, TM_MOD); }
  VM_CASE(POWK) { FARITH(RB(), KC(), FPOW, TM_POW); }
  VM_CASE(DIVK) { FARITH(RB(), KC(), FDIV, TM_DIV); }
  VM_CASE(IDIVK) { ARITH(RB(), KC(), IIDIV, FIDIV, TM_IDIV); }
  VM_CASE(BANDK) { BITWISE(RB(), KC(), IBAND, TM_BAND); }
  VM_CASE(BANDKF) { BITWISE(KC(), RB(), IBAND, TM_BAND); }
  VM_CASE(BORK) { BITWISE(RB(), KC(), IBOR, TM_BOR); }
  VM_CASE(BORKF) { BITWISE(KC(), RB(), IBOR, TM_BOR); }
  VM_CASE(BXORK) { BITWISE(RB(), KC(), IBXOR, TM_BXOR); }
  VM_CASE(BXORKF) { BITWISE(KC(), RB(), IBXOR, TM_BXOR); }

  VM_CASE(ADD) { ARITH(RB(), RC(), IADD, FADD, TM_ADD); }
  VM_CASE(SUB) { ARITH(RB(), RC(), ISUB, FSUB, TM_SUB); }
  VM_CASE(MUL) { ARITH(RB(), RC(), IMUL, FMUL, TM_MUL); }
  VM_CASE(MOD) { ARITH(RB(), RC(), IMOD, FMOD, TM_MOD); }
  VM_CASE(POW) { FARITH(RB(), RC(), FPOW, TM_POW); }
  VM_CASE(DIV) { FARITH(RB(), RC(), FDIV, TM_DIV); }
  VM_CASE(IDIV) { ARITH(RB(), RC(), IIDIV, FIDIV, TM_IDIV); }
  VM_CASE(BAND) { BITWISE(RB(), RC(), IBAND, TM_BAND); }
  VM_CASE(BOR) { BITWISE(RB(), RC(), IBOR, TM_BOR); }
  VM_CASE(BXOR) { BITWISE(RB(), RC(), IBXOR, TM_BXOR); }
  VM_CASE(SHL) { BITWISE(RB(), RC(), ISHL, TM_SHL); }
  VM_CASE(SHR) { BITWISE(RB(), RC(), ISHR, TM_SHR); }

  VM_CASE(UNM) {
    Value *rb = RB();
    if (val_isint(rb)) val_setint(RA(), (lu_Int)(0u - (lu_Unsigned)val_int(rb)));
    else if (val_isflt(rb)) val_setflt(RA(), -val_flt(rb));
    else ARITH_SLOW(rb, rb, TM_UNM);
    VM_NEXT();
  }
  VM_CASE(BNOT) {
    Value *rb = RB();
    lu_Int x;
    if (vm_tointegerns(rb, &x)) val_setint(RA(), (lu_Int)(~(lu_Unsigned)x));
    else ARITH_SLOW(rb, rb, TM_BNOT);
    VM_NEXT();
  }
  VM_CASE(NOT) {
    Value *rb = RB();
    val_setbool(RA(), val_isfalsy(rb));
    VM_NEXT();
  }
  VM_CASE(LEN) {
    Value *rb = RB();
    if (val_istable(rb) && val_table(rb)->metatable == NULL) {
      val_setint(RA(), (lu_Int)tab_len(val_table(rb)));
      VM_NEXT();
    }
    if (val_isstr(rb)) {
      val_setint(RA(), (lu_Int)str_len(val_str(rb)));
      VM_NEXT();
    }
    {
      int r;
      PROTECT(r = len_slow(L, rb, RA()));
      if (r) { func = L->top - 3; nres = 1; callflags = CIST_FIN; goto do_call; }
    }
    VM_NEXT();
  }
  VM_CASE(CONCAT) {
    L->top = RA() + GET_B(i);
    goto concat_cont;
  }

  VM_CASE(CLOSE) {
    Value *ra = RA();
    if (L->openupval && L->openupval->v >= ra) upval_close(L, ra);
    if (tbc_pending(L, ra)) {
      /* call one __close; finish_op comes back here for the next */
      SAVESTATE();
      tbc_prepclose(L, VAL_ABSENT);
      func = L->top - 3;
      nres = 0;
      callflags = CIST_FIN;
      goto do_call;
    }
    VM_NEXT();
  }
  VM_CASE(TBC) {
    PROTECT(marktbc(L, ci, RA()));
    VM_NEXT();
  }

  VM_CASE(JMP) {
    pc += GET_sJ(i);
    VM_NEXT();
  }
  VM_CASE(LOOP) {
    pc += GET_sJ(i);
    CHECKREDS();
    VM_NEXT();
  }

  /* ------------------------------------------------------ comparisons */
#define COND_SLOW(expr) do { int r_; PROTECT(r_ = (expr)); \
    if (r_ == 2) { func = L->top - 3; nres = 1; callflags = CIST_FIN; goto do_call; } \
    DOCOND(r_); VM_NEXT(); } while (0)

  VM_CASE(EQ) {
    Value *ra = RA(), *rb = RB();
    int c = eqfast(ra, rb);
    if (lu_likely(c >= 0)) { DOCOND(c); VM_NEXT(); }
    COND_SLOW(eq_slow(L, ra, rb));
  }
  VM_CASE(LT) {
    Value *ra = RA(), *rb = RB();
    if (val_isint(ra) && val_isint(rb)) { DOCOND(val_int(ra) < val_int(rb)); VM_NEXT(); }
    if (val_isnum(ra) && val_isnum(rb)) { DOCOND(vm_lessthan_num(ra, rb)); VM_NEXT(); }
    COND_SLOW(order_slow(L, ra, rb, TM_LT));
  }
  VM_CASE(LE) {
    Value *ra = RA(), *rb = RB();
    if (val_isint(ra) && val_isint(rb)) { DOCOND(val_int(ra) <= val_int(rb)); VM_NEXT(); }
    if (val_isnum(ra) && val_isnum(rb)) { DOCOND(vm_lessequal_num(ra, rb)); VM_NEXT(); }
    COND_SLOW(order_slow(L, ra, rb, TM_LE));
  }
  VM_CASE(EQK) {
    /* a value of another type than the constant, not a number, differs
     * (msg == "stop" with a table msg): no call */
    const Value *ra = RA(), *kb = KB();
    DOCOND((ra->tt == kb->tt || val_isnum(ra) || ra->tt == T_BIGINT) && val_rawequal(ra, kb));
    VM_NEXT();
  }
  VM_CASE(EQI) {
    Value *ra = RA();
    int c;
    if (val_isint(ra)) c = (val_int(ra) == GET_sB(i));
    else if (val_isflt(ra)) c = (val_flt(ra) == (lu_Num)GET_sB(i));
    else if (lu_unlikely(val_isbigint(ra))) { Value iv; val_setint(&iv, GET_sB(i)); c = val_rawequal(ra, &iv); }
    else c = 0;
    DOCOND(c);
    VM_NEXT();
  }
#define IMMCMP(iop, fop, slowcall) do { \
    Value *ra = RA(); int im_ = GET_sB(i); \
    if (val_isint(ra)) { DOCOND(val_int(ra) iop im_); VM_NEXT(); } \
    if (val_isflt(ra)) { DOCOND(val_flt(ra) fop (lu_Num)im_); VM_NEXT(); } \
    { Value imv_; if (GET_isf(i)) val_setflt(&imv_, (lu_Num)im_); else val_setint(&imv_, im_); \
      COND_SLOW(slowcall); } } while (0)
  VM_CASE(LTI) { IMMCMP(<, <, order_slow(L, ra, &imv_, TM_LT)); }
  VM_CASE(LEI) { IMMCMP(<=, <=, order_slow(L, ra, &imv_, TM_LE)); }
  VM_CASE(GTI) { IMMCMP(>, >, order_slow(L, &imv_, ra, TM_LT)); }
  VM_CASE(GEI) { IMMCMP(>=, >=, order_slow(L, &imv_, ra, TM_LE)); }
  VM_CASE(TEST) {
    DOCOND(!val_isfalsy(RA()));
    VM_NEXT();
  }
  VM_CASE(TESTSET) {
    Value *rb = RB();
    if ((int)val_isfalsy(rb) == GET_k(i)) pc++;
    else {
      val_copy(RA(), rb);
      int off = GET_sJ(*pc);
      pc += off + 1;
      if (off < 0) CHECKREDS();
    }
    VM_NEXT();
  }

  /* ------------------------------------------------------------ calls */
  VM_CASE(CALL) {
    Value *ra = RA();
    int b = GET_B(i);
    if (b != 0) L->top = ra + b;
    SAVEPC();
    func = ra;
    nres = GET_C(i) - 1;
    callflags = 0;
    goto do_call;
  }
  VM_CASE(TAILCALL) {
    Value *ra = RA();
    int b = GET_B(i);
    if (b != 0) L->top = ra + b;
    SAVEPC();
    while (!val_isfunc(ra)) ra = tryfuncTM(L, ra);
    if (val_islcl(ra)) {
      RELOADBASE();
      if (L->openupval && L->openupval->v >= base) upval_close(L, base);
      Proto *np = val_lcl(ra)->p;
      int nargs = (int)(L->top - ra) - 1;
      Value *nf = ci->func;
      if (cl->p->is_vararg) nf -= ci->u.l.nextraargs + cl->p->numparams + 1;
      for (int j = 0; j <= nargs; j++) val_copy(nf + j, ra + j);
      L->top = nf + 1 + nargs;
      nf = ensurestack(L, np->maxstacksize, nf);
      ci->func = nf;
      ci->top = nf + 1 + np->maxstacksize;
      ci->u.l.savedpc = np->code;
      ci->callstatus |= CIST_TAIL;
      for (; nargs < np->numparams; nargs++) val_setnil(L->top++);
      if (lu_unlikely(L->hookmask) && L->allowhook) { L->hookcall = 1; L->hook->oldpc = 0; }
      if (lu_unlikely(--P->reds <= 0)) return LU_PREEMPT;
      goto loadframe;
    }
    /* a C function: an ordinary call; the RETURN that follows returns its results */
    func = ra;
    nres = LU_MULTRET;
    callflags = 0;
    goto do_call;
  }

  {
    Value *ra;
    int nret;
  VM_CASE(RETURN)
    ra = RA();
    nret = GET_B(i) - 1;
    if (nret < 0) nret = (int)(L->top - ra);
    if (lu_unlikely(L->hookmask & HOOK_RET) && L->allowhook && !(ci->callstatus & CIST_RETHOOK))
      goto rethook;
    if (lu_unlikely(tbc_pending(L, base))) {
      /* call one __close above the values; finish_op comes back here */
      SAVEPC();
      ci->u.l.pendingret = nret;
      if (L->openupval && L->openupval->v >= base) upval_close(L, base);
      L->top = (ra + nret > ci->top) ? ra + nret : ci->top;
      tbc_prepclose(L, VAL_ABSENT);
      func = L->top - 3;
      nres = 0;
      callflags = CIST_FIN;
      goto do_call;
    }
    if (L->openupval && L->openupval->v >= base) {
      SAVEPC();
      upval_close(L, base);
    }
    if (cl->p->is_vararg) ci->func -= ci->u.l.nextraargs + cl->p->numparams + 1;
    goto lua_return;
  VM_CASE(RETURN0)
    ra = base;
    nret = 0;
    if (lu_unlikely(L->hookmask & HOOK_RET) && L->allowhook && !(ci->callstatus & CIST_RETHOOK))
      goto rethook;
    goto lua_return;
  VM_CASE(RETURN1)
    ra = RA();
    nret = 1;
    if (lu_unlikely(L->hookmask & HOOK_RET) && L->allowhook && !(ci->callstatus & CIST_RETHOOK))
      goto rethook;
    goto lua_return;
  rethook:
    /* the return hook runs first (above the values); then RETURN again */
    ci->callstatus |= CIST_RETHOOK;
    SETTRANSFER(ci, ra - ci->func, nret);
    ci->u.l.savedpc = pc;
    ci->u.l.pendingret = (int32_t)(L->top - base);
    L->top = (ra + nret > ci->top) ? ra + nret : ci->top;
    if (L->stack_last - L->top < 4) { stack_grow(L, 4); RELOADBASE(); }
    val_copy(L->top, &L->hook->f);
    val_setstr(L->top + 1, str_newz(P, "return"));
    val_setnil(L->top + 2);
    L->top += 3;
    func = L->top - 3;
    nres = 0;
    L->hookresume = 3;
    callflags = CIST_HOOKED;
    goto do_call;
  lua_return: {
      Value *res = ci->func;
      int wanted = ci->nresults;
      uint16_t st = ci->callstatus;
      if (wanted == LU_MULTRET) wanted = nret;
      int j;
      for (j = 0; j < nret && j < wanted; j++) val_copy(res + j, ra + j);
      for (; j < wanted; j++) val_setnil(res + j);
      L->top = res + wanted;
      L->ci = ci = ci->previous;
      if (lu_unlikely((st & CIST_HOOKED) || L->hookmask)) {
        hook_returned(L, ci, st);
        if (st & CIST_HOOKED) goto returned_nogc;   /* dispatch picks the table again */
      }
      if (lu_unlikely(st & (CIST_FRESH | CIST_FIN | CIST_ERRH | CIST_CLOSEERR))) {
        if (st & CIST_FRESH) { fres = res; goto fresh_return; }
        if (st & CIST_ERRH) errhandler_done(L, res);
        if (st & CIST_CLOSEERR) closeerr_done(L, res, st);
        L->top = res + 1;
        goto finish_op;
      }
      if (lu_likely(ci_isLua(ci))) {
        cl = ci_lcl(ci);
        k = cl->p->k;
        base = ci->func + 1;
        pc = ci->u.l.savedpc;
        VM_NEXT();
      }
      goto returned;
    }
  }

  /* ------------------------------------------------------------ loops */
  VM_CASE(FORPREP) {
    Value *ra = RA();
    bool skip;
    PROTECT(skip = forprep(L, RA()));
    (void)ra;
    if (skip) pc += GET_Bx(i) + 1;
    VM_NEXT();
  }
  VM_CASE(FORLOOP) {
    Value *ra = RA();
    if (lu_likely(val_isint(ra + 2))) {
      lu_Unsigned count = (lu_Unsigned)val_int(ra + 1);
      if (count > 0) {
        lu_Int step = val_int(ra + 2);
        lu_Int idx = val_int(ra);
        val_setint(ra + 1, (lu_Int)(count - 1));
        idx = (lu_Int)((lu_Unsigned)idx + (lu_Unsigned)step);
        val_setint(ra, idx);
        val_setint(ra + 3, idx);
        pc -= GET_Bx(i);
        CHECKREDS();
      }
    } else {
      lu_Num step = val_flt(ra + 2);
      lu_Num limit = val_flt(ra + 1);
      lu_Num idx = val_flt(ra) + step;
      if (step > 0 ? idx <= limit : limit <= idx) {
        val_setflt(ra, idx);
        val_setflt(ra + 3, idx);
        pc -= GET_Bx(i);
        CHECKREDS();
      }
    }
    VM_NEXT();
  }
  VM_CASE(TFORPREP) {
    PROTECT(marktbc(L, ci, RA() + 3));
    pc += GET_Bx(i);
    VM_NEXT();
  }
  VM_CASE(TFORCALL) {
    Value *ra = RA();
    val_copy(ra + 4, ra);
    val_copy(ra + 5, ra + 1);
    val_copy(ra + 6, ra + 2);
    L->top = ra + 7;
    SAVEPC();
    func = ra + 4;
    nres = GET_C(i);
    callflags = 0;
    goto do_call;
  }
  VM_CASE(TFORLOOP) {
    Value *ra = RA();
    if (!val_isnil(ra + 4)) {
      val_copy(ra + 2, ra + 4);
      pc -= GET_Bx(i);
      CHECKREDS();
    }
    VM_NEXT();
  }

  /* --------------------------------------------------- selective receive */
  VM_CASE(RECV) {
    int r;
    PROTECT(r = mbox_recv(L, RA()));
    if (r < 0) {
      /* out of reductions in a long queue, or blocked: this instruction
       * goes on (R[A] says so) in the next slice */
      ci->u.l.savedpc = pc - 1;
      L->top = ci->top;
      return r == -1 ? LU_PREEMPT : LU_BLOCKED;
    }
    VM_NEXT();
  }
  VM_CASE(RECVMATCHER) {
    PROTECT(lib_lualibfunc(L, "match", RA()));
    VM_NEXT();
  }
  VM_CASE(RECVSCAN) {
    int r;
    PROTECT(r = mbox_scan(L, RB(), RA()));
    if (r < 0) {
      /* out of reductions in a long queue: go on from here next slice */
      ci->u.l.savedpc = pc - 1;
      L->top = ci->top;
      return LU_PREEMPT;
    }
    VM_NEXT();
  }
  VM_CASE(RECVNEXT) {
    mbox_next(P);
    CHECKREDS();            /* each message scanned costs a reduction */
    VM_NEXT();
  }
  VM_CASE(RECVTAKE) {
    Value v;
    if (mbox_take(P, &v)) val_copy(RA(), &v); else val_setnil(RA());
    VM_NEXT();
  }
  VM_CASE(RECVWAIT) {
    int r;
    PROTECT(r = mbox_wait(L, RB()));
    if (r < 0) {
      /* blocked: this instruction runs again when a message or the timer wakes us */
      ci->u.l.savedpc = pc - 1;
      L->top = ci->top;
      return LU_BLOCKED;
    }
    val_setbool(RA(), r);
    VM_NEXT();
  }

  /* ---------------------------------------------- constructors, varargs */
  VM_CASE(SETLIST) {
    Value *ra = RA();
    int cnt = GET_B(i);
    uint32_t start = *pc++;
    if (cnt == 0) cnt = (int)(L->top - ra) - 1;
    PROTECT(setlist(L, RA(), cnt, start));
    (void)ra;
    VM_NEXT();
  }
  VM_CASE(CLOSURE) {
    PROTECT(pushclosure(L, cl->p->p[GET_Bx(i)], cl, base, RA()));
    CHECKGC_A();
    VM_NEXT();
  }
  VM_CASE(VARARG) {
    Value *ra = RA();
    int want = GET_C(i) - 1;
    int nextra = ci->u.l.nextraargs;
    if (want < 0) {
      want = nextra;
      if (L->stack_last - ra <= nextra) {
        SAVEPC();
        L->top = ci->top;
        ra = ensurestack(L, nextra, ra);
        RELOADBASE();
      }
      L->top = ra + nextra;
    }
    Value *src = ci->func - nextra;
    int j;
    for (j = 0; j < want && j < nextra; j++) val_copy(ra + j, src + j);
    for (; j < want; j++) val_setnil(ra + j);
    VM_NEXT();
  }
  VM_CASE(VARARGPREP) {
    int nfix = GET_A(i);
    int actual = (int)(L->top - ci->func) - 1;
    int nextra = actual - nfix;
    ci->u.l.nextraargs = nextra;
    SAVEPC();
    if (L->stack_last - L->top <= cl->p->maxstacksize + 1)
      stack_grow(L, cl->p->maxstacksize + 1);
    Value *f = ci->func;
    val_copy(L->top++, f);
    for (int j = 1; j <= nfix; j++) {
      val_copy(L->top++, f + j);
      val_setnil(f + j);
    }
    ci->func += actual + 1;
    ci->top += actual + 1;
    RELOADBASE();
    VM_NEXT();
  }

  } /* end of dispatch */
#ifndef LU_USE_GOTO
  return LU_OK;   /* not reached */
#endif
}
