/* test_isolation.c — the share-nothing proof: run Lua code in several
 * processes that exchange every kind of value (tables with cycles and
 * metatables, closures with upvalues, long and short strings, library
 * references), then walk every object of every live heap and check that
 * each pointer leads into the same heap or to a shared immutable object
 * (atoms, prototypes, long-string blobs). */
#include "helpers.h"
#include "../../vm/proc.h"
#include "../../vm/lazy.h"

/* ------------------------------------------------------------ object set */

typedef struct Set { GCObj **slot; size_t size, n; } Set;

static size_t hp(const void *p, size_t mask) {
  return (size_t)(((uint64_t)(uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 20) & mask;
}
static void set_add(Set *s, GCObj *o) {
  if ((s->n + 1) * 2 > s->size) {
    size_t ns = s->size ? s->size * 2 : 1024;
    GCObj **nt = calloc(ns, sizeof(GCObj *));
    for (size_t j = 0; j < s->size; j++)
      if (s->slot[j]) {
        size_t i = hp(s->slot[j], ns - 1);
        while (nt[i]) i = (i + 1) & (ns - 1);
        nt[i] = s->slot[j];
      }
    free(s->slot);
    s->slot = nt;
    s->size = ns;
  }
  size_t i = hp(o, s->size - 1);
  while (s->slot[i]) { if (s->slot[i] == o) return; i = (i + 1) & (s->size - 1); }
  s->slot[i] = o;
  s->n++;
}
static bool set_has(const Set *s, const GCObj *o) {
  if (s->size == 0) return false;
  size_t i = hp(o, s->size - 1);
  while (s->slot[i]) { if (s->slot[i] == o) return true; i = (i + 1) & (s->size - 1); }
  return false;
}

static void heapset(Proc *P, Set *s) {
  GCObj *lists[3] = { P->allgc, proc_finobj(P), proc_tobefnz(P) };
  for (int l = 0; l < 3; l++)
    for (GCObj *o = lists[l]; o; o = o->next) set_add(s, o);
}

/* every pointer held by P's objects and roots stays in P (or is shared) */
typedef struct Check { const Set *own; Proc *P; size_t refs, bad; } Check;

static void ref(Check *c, const GCObj *o) {
  if (o == NULL) return;
  c->refs++;
  if (o->marked & GC_SHARED) return;
  if (!set_has(c->own, o)) c->bad++;
}
static void refv(Check *c, const Value *v) {
  if (val_iscollectable(v) && v->tt != T_DEADKEY) ref(c, val_gc(v));
}

static void checkobj(Check *c, GCObj *o) {
  switch (o->tt) {
    case T_TABLE: {
      Table *t = (Table *)o;
      ref(c, (GCObj *)t->metatable);
      for (uint32_t j = 0; j < t->asize; j++) refv(c, &t->array[j]);
      if (!tab_isdummy(t))
        for (uint32_t j = 0; j < tab_sizenode(t); j++) {
          Node *n = &t->node[j];
          if (val_isnil(node_val(n))) continue;
          refv(c, node_val(n));
          if (n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) ref(c, n->k.gc);
        }
      break;
    }
    case T_LCL: {
      LClosure *cl = (LClosure *)o;
      for (int j = 0; j < cl->nupvalues; j++) ref(c, (GCObj *)cl->upvals[j]);
      break;
    }
    case T_CCL: {
      CClosure *cl = (CClosure *)o;
      for (int j = 0; j < cl->nupvalues; j++) refv(c, &cl->upvalue[j]);
      break;
    }
    case T_UPVAL: refv(c, ((UpVal *)o)->v); break;
    case T_UDATA: {
      Udata *u = (Udata *)o;
      ref(c, (GCObj *)u->metatable);
      for (int j = 0; j < u->nuvalue; j++) refv(c, &udata_uv(u)[j]);
      break;
    }
    case T_THREAD: {
      lu_State *th = (lu_State *)o;
      for (Value *v = th->stack; th->stack && v < th->top; v++) refv(c, v);
      for (UpVal *uv = th->openupval; uv; uv = uv->u.open.next) ref(c, (GCObj *)uv);
      ref(c, (GCObj *)th->resumer);
      break;
    }
    default: break;
  }
}

static size_t checkproc(Proc *P, size_t *refs) {
  Set own = { NULL, 0, 0 };
  heapset(P, &own);
  Check c = { &own, P, 0, 0 };
  GCObj *lists[3] = { P->allgc, proc_finobj(P), proc_tobefnz(P) };
  for (int l = 0; l < 3; l++)
    for (GCObj *o = lists[l]; o; o = o->next) checkobj(&c, o);
  /* roots */
  ref(&c, (GCObj *)proc_globals(P));
  ref(&c, (GCObj *)proc_loadedp(P));
  if (P->ex) refv(&c, &P->ex->registry);
  ref(&c, (GCObj *)P->strmt);
  ref(&c, (GCObj *)proc_procinst(P));
  if (P->ex) for (int j = 0; j < P->ex->nlibinst; j++) ref(&c, (GCObj *)P->ex->libinst[j]);
  ref(&c, (GCObj *)proc_mainthread(P));
  ref(&c, (GCObj *)P->L);
  for (Msg *m = P->mq_head; m; m = m->next) refv(&c, &m->v);
  free(own.slot);
  *refs = c.refs;
  return c.bad;
}

static const char *program =
  "local P = process\n"
  "local me = P.self()\n"
  "local function worker()\n"
  "  local got = {}\n"
  "  for i = 1, 4 do got[i] = P.receive() end\n"
  "  KEEP = got\n"                                   /* stored in its globals */
  "  local f = got[2]\n"
  "  P.send(got[4], {f(), got[1].self == got[1], got[3]})\n"
  "  P.receive('never')\n"
  "end\n"
  "local w1, w2 = P.spawn(worker), P.spawn(worker)\n"
  "local cyc = {name = 'cycle', big = string.rep('x', 1000)}\n"
  "cyc.self = cyc\n"
  "setmetatable(cyc, {__index = string, __tostring = function() return 'C' end})\n"
  "local up = {n = 0}\n"
  "local function counter() up.n = up.n + 1; return up.n, string.upper('k') end\n"
  "for _, w in ipairs({w1, w2}) do\n"
  "  P.send(w, cyc)\n"
  "  P.send(w, counter)\n"
  "  P.send(w, {_G, string, P, coroutine, short = 's', long = string.rep('L', 100)})\n"
  "  P.send(w, me)\n"
  "end\n"
  "local r1, r2 = P.receive(), P.receive()\n"
  "KEEP = {r1, r2, cyc, counter}\n"
  "return r1[1], r1[2]\n";

static void runprog(lu_State *L, void *ud) {
  (void)ud;
  Proc *P = L->P;
  char *err = NULL;
  Proto *p = compiler_compile(P->vm, program, strlen(program), "=isolation", &err);
  cr_assert_not_null(p, "%s", err ? err : "");
  LClosure *cl = lcl_new(P, p->sizeupvalues);
  cl->p = p;
  val_setlcl(L->top, cl);
  L->top++;
  lcl_initupvals(P, cl);
  val_settable(cl->upvals[0]->v, proc_globals(P));
  do_callentry(L, L->top - 1, LU_MULTRET);
  P->pstate = PS_WAITING;
  sched_ready(P->vm, P);
  cr_assert_eq(sched_run(P->vm, P), 0, "the program failed");
}

Test(isolation, no_pointer_crosses_heaps) {
  VM *vm = vm_new();
  vm->compile = compiler_compile;
  Proc *P = proc_create(vm);
  vm->mainproc = P;
  char msg[256];
  int st = th_protect(P, runprog, NULL, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  /* the main process and both workers are alive, each holding what the
   * others sent; walk them all */
  int nprocs = 0;
  size_t total = 0;
  for (size_t j = 0; j < vm->ptab_size; j++) {
    Proc *Q = vm->ptab[j];
    if (Q == NULL || Q == (Proc *)vm || Q->pstate == PS_DEAD) continue;
    gc_fullcollect(Q);
    size_t refs;
    size_t bad = checkproc(Q, &refs);
    cr_assert_eq(bad, 0, "process <0.%llu.0>: %zu of %zu pointers lead out of its heap",
                 (unsigned long long)Q->pid, bad, refs);
    total += refs;
    nprocs++;
  }
  cr_assert_geq(nprocs, 3);
  cr_assert_gt(total, 100, "the heaps were walked (%zu pointers)", total);
  vm_shutdown(vm);
  vm_free(vm);
}

/* the walk can fail: a pointer planted from one heap into another is seen */
Test(isolation, the_check_detects_a_crossing) {
  VM *vm = vm_new();
  Proc *A = proc_create(vm), *B = proc_create(vm);
  Table *ta = tab_new(A), *tb = tab_new(B);
  ta->metatable = tb;             /* a bug the VM must never make */
  size_t refs;
  cr_assert_gt(checkproc(A, &refs), 0);
  ta->metatable = NULL;
  cr_assert_eq(checkproc(A, &refs), 0);
  vm_shutdown(vm);
  vm_free(vm);
}
