/* test_copy.c — the message copier (vm/copy.c): a value of one process is
 * copied into a fragment (copy_tomsg) and adopted by another process
 * (copy_adopt).  The sender A builds the value with Lua code, the receiver
 * B gets it as its global R and checks it with Lua code; the fragment and
 * the receiver's heap are also looked at directly. */
#include <pthread.h>
#include <unistd.h>
#include "helpers.h"
#include "../../vm/lazy.h"

/* ------------------------------------------------------------- helpers */

typedef struct { Proc *B; Msg *m; } AdoptArg;
static void adopt_cb(lu_State *L, void *ud) {
  AdoptArg *a = ud;
  (void)L;
  copy_adopt(a->B, a->m);
}

/* B adopts m, which becomes its global name; m is freed */
static void give(Proc *B, Msg *m, const char *name) {
  AdoptArg a = { B, m };
  char msg[200];
  int st = th_protect(B, adopt_cb, &a, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "adopt: %s", msg);
  cr_assert_null(m->frag.objs, "the fragment's objects went to the heap");
  cr_assert_eq(m->frag.nfix, 0);
  th_setglobal(B, name, &m->v);
  free(m);
}

#define eval th_eval
#define check th_check
#define copyout th_copyout

/* copy A's global X to B's global R */
static void sendglobal(Proc *A, Proc *B) {
  const Value *x = eval(A, "return X");
  char err[200];
  Msg *m = copyout(A, x, err, sizeof err);
  cr_assert_not_null(m, "send failed: %s", err);
  give(B, m, "R");
}

static size_t fragcount(const Msg *m, int tt) {
  size_t n = 0;
  for (GCObj *o = m->frag.objs; o; o = o->next) if (tt < 0 || o->tt == tt) n++;
  return n;
}

typedef struct { VM *vm; Proc *A, *B; } Two;

static Two two(void) {
  Two t;
  t.vm = th_vmnew();
  t.A = proc_create(t.vm);
  t.B = proc_create(t.vm);
  cr_assert(t.A && t.B);
  return t;
}

/* ------------------------------------------------------------- scalars */

Test(copy, scalars_need_no_objects) {
  Two t = two();
  eval(t.A, "X = {42, -0.0, 1.5, true, false, math.maxinteger, process.self(),\n"
            "     process.make_ref(), print, 2^53, 'atom'}\n"
            "return X");
  for (int i = 1; i <= 11; i++) {
    char src[64];
    snprintf(src, sizeof src, "return X[%d]", i);
    const Value *v = eval(t.A, src);
    Value orig;
    val_copy(&orig, v);
    Msg *m = copyout(t.A, v, NULL, 0);
    cr_assert_not_null(m);
    cr_assert_eq(fragcount(m, -1), 0, "value %d made %zu objects", i, fragcount(m, -1));
    cr_assert(val_rawequal(&orig, &m->v), "value %d changed", i);
    cr_assert_eq(orig.tt, m->v.tt, "value %d changed its type", i);
    give(t.B, m, "R");
    cr_assert(val_rawequal(&orig, th_getglobal(t.B, "R")), "value %d arrived changed", i);
  }
  /* the pid and the float -0.0 arrive as such */
  eval(t.A, "X = {process.self(), -0.0, 3}\n return X");
  sendglobal(t.A, t.B);
  check(t.B, "return R[1] ~= process.self(), process.is_pid(R[1]), 1/R[2] < 0,"
             " math.type(R[3]) == 'integer'");
  th_vmfree(t.vm);
}

/* ------------------------------------------------------------- strings */

Test(copy, short_strings_are_copied_and_work_as_keys) {
  Two t = two();
  /* a short string made at run time (not a constant of the code) */
  const Value *x = eval(t.A, "X = string.rep('ab', 3) return X");
  String *s = val_str(x);
  cr_assert(!(s->marked & GC_SHARED) && !s->islong);
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  cr_assert_eq(fragcount(m, -1), 1);
  cr_assert(val_isstr(&m->v));
  cr_assert_neq(val_str(&m->v), s, "a copy, not the sender's string");
  cr_assert_str_eq(str_data(val_str(&m->v)), "ababab");
  give(t.B, m, "R");
  /* equal to B's own strings, as a key too (same hash) */
  check(t.B, "local t = {ababab = 1, [string.rep('ab', 3) .. 'x'] = 2}\n"
             "return R == 'ababab', t[R] == 1, t[R .. 'x'] == 2, #R == 6");
  /* a constant of the code is shared, immortal: no copy */
  x = eval(t.A, "return 'a constant'");
  cr_assert(val_str(x)->marked & GC_SHARED);
  m = copyout(t.A, x, NULL, 0);
  cr_assert_eq(fragcount(m, -1), 0);
  cr_assert_eq(val_str(&m->v), val_str(x));
  msg_free(m);
  th_vmfree(t.vm);
}

Test(copy, long_strings_share_their_blob) {
  Two t = two();
  const Value *x = eval(t.A, "BIG = string.rep('x', 100000) .. 'y'\n"
                             "X = {BIG, BIG, k = BIG, [BIG] = 1}\n"
                             "return BIG");
  String *s = val_str(x);
  cr_assert(s->islong);
  Blob *blob = s->u.blob;
  size_t rc0 = blob->refcount;
  x = eval(t.A, "return X");
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  /* one header for the four uses, one more reference on the blob */
  cr_assert_eq(fragcount(m, T_STR), 1);
  cr_assert_eq(blob->refcount, rc0 + 1);
  String *c = NULL;
  for (GCObj *o = m->frag.objs; o; o = o->next) if (o->tt == T_STR) c = (String *)o;
  cr_assert(c->islong && c->u.blob == blob && c->len == 100001);
  /* a message that is never delivered gives its reference back */
  msg_free(m);
  cr_assert_eq(blob->refcount, rc0);
  m = copyout(t.A, x, NULL, 0);
  cr_assert_eq(blob->refcount, rc0 + 1);
  give(t.B, m, "R");
  cr_assert_eq(blob->refcount, rc0 + 1);
  check(t.B, "return #R[1] == 100001, R[1] == R[2], R.k == R[1], R[R[1]] == 1,\n"
             "  R[1] == string.rep('x', 100000) .. 'y', R[1]:sub(-2) == 'xy'");
  /* B drops it: the blob is A's alone again */
  check(t.B, "R = nil collectgarbage() return true");
  gc_fullcollect(t.B);
  cr_assert_eq(blob->refcount, rc0);
  check(t.A, "return #BIG == 100001");
  th_vmfree(t.vm);
}

/* ------------------------------------------------------ tables, shapes */

Test(copy, nested_tables) {
  Two t = two();
  eval(t.A, "X = {1, 2, 3, a = {b = {c = {d = 'deep'}}}, [1.5] = 'f', [true] = 't',\n"
            "     [-7] = 'neg', n = {10, 20, {30}}}\n"
            "return X");
  sendglobal(t.A, t.B);
  check(t.B, "return #R == 3, R[3] == 3, R.a.b.c.d == 'deep', R[1.5] == 'f',\n"
             "  R[true] == 't', R[-7] == 'neg', R.n[3][1] == 30, #R.n == 3");
  /* every key travels */
  check(t.B, "local n = 0 for k in pairs(R) do n = n + 1 end return n == 8");
  /* the copy is B's: changing it does not touch A's */
  check(t.B, "R.a.b.c.d = 'changed' R[1] = 100 return true");
  check(t.A, "return X.a.b.c.d == 'deep', X[1] == 1");
  th_vmfree(t.vm);
}

Test(copy, cycles_and_sharing_keep_their_shape) {
  Two t = two();
  const Value *x = eval(t.A,
    "local s = {name = 'shared'}\n"
    "local t = {s, s, x = s}\n"
    "t.self = t\n"
    "local a, b = {}, {}\n"
    "a.b = b b.a = a\n"
    "t.a = a\n"
    "t[s] = 'key'\n"
    "t.ring = {a, b, s, t}\n"
    "X = t return t");
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  /* exactly one copy of each table (the strings are constants: shared) */
  cr_assert_eq(fragcount(m, T_TABLE), 5, "%zu tables", fragcount(m, T_TABLE));
  cr_assert_eq(fragcount(m, -1), 5);
  give(t.B, m, "R");
  check(t.B, "return R[1] == R[2], R[1] == R.x, R.self == R, R.a.b.a == R.a,\n"
             "  R[R[1]] == 'key', R.ring[1] == R.a, R.ring[2] == R.a.b, R.ring[3] == R.x,\n"
             "  R.ring[4] == R, R.x.name == 'shared'");
  /* the shape is the copy's own: one change is seen through every path */
  check(t.B, "R[1].name = 'changed' return R.x.name == 'changed', R.ring[3].name == 'changed'");
  check(t.A, "return X.x.name == 'shared'");
  th_vmfree(t.vm);
}

Test(copy, a_table_sent_twice_makes_two_copies) {
  Two t = two();
  eval(t.A, "X = {v = 1} return X");
  sendglobal(t.A, t.B);
  check(t.B, "R1 = R return true");
  sendglobal(t.A, t.B);
  check(t.B, "return R1 ~= R, R1.v == R.v");
  th_vmfree(t.vm);
}

/* ------------------------------------------------------------ metatables */

Test(copy, metatables_travel) {
  Two t = two();
  const Value *x = eval(t.A,
    "local mt = {__index = function(t, k) return k .. '!' end,\n"
    "            __tostring = function(t) return 'T' .. t.n end}\n"
    "mt.__eq = function(a, b) return a.n == b.n end\n"
    "local p = setmetatable({n = 1}, mt)\n"
    "local q = setmetatable({n = 1}, mt)\n"
    "local s = setmetatable({}, {__index = string})\n"
    "X = {p, q, s, mt} return X");
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  /* X, p, q, mt, s, s's metatable: the metatable once */
  cr_assert_eq(fragcount(m, T_TABLE), 6, "%zu tables", fragcount(m, T_TABLE));
  give(t.B, m, "R");
  check(t.B, "local p, q, s, mt = R[1], R[2], R[3], R[4]\n"
             "return getmetatable(p) == mt, getmetatable(q) == mt, p.foo == 'foo!',\n"
             "  tostring(p) == 'T1', p == q, rawequal(p, q) == false,\n"
             "  s.upper == string.upper, s.rep('a', 3) == 'aaa',\n"
             "  getmetatable(s).__index == string");
  th_vmfree(t.vm);
}

/* -------------------------------------------------------------- closures */

Test(copy, closures_carry_copies_of_their_upvalues) {
  Two t = two();
  eval(t.A,
    "local n = 0\n"
    "local function inc() n = n + 1 return n end\n"
    "local function get() return n end\n"
    "local k = {10}\n"
    "local function other() return k[1] end\n"
    "local function fact(i) if i < 2 then return 1 end return i * fact(i - 1) end\n"
    "X = {inc = inc, get = get, other = other, again = inc, fact = fact}\n"
    "return X");
  sendglobal(t.A, t.B);
  check(t.B, "R.inc() R.inc() return R.get() == 2, R.again == R.inc, R.again() == 3,\n"
             "  R.other() == 10, R.fact(10) == 3628800");
  /* shared upvalue stays shared: one UpVal object in B */
  const Value *r = th_getglobal(t.B, "R");
  cr_assert(val_istable(r));
  Value k;
  val_setstr(&k, str_newz(t.B, "inc"));
  LClosure *inc = (LClosure *)val_gc(tab_get(val_table(r), &k));
  val_setstr(&k, str_newz(t.B, "get"));
  LClosure *get = (LClosure *)val_gc(tab_get(val_table(r), &k));
  cr_assert_eq(inc->nupvalues, 1);
  cr_assert_eq(inc->upvals[0], get->upvals[0]);
  cr_assert(!upval_isopen(inc->upvals[0]));
  /* the sender's counter was not touched */
  check(t.A, "return X.get() == 0");
  check(t.A, "X.inc() return X.get() == 1");
  check(t.B, "return R.get() == 3");
  th_vmfree(t.vm);
}

Test(copy, an_open_upvalue_is_copied_by_value) {
  Two t = two();
  /* the function is sent while its creator is still running (open upvalue) */
  eval(t.A,
    "local function make()\n"
    "  local v = 5\n"
    "  local f = function() v = v + 1 return v end\n"
    "  X = f\n"
    "  v = 7\n"
    "  return X\n"
    "end\n"
    "return make()");
  sendglobal(t.A, t.B);
  check(t.B, "return R() == 8, R() == 9");
  check(t.A, "return X() == 8");
  th_vmfree(t.vm);
}

Test(copy, globals_of_a_closure_are_the_receivers) {
  Two t = two();
  check(t.B, "MARK = 'B' return true");
  eval(t.A, "MARK = 'A'\n"
            "X = function() return MARK, string.upper('x'), _G end\n"
            "return X");
  sendglobal(t.A, t.B);
  check(t.B, "local m, u, g = R() return m == 'B', u == 'X', g == _G");
  const Value *r = th_getglobal(t.B, "R");
  LClosure *cl = (LClosure *)val_gc(r);
  cr_assert_eq(cl->nupvalues, 1);
  cr_assert(val_istable(cl->upvals[0]->v));
  cr_assert_eq(val_table(cl->upvals[0]->v), proc_globals(t.B));
  th_vmfree(t.vm);
}

/* ----------------------------------------------- identity of library tables */

Test(copy, globals_libraries_and_modules_map_to_the_receivers) {
  Two t = two();
  /* a module from a file (preloaded ones are plain tables of the sender) */
  char dir[] = "/tmp/lurel_copy_XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  char path[300], src[400];
  snprintf(path, sizeof path, "%s/mymod.lua", dir);
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f);
  fputs("LOADS = (LOADS or 0) + 1\nreturn {who = WHO}\n", f);
  fclose(f);
  snprintf(src, sizeof src, "package.path = '%s/?.lua' WHO = 'A'\n"
                            "M = require 'mymod' return M.who == 'A'", dir);
  check(t.A, src);
  snprintf(src, sizeof src, "package.path = '%s/?.lua' WHO = 'B' return true", dir);
  check(t.B, src);
  const Value *x = eval(t.A,
    "X = {_G, string, package.loaded, process, math, table, coroutine,\n"
    "     package.loaded.string, M, g = _G, [string] = 'key?'}\n"
    "X[string] = nil\n"
    "return X");
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  /* only the outer table is copied: the rest are fix-ups */
  cr_assert_eq(fragcount(m, -1), 1, "%zu objects (%zu tables, %zu strings)", fragcount(m, -1),
               fragcount(m, T_TABLE), fragcount(m, T_STR));
  cr_assert_eq(m->frag.nfix, 10, "%d fix-ups", m->frag.nfix);
  give(t.B, m, "R");
  check(t.B, "return R[1] == _G, R[2] == string, R[3] == package.loaded, R[4] == process,\n"
             "  R[5] == math, R[6] == table, R[7] == coroutine, R[8] == string,\n"
             "  R.g == _G, R[9].who == 'B', R[9] == package.loaded.mymod, LOADS == 1");
  /* B's own, not A's */
  const Value *r = th_getglobal(t.B, "R");
  const Value *g = tab_getint(val_table(r), 1);
  cr_assert_eq(val_table(g), proc_globals(t.B));
  cr_assert_neq(val_table(g), proc_globals(t.A));
  /* a library table as a key cannot be sent */
  x = eval(t.A, "return {[string] = 1}");
  char err[200];
  cr_assert_null(copyout(t.A, x, err, sizeof err));
  cr_assert(strstr(err, "library table") != NULL, "%s", err);
  /* a preloaded module is not one of a file: it is copied */
  check(t.A, "package.preload.pre = function() return {who = 'A'} end\n"
             "X = require 'pre' return true");
  check(t.B, "package.preload.pre = function() return {who = 'B'} end return true");
  sendglobal(t.A, t.B);
  check(t.B, "return R.who == 'A', R ~= require 'pre'");
  unlink(path);
  rmdir(dir);
  th_vmfree(t.vm);
}

/* ------------------------------------------------------------- refusals */

static void refused(Proc *A, const char *src, const char *want) {
  const Value *x = eval(A, src);
  char err[200];
  Msg *m = copyout(A, x, err, sizeof err);
  cr_assert_null(m, "%s was sent", src);
  cr_assert(strstr(err, want) != NULL, "%s: '%s' lacks '%s'", src, err, want);
}

Test(copy, values_that_cannot_be_sent) {
  Two t = two();
  Value nil;
  val_setnil(&nil);
  char err[200];
  cr_assert_null(copyout(t.A, &nil, err, sizeof err));
  cr_assert(strstr(err, "cannot send nil") != NULL, "%s", err);
  refused(t.A, "return coroutine.create(print)", "cannot send a coroutine");
  refused(t.A, "return {a = {b = {coroutine.running()}}}", "cannot send a coroutine");
  refused(t.A, "return io.stdout", "cannot send an open file");
  refused(t.A, "return {f = io.stderr}", "cannot send an open file");
  refused(t.A, "local co = coroutine.create(print) return function() return co end",
          "cannot send a coroutine");
  refused(t.A, "return setmetatable({}, {__index = coroutine.create(print)})",
          "cannot send a coroutine");
  /* a failed copy gives back what it took: the blob's reference */
  const Value *x = eval(t.A, "BIG = string.rep('z', 5000) return BIG");
  Blob *blob = val_str(x)->u.blob;
  size_t rc0 = blob->refcount;
  refused(t.A, "return {BIG, {BIG, k = coroutine.create(print)}, BIG}", "coroutine");
  cr_assert_eq(blob->refcount, rc0);
  /* the sender can go on */
  check(t.A, "return #BIG == 5000");
  th_vmfree(t.vm);
}

/* ----------------------------------------------------- deep structures */

typedef struct { Proc *A; const Value *v; Msg *m; char err[200]; } DeepArg;

static void *deep_thread(void *ud) {
  DeepArg *d = ud;
  d->m = copyout(d->A, d->v, d->err, sizeof d->err);
  return NULL;
}

Test(copy, a_deep_structure_copies_without_c_recursion) {
  Two t = two();
  const int N = 100000;
  const Value *x = eval(t.A,
    "local l = nil\n"
    "for i = 1, 100000 do l = {next = l, i = i} end\n"
    "local f = function() return 0 end\n"
    "for i = 1, 1000 do local g = f f = function() return g() + 1 end end\n"
    "X = {list = l, fn = f} return X");
  /* on a small C stack: a copier that recursed per level would overflow */
  DeepArg d = { t.A, x, NULL, "" };
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setstacksize(&at, 256 * 1024);
  pthread_t th;
  cr_assert_eq(pthread_create(&th, &at, deep_thread, &d), 0);
  pthread_join(th, NULL);
  pthread_attr_destroy(&at);
  cr_assert_not_null(d.m, "%s", d.err);
  cr_assert_geq(fragcount(d.m, T_TABLE), (size_t)N + 1);
  give(t.B, d.m, "R");
  check(t.B, "local n, l, ok = 0, R.list, true\n"
             "while l do ok = ok and l.i == 100000 - n n = n + 1 l = l.next end\n"
             "return n == 100000, ok, R.fn() == 1000");
  gc_fullcollect(t.B);
  check(t.B, "return R.list.next.next.i == 99998");
  th_vmfree(t.vm);
}

/* ------------------------------------------- the copy is the receiver's */

/* Walk everything reachable from v (iteratively) that is not shared; count
 * the objects outside 'own' and those inside 'foreign'.  Library tables and
 * globals of the receiver are its own too, and are not entered. */
typedef struct Walk {
  th_Set seen;
  GCObj **stack;
  size_t n, cap;
  const th_Set *own, *foreign;
  size_t objs, outside, inforeign;
  Proc *P;
} Walk;

static void wpush(void *ud, GCObj *o) {
  Walk *w = ud;
  if (o == NULL || (o->marked & GC_SHARED)) return;
  if (!th_setadd(&w->seen, o)) return;
  w->objs++;
  if (!th_sethas(w->own, o)) w->outside++;
  if (th_sethas(w->foreign, o)) w->inforeign++;
  /* the receiver's libraries are its own: no need to walk them */
  if (o->tt == T_TABLE) {
    Table *t = (Table *)o;
    if (t == w->P->globals || (proc_loadedp(w->P) && t == proc_loadedp(w->P)) || lazy_whichlib(w->P, t) >= 0) return;
  }
  if (w->n == w->cap) {
    w->cap = w->cap ? w->cap * 2 : 256;
    w->stack = realloc(w->stack, w->cap * sizeof(GCObj *));
  }
  w->stack[w->n++] = o;
}
static void walk(Walk *w, const Value *root) {
  th_refv(wpush, w, root);
  while (w->n > 0) th_eachref(w->stack[--w->n], wpush, w);
}

Test(copy, the_copy_lives_in_the_receivers_heap) {
  Two t = two();
  const Value *x = eval(t.A,
    "local big = string.rep('b', 1000)\n"
    "local shared = {big, string.rep('s', 10)}\n"
    "local mt = {__index = shared, __call = function(self, a) return shared[1] .. a end}\n"
    "local n = 0\n"
    "local f = function() n = n + 1 return n, shared end\n"
    "local g = function() return n end\n"
    "local t = setmetatable({shared, f, g, _G, string, big,\n"
    "  nest = {{{big}}}, [shared] = shared, [string.rep('k', 5)] = f}, mt)\n"
    "t.self = t\n"
    "X = t return t");
  th_Set ownA = { NULL, 0, 0 };
  th_heapset(t.A, &ownA);
  size_t before = t.B->totalbytes;
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  size_t fbytes = m->frag.bytes, fobjs = fragcount(m, -1);
  /* the fragment holds nothing of A's heap */
  for (GCObj *o = m->frag.objs; o; o = o->next)
    cr_assert(!th_sethas(&ownA, o), "a fragment object is one of the sender's");
  th_Set frag = { NULL, 0, 0 };
  for (GCObj *o = m->frag.objs; o; o = o->next) th_setadd(&frag, o);
  give(t.B, m, "R");
  cr_assert_geq(t.B->totalbytes, before + fbytes, "the fragment's bytes are charged to B");
  th_Set ownB = { NULL, 0, 0 };
  th_heapset(t.B, &ownB);
  /* every fragment object is now on B's list */
  for (size_t j = 0; j < frag.size; j++)
    if (frag.slot[j]) cr_assert(th_sethas(&ownB, frag.slot[j]));
  Walk w;
  memset(&w, 0, sizeof w);
  w.own = &ownB;
  w.foreign = &ownA;
  w.P = t.B;
  walk(&w, th_getglobal(t.B, "R"));
  cr_assert_eq(w.outside, 0, "%zu of %zu objects reached are not B's", w.outside, w.objs);
  cr_assert_eq(w.inforeign, 0, "%zu objects reached are A's", w.inforeign);
  cr_assert_geq(w.objs, fobjs, "the walk saw the copy (%zu objects of %zu)", w.objs, fobjs);
  /* and it still works after B collects */
  gc_fullcollect(t.B);
  check(t.B, "local v, s = R[2]() return R('!') == string.rep('b', 1000) .. '!', v == 1,\n"
             "  s == R[1], R.nest[1][1][1] == R[6], R[R[1]] == R[1],\n"
             "  R[string.rep('k', 5)] == R[2], R.self == R, R[4] == _G, R[5] == string,\n"
             "  R[3]() == 1");
  free(ownA.slot);
  free(ownB.slot);
  free(frag.slot);
  free(w.seen.slot);
  free(w.stack);
  th_vmfree(t.vm);
}

/* ------------------------------------------------- more kinds of value */

Test(copy, bigints_patterns_pids_and_refs) {
  Two t = two();
  const Value *x = eval(t.A,
    "local b = bigint(2) ^ 200\n"
    "local pat = process.any({'a', process._}, 'b')\n"
    "local me, ref = process.self(), process.make_ref()\n"
    "X = {b, b, b + 1, pat, [me] = 'pid key', [ref] = 'ref key', me = me, ref = ref,\n"
    "     [b] = 'big key'}\n"
    "return X");
  Msg *m = copyout(t.A, x, NULL, 0);
  cr_assert_not_null(m);
  /* b once, b + 1, X, the pattern and its {'a', _} */
  cr_assert_eq(fragcount(m, T_BIGINT), 2, "%zu bigints", fragcount(m, T_BIGINT));
  cr_assert_eq(fragcount(m, T_TABLE), 3);
  give(t.B, m, "R");
  check(t.B, "return R[1] == R[2], R[1] == bigint(2) ^ 200, R[3] - R[1] == 1,\n"
             "  tostring(R[1]) == tostring(bigint(2) ^ 200), R[bigint(2) ^ 200] == 'big key',\n"
             "  process.match('b', R[4]), process.match({'a', 1}, R[4]),\n"
             "  not process.match({'c', 1}, R[4]), R[R.me] == 'pid key', R[R.ref] == 'ref key',\n"
             "  process.is_pid(R.me), process.is_ref(R.ref)");
  /* a wrapped coroutine is a function holding a coroutine */
  x = eval(t.A, "return coroutine.wrap(print)");
  char err[200];
  cr_assert_null(copyout(t.A, x, err, sizeof err));
  cr_assert(strstr(err, "cannot send a coroutine") != NULL, "%s", err);
  th_vmfree(t.vm);
}

/* a value the receiver drops is collected with the rest of its heap */
Test(copy, a_dropped_copy_is_collected) {
  Two t = two();
  eval(t.A, "local t = {} for i = 1, 1000 do t[i] = {i, tostring(i) .. 'x', function() return i end} end\n"
            "X = t return t");
  gc_fullcollect(t.B);
  size_t base = t.B->totalbytes;
  sendglobal(t.A, t.B);
  cr_assert_gt(t.B->totalbytes, base + 1000 * 64, "the copy is charged to B");
  check(t.B, "return R[500][3]() == 500, R[7][2] == '7x'");
  check(t.B, "R = nil return true");
  gc_fullcollect(t.B);
  cr_assert_lt(t.B->totalbytes, base + 16 * 1024, "B's heap went back: %zu -> %zu",
               base, t.B->totalbytes);
  th_vmfree(t.vm);
}
