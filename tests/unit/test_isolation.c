/* test_isolation.c — the share-nothing proof: run Lua code in several
 * processes that exchange every kind of value (tables with cycles and
 * metatables, closures with upvalues, long and short strings, library
 * references), then walk every object of every live heap and check that
 * each pointer leads into the same heap or to a shared immutable object
 * (atoms, prototypes, long-string blobs). */
#include "helpers.h"
#include "../../vm/proc.h"
#include "../../vm/lazy.h"

/* every pointer held by P's objects and roots stays in P (or is shared) */
typedef struct Check { const th_Set *own; Proc *P; size_t refs, bad; } Check;

static void ref(void *ud, GCObj *o) {
  Check *c = ud;
  if (o == NULL) return;
  c->refs++;
  if (o->marked & GC_SHARED) return;
  if (!th_sethas(c->own, o)) c->bad++;
}

static size_t checkproc(Proc *P, size_t *refs) {
  th_Set own = { NULL, 0, 0 };
  th_heapset(P, &own);
  Check c = { &own, P, 0, 0 };
  GCObj *lists[3] = { P->allgc, proc_finobj(P), proc_tobefnz(P) };
  for (int l = 0; l < 3; l++)
    for (GCObj *o = lists[l]; o; o = o->next) th_eachref(o, ref, &c);
  /* roots */
  ref(&c, (GCObj *)proc_globals(P));
  ref(&c, (GCObj *)proc_loadedp(P));
  if (P->ex) th_refv(ref, &c, &P->ex->registry);
  ref(&c, (GCObj *)P->strmt);
  ref(&c, (GCObj *)proc_procinst(P));
  if (P->ex) for (int j = 0; j < P->ex->nlibinst; j++) ref(&c, (GCObj *)P->ex->libinst[j]);
  ref(&c, (GCObj *)proc_mainthread(P));
  ref(&c, (GCObj *)P->L);
  for (QMsg *m = P->mq_head; m; m = m->next) th_refv(ref, &c, &m->v);
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
    Proc *Q = proc_slot(vm, j);
    if (Q == NULL) continue;
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
