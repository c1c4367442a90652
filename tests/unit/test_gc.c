/* test_gc.c — the per-process collector: what is freed, what survives,
 * the intern table, dead keys, and a bounded heap under a Lua loop. */
#include "helpers.h"
#include "../../vm/lazy.h"

static Value vint(lu_Int i) { Value v; val_setint(&v, i); return v; }

/* raw sets on tables that cannot raise (non-nil, non-NaN keys): only a
 * memory error could, and that would abort the test loudly */
static void seti(lu_State *L, Table *t, lu_Int k, const Value *v) { tab_setint(L, t, k, v); }
static void sets(lu_State *L, Table *t, const char *k, const Value *v) {
  tab_setstr(L, t, str_newz(L->P, k), v);
}

static Table *registry(Proc *P) { return val_table(proc_registry(P)); }

static size_t settle(Proc *P) {
  gc_fullcollect(P);
  gc_fullcollect(P);
  return P->totalbytes;
}

Test(gc, unreachable_objects_are_freed) {
  TEnv e = th_env(0);
  size_t base = settle(e.P);
  Table *first = NULL;
  for (int j = 0; j < 1000; j++) {
    Table *t = tab_new(e.P);
    if (!first) first = t;
    Value v = vint(j);
    for (int k = 1; k <= 10; k++) seti(e.L, t, k, &v);
    char buf[100];
    memset(buf, 'a' + j % 26, sizeof buf);
    Value s; val_setstr(&s, str_new(e.P, buf, sizeof buf));   /* long: a blob */
    seti(e.L, t, 11, &s);
  }
  cr_assert_gt(e.P->totalbytes, base + 1000 * 100);
  gc_fullcollect(e.P);
  cr_assert_eq(e.P->totalbytes, base, "totalbytes %zu, was %zu", e.P->totalbytes, base);
  cr_assert_not(th_alive(e.P, first));
  th_free(&e);
}

Test(gc, roots_registry_globals_loaded) {
  TEnv e = th_env(0);
  Table *a = tab_new(e.P), *b = tab_new(e.P), *c = tab_new(e.P);
  Value v;
  val_settable(&v, a); seti(e.L, registry(e.P), 100, &v);
  val_settable(&v, b); sets(e.L, proc_globals(e.P), "bglobal", &v);
  val_settable(&v, c); sets(e.L, proc_loaded(e.P), "cmod", &v);
  Table *garbage = tab_new(e.P);
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, a), "reachable from the registry");
  cr_assert(th_alive(e.P, b), "reachable from the globals");
  cr_assert(th_alive(e.P, c), "reachable from package.loaded");
  cr_assert_not(th_alive(e.P, garbage));
  /* unhook them */
  val_setnil(&v);
  seti(e.L, registry(e.P), 100, &v);
  sets(e.L, proc_globals(e.P), "bglobal", &v);
  gc_fullcollect(e.P);
  cr_assert_not(th_alive(e.P, a));
  cr_assert_not(th_alive(e.P, b));
  cr_assert(th_alive(e.P, c));
  th_free(&e);
}

Test(gc, stack_roots_below_top_only) {
  TEnv e = th_env(0);
  Table *a = tab_new(e.P), *b = tab_new(e.P);
  val_settable(e.L->top, a); e.L->top++;
  val_settable(e.L->top, b);             /* above top: not a root */
  Value *above = e.L->top;
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, a));
  cr_assert_not(th_alive(e.P, b));
  cr_assert(val_isnil(above), "dead slots above top are cleared");
  e.L->top--;
  gc_fullcollect(e.P);
  cr_assert_not(th_alive(e.P, a));
  th_free(&e);
}

Test(gc, closure_upvalues_are_roots) {
  TEnv e = th_env(0);
  LClosure *cl = lcl_new(e.P, 2);
  lcl_initupvals(e.P, cl);
  Table *t = tab_new(e.P);
  val_settable(cl->upvals[0]->v, t);
  char buf[64]; memset(buf, 'u', sizeof buf);
  String *s = str_new(e.P, buf, sizeof buf);
  val_setstr(cl->upvals[1]->v, s);
  val_setlcl(e.L->top, cl); e.L->top++;
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, cl));
  cr_assert(th_alive(e.P, cl->upvals[0]));
  cr_assert(th_alive(e.P, t), "upvalue value survives");
  cr_assert(th_alive(e.P, s));
  /* a C closure's upvalues too */
  CClosure *cc = ccl_new(e.P, 1);
  Table *u = tab_new(e.P);
  val_settable(&cc->upvalue[0], u);
  val_setccl(e.L->top, cc); e.L->top++;
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, u));
  e.L->top -= 2;
  gc_fullcollect(e.P);
  cr_assert_not(th_alive(e.P, cl));
  cr_assert_not(th_alive(e.P, t));
  cr_assert_not(th_alive(e.P, s));
  cr_assert_not(th_alive(e.P, u));
  th_free(&e);
}

Test(gc, open_upvalue_keeps_its_slot_value) {
  TEnv e = th_env(0);
  Table *t = tab_new(e.P);
  Value *slot = e.L->top;
  val_settable(slot, t); e.L->top++;
  UpVal *uv = upval_find(e.L, slot);
  LClosure *cl = lcl_new(e.P, 1);
  cl->upvals[0] = uv;
  val_setlcl(e.L->top, cl); e.L->top++;
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, uv));
  cr_assert(th_alive(e.P, t));
  /* close it: the value moves into the upvalue and stays reachable */
  upval_close(e.L, slot);
  cr_assert_not(upval_isopen(uv));
  val_setnil(slot);
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, t), "reachable through the closed upvalue");
  cr_assert_eq(val_table(uv->v), t);
  th_free(&e);
}

Test(gc, metatables_are_reachable) {
  TEnv e = th_env(0);
  Table *t = tab_new(e.P), *mt = tab_new(e.P), *idx = tab_new(e.P);
  val_settable(e.L->top, t); e.L->top++;
  t->metatable = mt;
  Value v; val_settable(&v, idx);
  tab_setstr(e.L, mt, e.vm->tmname[TM_INDEX], &v);
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, mt), "a metatable lives as long as its table");
  cr_assert(th_alive(e.P, idx), "and what it refers to");
  /* metatables of basic types are roots */
  Table *smt = tab_new(e.P);
  proc_settypemt(e.P, LU_TSTRING, smt);
  Table *nmt = tab_new(e.P);
  proc_settypemt(e.P, LU_TNUMBER, nmt);
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, smt));
  cr_assert(th_alive(e.P, nmt));
  e.L->top--;
  gc_fullcollect(e.P);
  cr_assert_not(th_alive(e.P, t));
  cr_assert_not(th_alive(e.P, mt));
  cr_assert_not(th_alive(e.P, idx));
  th_free(&e);
}

Test(gc, table_keys_and_values_are_reachable) {
  TEnv e = th_env(0);
  Table *t = tab_new(e.P);
  val_settable(e.L->top, t); e.L->top++;
  Table *kt = tab_new(e.P), *vt = tab_new(e.P), *av = tab_new(e.P);
  char buf[50]; memset(buf, 'k', sizeof buf);
  String *ks = str_new(e.P, buf, sizeof buf), *vs = str_newz(e.P, "a value string");
  Value k, v;
  val_settable(&k, kt); val_settable(&v, vt);
  tab_newkey(e.L, t, &k);                     /* key only, then its value */
  val_copy((Value *)tab_get(t, &k), &v);
  val_setstr(&k, ks); val_setstr(&v, vs);
  val_copy(tab_newkey(e.L, t, &k), &v);
  val_settable(&v, av);
  seti(e.L, t, 1, &v);                        /* array part */
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, kt), "table key");
  cr_assert(th_alive(e.P, vt), "table value");
  cr_assert(th_alive(e.P, ks), "string key");
  cr_assert(th_alive(e.P, vs), "string value");
  cr_assert(th_alive(e.P, av), "array-part value");
  th_free(&e);
}

Test(gc, cycles_are_collected) {
  TEnv e = th_env(0);
  (void)str_newz(e.P, "warm");   /* the intern table is made with the first string */
  size_t base = settle(e.P);
  Table *a = tab_new(e.P), *b = tab_new(e.P);
  Value v;
  val_settable(&v, b); sets(e.L, a, "next", &v);
  val_settable(&v, a); sets(e.L, b, "next", &v);
  val_settable(&v, a); seti(e.L, a, 1, &v);          /* self-loop */
  a->metatable = b; b->metatable = a;                 /* and through metatables */
  /* reachable cycle survives */
  val_settable(e.L->top, a); e.L->top++;
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, a) && th_alive(e.P, b));
  e.L->top--;
  gc_fullcollect(e.P);
  cr_assert_not(th_alive(e.P, a));
  cr_assert_not(th_alive(e.P, b));
  cr_assert_eq(settle(e.P), base);
  /* a long chain (no C recursion in the collector) */
  Table *head = tab_new(e.P), *cur = head;
  val_settable(e.L->top, head); e.L->top++;
  for (int j = 0; j < 200000; j++) {
    Table *n = tab_new(e.P);
    val_settable(&v, n);
    seti(e.L, cur, 1, &v);
    cur = n;
  }
  gc_fullcollect(e.P);
  cr_assert(th_alive(e.P, cur), "end of a 200000-long chain survives");
  e.L->top--;
  gc_fullcollect(e.P);
  cr_assert_eq(e.P->totalbytes, base);
  th_free(&e);
}

Test(gc, intern_table_drops_dead_strings) {
  TEnv e = th_env(0);
  settle(e.P);
  size_t nuse = e.P->strt_nuse;
  String *keep = str_newz(e.P, "kept_string");
  val_setstr(e.L->top, keep); e.L->top++;
  for (int j = 0; j < 500; j++) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "dead_%d", j);
    str_new(e.P, buf, (size_t)n);
  }
  cr_assert_eq(e.P->strt_nuse, nuse + 501);
  gc_fullcollect(e.P);
  cr_assert_eq(e.P->strt_nuse, nuse + 1, "only the reachable one stays interned");
  /* every chained string is alive */
  for (size_t i = 0; i < e.P->strt_size; i++)
    for (String *s = e.P->strt[i]; s; s = s->u.hnext)
      cr_assert(th_alive(e.P, s), "a freed string is still in the intern table");
  cr_assert_eq(str_newz(e.P, "kept_string"), keep);
  /* atoms are never collected */
  String *a = atom_newz(e.vm, "an_atom_string");
  cr_assert_eq(str_newz(e.P, "an_atom_string"), a);
  gc_fullcollect(e.P);
  cr_assert_eq(str_newz(e.P, "an_atom_string"), a);
  th_free(&e);
}

/* ---- dead keys ---- */

typedef struct { Table *t; int visits; int seen[64]; Table **keys; int nkeys; int clear_and_collect; } DK;

static int keyindex(DK *d, const Value *k) {
  for (int j = 0; j < d->nkeys; j++)
    if (val_istable(k) && val_table(k) == d->keys[j]) return j;
  return -1;
}

static void traverse_cb(lu_State *L, void *ud) {
  DK *d = ud;
  Value *kv = L->top;          /* the key lives on the stack, as in a Lua loop */
  L->top += 2;
  val_setnil(&kv[0]);
  while (tab_next(L, d->t, kv)) {
    int j = keyindex(d, &kv[0]);
    if (j >= 0) d->seen[j]++;
    d->visits++;
    if (d->clear_and_collect) {
      Value nil; val_setnil(&nil);
      tab_set(L, d->t, &kv[0], &nil);
      gc_fullcollect(L->P);    /* the entry's key becomes a dead key */
    }
    if (d->visits > 1000) break;
  }
  L->top -= 2;
}

Test(gc, dead_keys_do_not_break_next) {
  TEnv e = th_env(0);
  Table *t = tab_new(e.P);
  val_settable(e.L->top, t); e.L->top++;
  Table *anchor = tab_new(e.P);
  val_settable(e.L->top, anchor); e.L->top++;
  enum { N = 40 };
  Table *keys[N];
  Value v, one = vint(1);
  for (int j = 0; j < N; j++) {
    keys[j] = tab_new(e.P);
    val_settable(&v, keys[j]);
    tab_set(e.L, t, &v, &one);
    if (j % 2 == 0) seti(e.L, anchor, j + 1, &v);   /* odd keys are only keys */
  }
  /* string keys as well */
  for (int j = 0; j < 20; j++) {
    char buf[32]; int n = snprintf(buf, sizeof buf, "dk%d", j);
    tab_setstr(e.L, t, str_new(e.P, buf, (size_t)n), &one);
  }
  /* clear the odd entries and collect: their key objects die */
  Value nil; val_setnil(&nil);
  for (int j = 1; j < N; j += 2) { val_settable(&v, keys[j]); tab_set(e.L, t, &v, &nil); }
  for (int j = 0; j < 20; j += 2) {
    char buf[32]; snprintf(buf, sizeof buf, "dk%d", j);
    tab_setstr(e.L, t, str_newz(e.P, buf), &nil);
  }
  gc_fullcollect(e.P);
  for (int j = 1; j < N; j += 2) cr_assert_not(th_alive(e.P, keys[j]), "key object %d collected", j);
  int dead = 0;
  for (uint32_t j = 0; j < tab_sizenode(t); j++) if (t->node[j].ktt == T_DEADKEY) dead++;
  cr_assert_gt(dead, 0, "the cleared entries hold dead keys");
  /* a full traversal sees each live key once and never touches a dead one */
  DK d;
  memset(&d, 0, sizeof d);
  d.t = t; d.keys = keys; d.nkeys = N;
  char msg[200];
  cr_assert_eq(th_protect(e.P, traverse_cb, &d, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_eq(d.visits, N / 2 + 10);
  for (int j = 0; j < N; j += 2) cr_assert_eq(d.seen[j], 1);
  /* new keys reuse the table around the dead ones */
  for (int j = 0; j < 200; j++) {
    Table *k = tab_new(e.P);
    val_settable(&v, k);
    seti(e.L, anchor, 1000 + j, &v);
    tab_set(e.L, t, &v, &one);
  }
  memset(&d, 0, sizeof d);
  d.t = t; d.keys = keys; d.nkeys = N;
  cr_assert_eq(th_protect(e.P, traverse_cb, &d, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_eq(d.visits, N / 2 + 10 + 200);
  th_free(&e);
}

Test(gc, clearing_and_collecting_during_next) {
  TEnv e = th_env(0);
  Table *t = tab_new(e.P);
  val_settable(e.L->top, t); e.L->top++;
  enum { N = 40 };
  Table *keys[N];
  Value v, one = vint(1);
  for (int j = 0; j < N; j++) {
    keys[j] = tab_new(e.P);            /* referenced only as keys of t */
    val_settable(&v, keys[j]);
    tab_set(e.L, t, &v, &one);
  }
  for (int j = 0; j < 10; j++) {
    char buf[60]; int n = snprintf(buf, sizeof buf, "a long key string that is only a key #%d", j);
    tab_setstr(e.L, t, str_new(e.P, buf, (size_t)n), &one);
  }
  DK d;
  memset(&d, 0, sizeof d);
  d.t = t; d.keys = keys; d.nkeys = N; d.clear_and_collect = 1;
  char msg[200];
  int st = th_protect(e.P, traverse_cb, &d, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "next after a collection: %s", msg);
  cr_assert_eq(d.visits, N + 10, "visited %d of %d", d.visits, N + 10);
  /* everything is gone now */
  gc_fullcollect(e.P);
  for (int j = 0; j < N; j++) cr_assert_not(th_alive(e.P, keys[j]));
  Value kv[2]; val_setnil(&kv[0]);
  cr_assert_eq(tab_next(e.L, t, kv), 0);
  th_free(&e);
}

/* ---- a Lua loop allocating ~100 MB keeps the heap small ---- */

static const char *alloc_loop =
  "local s = 'x'\n"
  "for i = 1, 10 do s = s .. s end\n"          /* 1024 bytes */
  "local keep, n = nil, 0\n"
  "for i = 1, 100000 do\n"
  "  local t = { s .. i, i, {} }\n"             /* ~1.1 KB of long string, 2 tables */
  "  keep = t\n"
  "  n = n + #t[1]\n"
  "end\n"
  "return n, keep[2]\n";

Test(gc, bounded_heap_in_an_allocating_loop, .timeout = 120) {
  TEnv e = th_env(0);
  Proc *P = e.P;
  proc_setmaxheap(P, 64u << 20);       /* a runaway heap fails the run instead of the machine */
  char *err = NULL;
  Proto *p = compiler_compile(e.vm, alloc_loop, strlen(alloc_loop), "=alloc", &err);
  cr_assert_not_null(p, "%s", err ? err : "");
  th_pushproto(P, p);
  P->vm->budget = 50;           /* come back often to look at the heap */
  P->reds = proc_budget(P);
  do_callentry(e.L, e.L->top - 1, LU_MULTRET);
  size_t peak = 0;
  int st, slices = 0;
  while ((st = do_run(e.L)) == LU_PREEMPT) {
    if (P->totalbytes > peak) peak = P->totalbytes;
    P->reds = proc_budget(P);
    slices++;
  }
  cr_assert_eq(st, LU_OK, "status %d", st);
  cr_assert_gt(slices, 100);
  Value *res = th_results(P);
  cr_assert(val_isint(res) && val_int(res) >= 100000 * 1025, "total allocated by the loop");
  cr_assert(val_isint(res + 1) && val_int(res + 1) == 100000);
  cr_assert_lt(peak, 20u << 20, "peak heap %zu bytes", peak);
  cr_assert_lt(P->totalbytes, 20u << 20);
  th_free(&e);
}

Test(gc, collection_from_lua_code_keeps_live_values) {
  /* values in registers, upvalues and tables survive collections that
   * happen in the middle of a running chunk */
  TEnv e = th_env(0);
  static const char *src =
    "local a = {}\n"
    "local function mk(i) local up = {i} return function() return up[1] end end\n"
    "local fs = {}\n"
    "for i = 1, 20000 do\n"
    "  a[i] = 'str' .. i\n"
    "  fs[i % 100 + 1] = mk(i)\n"
    "  local junk = { i, i .. 'junk' }\n"
    "end\n"
    "local sum = 0\n"
    "for i = 1, 100 do sum = sum + fs[i]() end\n"
    "for i = 1, 20000 do if a[i] ~= 'str' .. i then return -i end end\n"
    "return sum\n";
  e.P->gcthreshold = 1;        /* collect early and often */
  char msg[200];
  int st = th_run(e.P, src, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  /* fs[k] was last set by i = 19900 + k - 1 ... for k = 1..100 */
  lu_Int expect = 0;
  for (int i = 19901; i <= 20000; i++) expect += i;
  cr_assert(val_isint(r), "result type %d", r->tt);
  cr_assert_eq(val_int(r), expect);
  th_free(&e);
}

/* ---- max heap: the error leaves the heap consistent ---- */

typedef struct { Table *t; uint32_t asize; } Grow;
static void grow_cb(lu_State *L, void *ud) {
  Grow *g = ud;
  tab_resizearray(L->P, g->t, g->asize);
}
static void bigstr_cb(lu_State *L, void *ud) {
  (void)ud;
  str_newlong(L->P, 1u << 20);
}

Test(gc, max_heap_errors_leave_the_heap_consistent) {
  TEnv e = th_env(0);
  Table *t = tab_new(e.P);
  val_settable(e.L->top, t); e.L->top++;
  Value one = vint(1);
  for (int j = 1; j <= 8; j++) seti(e.L, t, j, &one);
  proc_setmaxheap(e.P, e.P->totalbytes + 4096);
  char msg[200];
  /* growing the array part far past the limit kills the process
   * (max_heap_size) before allocating; the table keeps a valid array */
  Grow g = { t, 100000 };
  int st = th_protect(e.P, grow_cb, &g, msg, sizeof msg);
  cr_assert_eq(st, LU_KILL);
  cr_assert(val_isstr(proc_exitreason(e.P)));
  cr_assert_str_eq(str_data(val_str(proc_exitreason(e.P))), "max_heap_size");
  for (int j = 1; j <= 8; j++) cr_assert(val_isint(tab_getint(t, j)));
  seti(e.L, t, 3, &one);
  /* a new long string past the limit: killed too, nothing charged */
  size_t before = e.P->totalbytes;
  st = th_protect(e.P, bigstr_cb, NULL, msg, sizeof msg);
  cr_assert_eq(st, LU_KILL);
  cr_assert_leq(e.P->totalbytes, before + 4096, "bytes charged for a failed allocation");
  proc_setmaxheap(e.P, 0);
  gc_fullcollect(e.P);
  th_free(&e);     /* ASan: no double free, no leak */
}

Test(gc, vm_free_releases_the_lua_library) {
  /* ipairs on a table with __index runs the built-in Lua library, which
   * the VM compiles once and must free with itself */
  TEnv e = th_env(1);
  char msg[200];
  int st = th_run(e.P,
    "local t = setmetatable({}, { __index = function(t, i) if i < 4 then return i end end })\n"
    "local s = 0 for i, v in ipairs(t) do s = s + v end return s", msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  cr_assert_eq(val_int(th_results(e.P)), 6);
  Proto *lib = e.vm->lualib;
  cr_assert_not_null(lib);
  proto_incref(lib);          /* watch it across vm_free */
  proc_free(e.P);             /* drops the closures' references */
  size_t rc = lib->refcount;
  vm_free(e.vm);
  size_t after = lib->refcount;
  while (lib->refcount > 1) proto_decref(lib);   /* do not leak it here either */
  proto_decref(lib);
  cr_assert_eq(after, rc - 1, "vm_free kept its reference to the Lua library (refcount %zu -> %zu)", rc, after);
}
