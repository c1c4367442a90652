/* test_table.c — tables: array and hash parts, key normalisation, errors,
 * the border rule of '#', traversal, and a randomised model check. */
#include <math.h>
#include "helpers.h"
#include "../../vm/tm.h"

static Value vint(lu_Int i) { Value v; val_setint(&v, i); return v; }
static Value vflt(lu_Num n) { Value v; val_setflt(&v, n); return v; }

/* A rooted new table (on the main thread's stack). */
static Table *newtab(TEnv *e) {
  Table *t = tab_new(e->P);
  val_settable(e->L->top, t);
  e->L->top++;
  return t;
}

/* ---- protected wrappers: set may raise ---- */
typedef struct { Table *t; Value k, v; } SetArgs;
static void set_cb(lu_State *L, void *ud) {
  SetArgs *a = ud;
  tab_set(L, a->t, &a->k, &a->v);
}
static int pset(TEnv *e, Table *t, Value k, Value v, char *msg, size_t msgsz) {
  SetArgs a = { t, k, v };
  return th_protect(e->P, set_cb, &a, msg, msgsz);
}
static void setok(TEnv *e, Table *t, Value k, Value v) {
  char msg[200];
  int st = pset(e, t, k, v, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "tab_set raised: %s", msg);
}
static void setii(TEnv *e, Table *t, lu_Int k, lu_Int v) { setok(e, t, vint(k), vint(v)); }
static void setinil(TEnv *e, Table *t, lu_Int k) { Value n; val_setnil(&n); setok(e, t, vint(k), n); }

static bool isint(const Value *v, lu_Int i) { return val_isint(v) && val_int(v) == i; }

/* ---- array / hash parts ---- */

Test(table, sequential_keys_go_to_the_array_part) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  for (lu_Int k = 1; k <= 100; k++) setii(&e, t, k, k * 10);
  cr_assert_geq(t->asize, 100, "asize %u", t->asize);
  for (lu_Int k = 1; k <= 100; k++) {
    const Value *v = tab_getint(t, k);
    cr_assert_eq(v, &t->array[k - 1], "key %ld not in the array part", (long)k);
    cr_assert(isint(v, k * 10));
  }
  /* nothing left in the hash part */
  if (!tab_isdummy(t))
    for (uint32_t j = 0; j < tab_sizenode(t); j++) cr_assert(val_isnil(node_val(&t->node[j])));
  th_free(&e);
}

Test(table, keys_move_to_the_array_part_on_rehash) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  /* reverse order: they start in the hash part */
  for (lu_Int k = 64; k >= 1; k--) setii(&e, t, k, k);
  /* a rehash computes the array size: provoke some by filling the hash part */
  for (lu_Int k = 1000; k < 1000 + 200; k++) setii(&e, t, k * 1000, 1);
  cr_assert_geq(t->asize, 64, "keys 1..64 should be in the array part (asize %u)", t->asize);
  for (lu_Int k = 1; k <= 64; k++) cr_assert_eq(tab_getint(t, k), &t->array[k - 1]);
  for (lu_Int k = 1000; k < 1200; k++) cr_assert(isint(tab_getint(t, k * 1000), 1));
  th_free(&e);
}

Test(table, sparse_keys_stay_in_the_hash_part) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  for (lu_Int k = 1; k <= 50; k++) setii(&e, t, k * 1000, k);
  cr_assert_lt(t->asize, 1000, "a sparse table gets no big array part (asize %u)", t->asize);
  for (lu_Int k = 1; k <= 50; k++) cr_assert(isint(tab_getint(t, k * 1000), k));
  cr_assert(val_isnil(tab_getint(t, 999)));
  th_free(&e);
}

Test(table, float_keys_normalise_to_integers) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  setok(&e, t, vflt(1.0), vint(11));
  cr_assert(isint(tab_getint(t, 1), 11), "t[1.0] is t[1]");
  Value k1 = vint(1);
  cr_assert(isint(tab_get(t, &k1), 11));
  setok(&e, t, vint(2), vint(22));
  Value f2 = vflt(2.0);
  cr_assert(isint(tab_get(t, &f2), 22), "t[2] read as t[2.0]");
  /* a big integral float in the hash part */
  setok(&e, t, vflt(9007199254740992.0), vint(53));
  cr_assert(isint(tab_getint(t, (lu_Int)1 << 53), 53));
  /* -0.0 is the integer 0 */
  setok(&e, t, vflt(-0.0), vint(0));
  cr_assert(isint(tab_getint(t, 0), 0));
  /* non-integral floats stay floats */
  setok(&e, t, vflt(1.5), vint(15));
  Value f15 = vflt(1.5);
  cr_assert(isint(tab_get(t, &f15), 15));
  cr_assert(isint(tab_getint(t, 1), 11), "1.5 did not clobber 1");
  /* 2^63 does not fit an integer: stays a float key, distinct from maxinteger */
  setok(&e, t, vflt(9223372036854775808.0), vint(63));
  cr_assert(val_isnil(tab_getint(t, LU_MAXINT)));
  /* traversal reports the normalised keys as integers */
  Value kv[2]; val_setnil(&kv[0]);
  int nint = 0, nflt = 0;
  while (tab_next(e.L, t, kv)) {
    if (val_isint(&kv[0])) nint++;
    else if (val_isflt(&kv[0])) {
      nflt++;
      cr_assert(val_flt(&kv[0]) == 1.5 || val_flt(&kv[0]) == 9223372036854775808.0);
    }
  }
  cr_assert_eq(nint, 4);
  cr_assert_eq(nflt, 2);
  th_free(&e);
}

Test(table, nil_and_nan_keys_raise) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  char msg[200];
  Value nil; val_setnil(&nil);
  cr_assert_eq(pset(&e, t, nil, vint(1), msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "table index is nil");
  cr_assert_eq(pset(&e, t, vflt(NAN), vint(1), msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "table index is NaN");
  /* also when assigning nil (lua5.4 raises for t[nil] = nil) */
  cr_assert_eq(pset(&e, t, nil, nil, msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "table index is nil");
  cr_assert_eq(pset(&e, t, vflt(NAN), nil, msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "table index is NaN");
  /* reads never raise */
  cr_assert(val_isnil(tab_get(t, &nil)));
  Value nan = vflt(NAN);
  cr_assert(val_isnil(tab_get(t, &nan)));
  /* the table is still usable */
  setii(&e, t, 1, 1);
  cr_assert(isint(tab_getint(t, 1), 1));
  /* infinities are fine keys */
  setok(&e, t, vflt(INFINITY), vint(9));
  Value inf = vflt(INFINITY);
  cr_assert(isint(tab_get(t, &inf), 9));
  th_free(&e);
}

Test(table, keys_of_every_type) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  Value keys[10];
  val_settrue(&keys[0]);
  val_setfalse(&keys[1]);
  val_setstr(&keys[2], str_newz(e.P, "short"));
  char buf[80]; memset(buf, 'l', sizeof buf);
  val_setstr(&keys[3], str_new(e.P, buf, sizeof buf));
  val_settable(&keys[4], tab_new(e.P));
  val_setpid(&keys[5], 77);
  val_setref(&keys[6], 77);
  val_setlud(&keys[7], &e);
  keys[8] = vflt(0.25);
  keys[9] = vint(-5);
  stack_realloc(e.L, 40);     /* room for the keys: a new process's stack is small */
  for (int j = 0; j < 10; j++) {
    val_copy(e.L->top, &keys[j]); e.L->top++;      /* keep them alive */
    setok(&e, t, keys[j], vint(j + 100));
  }
  for (int j = 0; j < 10; j++) cr_assert(isint(tab_get(t, &keys[j]), j + 100), "key %d", j);
  /* an equal long string made separately finds the same entry */
  Value lk; val_setstr(&lk, str_new(e.P, buf, sizeof buf));
  cr_assert(isint(tab_get(t, &lk), 103));
  /* a pid and a ref with the same number are different keys */
  Value p; val_setpid(&p, 78);
  cr_assert(val_isnil(tab_get(t, &p)));
  th_free(&e);
}

/* ---- length ---- */

static void check_border(Table *t) {
  lu_Unsigned n = tab_len(t);
  if (n == 0) {
    cr_assert(val_isnil(tab_getint(t, 1)), "#t == 0 but t[1] ~= nil");
  } else {
    cr_assert_not(val_isnil(tab_getint(t, (lu_Int)n)), "#t == %lu but t[#t] == nil", (unsigned long)n);
    cr_assert(val_isnil(tab_getint(t, (lu_Int)n + 1)), "#t == %lu but t[#t+1] ~= nil", (unsigned long)n);
  }
}

Test(table, len_of_sequences) {
  static const int sizes[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100, 1000, 4097 };
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    int n = sizes[s];
    TEnv e = th_env(0);
    /* built in order (array part) */
    Table *a = newtab(&e);
    for (int k = 1; k <= n; k++) setii(&e, a, k, k);
    cr_assert_eq(tab_len(a), (lu_Unsigned)n, "in order, n = %d", n);
    /* built backwards (hash part first) */
    Table *b = newtab(&e);
    for (int k = n; k >= 1; k--) setii(&e, b, k, k);
    cr_assert_eq(tab_len(b), (lu_Unsigned)n, "backwards, n = %d", n);
    /* in a preallocated hash part only */
    Table *c = newtab(&e);
    tab_resize(e.P, c, 0, (uint32_t)n + 1);
    for (int k = 1; k <= n; k++) {
      Value kk = vint(k), vv = vint(k);
      Value *slot = (Value *)tab_get(c, &kk);
      if (slot == VAL_ABSENT) setok(&e, c, kk, vv); else val_copy(slot, &vv);
    }
    cr_assert_eq(tab_len(c), (lu_Unsigned)n, "hash part, n = %d", n);
    /* array part with spare nils at the end */
    Table *d = newtab(&e);
    tab_resize(e.P, d, (uint32_t)n * 2 + 4, 0);
    for (int k = 1; k <= n; k++) setii(&e, d, k, k);
    cr_assert_eq(tab_len(d), (lu_Unsigned)n, "array with room, n = %d", n);
    /* array part full, continuing in the hash part */
    Table *f = newtab(&e);
    tab_resize(e.P, f, 4, 64);
    for (int k = 1; k <= n; k++) setii(&e, f, k, k);
    cr_assert_eq(tab_len(f), (lu_Unsigned)n, "array then hash, n = %d", n);
    th_free(&e);
  }
}

Test(table, len_is_a_border_with_holes) {
  th_Rng r = { 42 };
  for (int trial = 0; trial < 300; trial++) {
    TEnv e = th_env(0);
    Table *t = newtab(&e);
    int range = 1 + (int)th_randn(&r, 300);
    int count = (int)th_randn(&r, (uint32_t)range * 2);
    for (int j = 0; j < count; j++) {
      lu_Int k = 1 + th_randn(&r, (uint32_t)range);
      if (th_randn(&r, 4) == 0) setinil(&e, t, k);
      else setii(&e, t, k, k);
      if (j % 17 == 0) check_border(t);
    }
    check_border(t);
    /* punch holes into a sequence */
    for (lu_Int k = 1; k <= range; k++) setii(&e, t, k, k);
    cr_assert_eq(tab_len(t), (lu_Unsigned)range);
    for (int j = 0; j < 5; j++) { setinil(&e, t, 1 + th_randn(&r, (uint32_t)range)); check_border(t); }
    th_free(&e);
  }
}

Test(table, len_with_huge_integer_keys) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  setii(&e, t, 1, 1);
  setii(&e, t, LU_MAXINT, 1);
  check_border(t);
  Table *u = newtab(&e);
  setii(&e, u, LU_MAXINT, 1);
  setii(&e, u, LU_MAXINT - 1, 1);
  cr_assert_eq(tab_len(u), 0);
  th_free(&e);
}

/* ---- traversal ---- */

typedef struct { Value *keys; int n; int *seen; } Trav;

static int find_key(const Value *keys, int n, const Value *k) {
  for (int j = 0; j < n; j++) if (val_rawequal(&keys[j], k) && keys[j].tt == k->tt) return j;
  return -1;
}

typedef struct { Table *t; Value *keys; int n; int *seen; int clear; int visits; } NextArgs;
static void next_all_cb(lu_State *L, void *ud) {
  NextArgs *a = ud;
  Value kv[2];
  val_setnil(&kv[0]);
  a->visits = 0;
  while (tab_next(L, a->t, kv)) {
    cr_assert_not(val_isnil(&kv[1]), "next returned a nil value");
    int j = find_key(a->keys, a->n, &kv[0]);
    cr_assert_geq(j, 0, "next returned an unknown key");
    a->seen[j]++;
    a->visits++;
    if (a->clear == 1) {
      /* clear the current entry (allowed during traversal) */
      Value nil; val_setnil(&nil);
      tab_set(L, a->t, &kv[0], &nil);
    } else if (a->clear == 2) {
      /* clear the current one and every third key ahead of time */
      Value nil; val_setnil(&nil);
      tab_set(L, a->t, &kv[0], &nil);
      if (j + 3 < a->n && a->seen[j + 3] == 0) { tab_set(L, a->t, &a->keys[j + 3], &nil); a->seen[j + 3] = -1000; }
    }
    if (a->visits > a->n * 2) break;
  }
}

static void build_mixed(TEnv *e, Table *t, Value *keys, int n) {
  Table *anchor = newtab(e);      /* keeps the collectable keys alive */
  for (int j = 0; j < n; j++) {
    switch (j % 5) {
      case 0: keys[j] = vint(j / 5 + 1); break;                  /* array-ish */
      case 1: keys[j] = vint(100000 + j * 31); break;            /* sparse ints */
      case 2: { char b[32]; int l = snprintf(b, sizeof b, "key%d", j); val_setstr(&keys[j], str_new(e->P, b, (size_t)l)); break; }
      case 3: keys[j] = vflt(j + 0.5); break;
      default: val_settable(&keys[j], tab_new(e->P)); break;
    }
    setok(e, anchor, vint(j + 1), keys[j]);
    setok(e, t, keys[j], vint(j));
  }
}

Test(table, next_visits_every_key_once) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  enum { N = 30 };
  Value keys[N];
  int seen[N] = { 0 };
  build_mixed(&e, t, keys, N);
  NextArgs a = { t, keys, N, seen, 0, 0 };
  char msg[200];
  cr_assert_eq(th_protect(e.P, next_all_cb, &a, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_eq(a.visits, N);
  for (int j = 0; j < N; j++) cr_assert_eq(seen[j], 1, "key %d seen %d times", j, seen[j]);
  th_free(&e);
}

Test(table, next_while_clearing_entries) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  enum { N = 30 };
  Value keys[N];
  int seen[N] = { 0 };
  build_mixed(&e, t, keys, N);
  NextArgs a = { t, keys, N, seen, 1, 0 };
  char msg[200];
  cr_assert_eq(th_protect(e.P, next_all_cb, &a, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_eq(a.visits, N);
  for (int j = 0; j < N; j++) cr_assert_eq(seen[j], 1, "key %d seen %d times", j, seen[j]);
  /* all cleared now */
  Value kv[2]; val_setnil(&kv[0]);
  cr_assert_eq(tab_next(e.L, t, kv), 0);
  cr_assert_eq(tab_len(t), 0);
  th_free(&e);
}

Test(table, next_while_clearing_entries_ahead) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  enum { N = 60 };
  Value keys[N];
  int seen[N] = { 0 };
  build_mixed(&e, t, keys, N);
  NextArgs a = { t, keys, N, seen, 2, 0 };
  char msg[200];
  cr_assert_eq(th_protect(e.P, next_all_cb, &a, msg, sizeof msg), LU_OK, "%s", msg);
  for (int j = 0; j < N; j++)
    cr_assert(seen[j] == 1 || seen[j] == -1000, "key %d seen %d times", j, seen[j]);
  th_free(&e);
}

typedef struct { Table *t; Value k; } BadNext;
static void badnext_cb(lu_State *L, void *ud) {
  BadNext *b = ud;
  Value kv[2];
  val_copy(&kv[0], &b->k);
  tab_next(L, b->t, kv);
}

Test(table, next_with_an_absent_key_raises) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  setii(&e, t, 1, 1);
  Value sk; val_setstr(&sk, str_newz(e.P, "a")); setok(&e, t, sk, vint(2));
  BadNext b = { t, vint(999) };
  char msg[200];
  cr_assert_eq(th_protect(e.P, badnext_cb, &b, msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "invalid key to 'next'");
  val_setstr(&b.k, str_newz(e.P, "zz"));
  cr_assert_eq(th_protect(e.P, badnext_cb, &b, msg, sizeof msg), LU_ERRRUN);
  cr_assert_str_eq(msg, "invalid key to 'next'");
  /* a float key equal to an array index continues from there */
  b.k = vflt(1.0);
  cr_assert_eq(th_protect(e.P, badnext_cb, &b, msg, sizeof msg), LU_OK, "%s", msg);
  th_free(&e);
}

/* ---- randomised model check ---- */

#define MODEL_N 400     /* key universe: ints -50..249, 50 floats, 50 strings */

typedef struct { Value key; bool present; lu_Int val; } Slot;

static void model_key(TEnv *e, int j, Value *k) {
  if (j < 300) *k = vint(j - 50);
  else if (j < 350) *k = vflt((j - 300) + 0.25);
  else {
    char b[16]; int l = snprintf(b, sizeof b, "m%d", j);
    val_setstr(k, str_new(e->P, b, (size_t)l));
  }
}

static void model_check(Table *t, Slot *m, lu_State *L) {
  int count = 0;
  for (int j = 0; j < MODEL_N; j++) {
    const Value *v = tab_get(t, &m[j].key);
    if (m[j].present) { cr_assert(isint(v, m[j].val), "key %d lost", j); count++; }
    else cr_assert(val_isnil(v), "key %d should be absent", j);
  }
  int visits = 0;
  Value kv[2]; val_setnil(&kv[0]);
  while (tab_next(L, t, kv)) { visits++; cr_assert_leq(visits, count); }
  cr_assert_eq(visits, count, "next visited %d of %d keys", visits, count);
}

Test(table, random_model) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  static Slot m[MODEL_N];
  for (int j = 0; j < MODEL_N; j++) { model_key(&e, j, &m[j].key); m[j].present = false; }
  /* keep the string keys alive */
  Table *anchor = newtab(&e);
  for (int j = 350; j < MODEL_N; j++) setok(&e, anchor, vint(j), m[j].key);
  th_Rng r = { 7 };
  for (int step = 0; step < 200000; step++) {
    int j = (int)th_randn(&r, MODEL_N);
    /* phases: grow, mixed, shrink */
    int phase = (step / 20000) % 3;
    bool del = phase == 0 ? th_randn(&r, 10) == 0 : phase == 1 ? th_randn(&r, 2) == 0 : th_randn(&r, 10) != 0;
    if (del) {
      Value nil; val_setnil(&nil);
      setok(&e, t, m[j].key, nil);
      m[j].present = false;
    } else {
      lu_Int v = (lu_Int)th_rand(&r);
      setok(&e, t, m[j].key, vint(v));
      m[j].present = true;
      m[j].val = v;
    }
    if (step % 997 == 0) model_check(t, m, e.L);
  }
  model_check(t, m, e.L);
  th_free(&e);
}

Test(table, large_tables, .timeout = 120) {
  TEnv e = th_env(0);
  Table *t = newtab(&e);
  enum { N = 1000000 };
  /* scattered integer keys (hash part) */
  for (lu_Int j = 0; j < N; j++) {
    Value k = vint(j * 2654435761LL), v = vint(j);
    Value *slot = (Value *)tab_get(t, &k);
    cr_assert_eq(slot, VAL_ABSENT);
    setok(&e, t, k, v);
  }
  for (lu_Int j = 0; j < N; j += 13) cr_assert(isint(tab_getint(t, j * 2654435761LL), j));
  cr_assert(val_isnil(tab_getint(t, 3)));
  /* a sequence of 10^6 */
  Table *s = newtab(&e);
  for (lu_Int j = 1; j <= N; j++) setii(&e, s, j, j);
  cr_assert_eq(tab_len(s), N);
  cr_assert_geq(s->asize, N);
  /* delete half of the scattered keys, the rest must stay */
  for (lu_Int j = 0; j < N; j += 2) {
    Value k = vint(j * 2654435761LL), nil; val_setnil(&nil);
    setok(&e, t, k, nil);
  }
  for (lu_Int j = 0; j < N; j++) {
    const Value *v = tab_getint(t, j * 2654435761LL);
    if (j % 2) cr_assert(isint(v, j)); else cr_assert(val_isnil(v));
  }
  size_t visits = 0;
  Value kv[2]; val_setnil(&kv[0]);
  while (tab_next(e.L, t, kv)) visits++;
  cr_assert_eq(visits, N / 2);
  th_free(&e);
}

Test(table, memsize_and_free_accounting) {
  TEnv e = th_env(0);
  gc_fullcollect(e.P);
  size_t before = e.P->totalbytes;
  Table *t = tab_new(e.P);
  val_settable(e.L->top++, t);
  for (lu_Int j = 1; j <= 1000; j++) setii(&e, t, j * 3, j);
  cr_assert_geq(e.P->totalbytes, before + tab_memsize(t));
  e.L->top--;
  gc_fullcollect(e.P);
  cr_assert_eq(e.P->totalbytes, before, "all of the table's bytes given back");
  th_free(&e);
}

/* ---- the metamethod absence cache (tm.h) ---- */

Test(table, metamethod_absence_cache_is_invalidated) {
  TEnv e = th_env(0);
  Table *mt = newtab(&e);
  Value idx; val_settable(&idx, newtab(&e));
  Value nil; val_setnil(&nil);
  String *name = e.vm->tmname[TM_INDEX];
  cr_assert_null(tm_get(e.P, mt, TM_INDEX));
  cr_assert(mt->flags & (1u << TM_INDEX), "absence cached");
  cr_assert_null(tm_get(e.P, mt, TM_INDEX));
  /* a new key clears the cache */
  tab_setstr(e.L, mt, name, &idx);
  const Value *tm = tm_get(e.P, mt, TM_INDEX);
  cr_assert(tm && val_table(tm) == val_table(&idx));
  /* removed: absent again (and cached) */
  tab_setstr(e.L, mt, name, &nil);
  cr_assert_null(tm_get(e.P, mt, TM_INDEX));
  cr_assert(mt->flags & (1u << TM_INDEX));
  /* set again where the dead entry still is: the cache must not hide it */
  tab_setstr(e.L, mt, name, &idx);
  cr_assert_not_null(tm_get(e.P, mt, TM_INDEX), "tab_setstr on a nil slot kept a stale cache bit");
  tab_setstr(e.L, mt, name, &nil);
  cr_assert_null(tm_get(e.P, mt, TM_INDEX));
  Value k; val_setstr(&k, name);
  setok(&e, mt, k, idx);
  cr_assert_not_null(tm_get(e.P, mt, TM_INDEX), "tab_set on a nil slot kept a stale cache bit");
  th_free(&e);
}

Test(table, metamethod_set_from_lua_is_seen) {
  TEnv e = th_env(1);
  char msg[200];
  int st = th_run(e.P,
    "local mt = {}\n"
    "local t = setmetatable({}, mt)\n"
    "local a = t.x\n"                       /* caches: no __index */
    "mt.__index = function(_, k) return k .. '!' end\n"
    "local b = t.x\n"
    "mt.__index = nil\n"
    "local c = t.x\n"
    "mt.__index = { x = 5 }\n"               /* the dead entry again */
    "return a, b, c, t.x\n", msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  cr_assert(val_isnil(&r[0]));
  cr_assert(val_isstr(&r[1]) && strcmp(str_data(val_str(&r[1])), "x!") == 0);
  cr_assert(val_isnil(&r[2]));
  cr_assert(isint(&r[3], 5));
  th_free(&e);
}

/* ---- a memory error in the middle of a rehash ---- */

typedef struct { Table *t; } Ins;
static void insert_more_cb(lu_State *L, void *ud) {
  Ins *a = ud;
  /* enough new integer keys to make the rehash grow the array part */
  for (lu_Int k = 1; k <= 64; k++) { Value v = vint(k); tab_setint(L, a->t, k, &v); }
}

/* tab_resize installs the new hash part before it reallocates the array
 * part; when that allocation raises (max heap, out of memory), the old hash
 * part must come back: pcall lets the program keep using the table. */
Test(table, memory_error_during_rehash_keeps_the_entries) {
  int window = 0;
  for (size_t extra = 0; extra < 8192; extra += 16) {
    TEnv e = th_env(0);
    Table *t = newtab(&e);
    char buf[16];
    for (int j = 0; j < 24; j++) {
      int n = snprintf(buf, sizeof buf, "key%d", j);
      Value k; val_setstr(&k, str_new(e.P, buf, (size_t)n));
      setok(&e, t, k, vint(j));
    }
    mem_setlimit(e.P, e.P->totalbytes + extra);
    Ins a = { t };
    char msg[200];
    int st = th_protect(e.P, insert_more_cb, &a, msg, sizeof msg);
    mem_setlimit(e.P, 0);
    if (st == LU_ERRMEM) {
      window++;
      for (int j = 0; j < 24; j++) {
        int n = snprintf(buf, sizeof buf, "key%d", j);
        const Value *v = tab_getstr(t, str_new(e.P, buf, (size_t)n));
        cr_assert(isint(v, j), "after a memory error (limit +%zu) key%d is gone", extra, j);
      }
    }
    th_free(&e);
  }
  cr_assert_gt(window, 0, "no limit made the insertion fail");
}
