/* test_string.c — strings: per-process interning, atoms, long strings over
 * shared blobs, hashing, ordering, and the intern table under load. */
#include "helpers.h"

/* Every string in P's intern table sits in the bucket its hash names, is a
 * live short string of P, and the count matches strt_nuse. */
static void check_strt(Proc *P) {
  size_t count = 0;
  cr_assert(P->strt_size > 0 && (P->strt_size & (P->strt_size - 1)) == 0,
            "intern table size %zu is not a power of 2", (size_t)P->strt_size);
  for (size_t i = 0; i < P->strt_size; i++) {
    for (String *s = P->strt[i]; s; s = s->u.hnext) {
      cr_assert_eq(s->hash & (P->strt_size - 1), i, "string in the wrong bucket");
      cr_assert_not(s->islong);
      cr_assert_eq(s->hash, str_hashbytes(s->data, s->len, P->vm->seed));
      count++;
    }
  }
  cr_assert_eq(count, P->strt_nuse, "strt_nuse %zu but %zu strings chained", (size_t)P->strt_nuse, count);
}

Test(string, short_strings_are_interned) {
  TEnv e = th_env(0);
  String *a = str_newz(e.P, "hello"), *b = str_new(e.P, "hello", 5);
  cr_assert_eq(a, b, "same content, same object");
  char buf[] = "hello world";
  String *c = str_new(e.P, buf, 5);
  cr_assert_eq(a, c);
  String *d = str_newz(e.P, "hellO");
  cr_assert_neq(a, d);
  cr_assert_not(str_eq(a, d));
  cr_assert_eq(str_len(a), 5);
  cr_assert_str_eq(str_data(a), "hello");
  cr_assert_eq(str_data(a)[5], '\0', "strings are NUL-terminated");
  /* the empty string */
  String *z1 = str_new(e.P, "", 0), *z2 = str_newz(e.P, "");
  cr_assert_eq(z1, z2);
  cr_assert_eq(str_len(z1), 0);
  /* embedded zeros are part of the content */
  String *n1 = str_new(e.P, "a\0b", 3), *n2 = str_new(e.P, "a\0c", 3), *n3 = str_new(e.P, "a\0b", 3);
  cr_assert_neq(n1, n2);
  cr_assert_eq(n1, n3);
  cr_assert_neq(n1, str_new(e.P, "a", 1));
  check_strt(e.P);
  th_free(&e);
}

Test(string, short_long_boundary) {
  TEnv e = th_env(0);
  char buf[LU_MAXSHORTLEN + 2];
  memset(buf, 'x', sizeof buf);
  String *s = str_new(e.P, buf, LU_MAXSHORTLEN);
  cr_assert_not(s->islong, "%d bytes is short", LU_MAXSHORTLEN);
  cr_assert_eq(s, str_new(e.P, buf, LU_MAXSHORTLEN));
  String *l = str_new(e.P, buf, LU_MAXSHORTLEN + 1);
  cr_assert(l->islong, "%d bytes is long", LU_MAXSHORTLEN + 1);
  String *l2 = str_new(e.P, buf, LU_MAXSHORTLEN + 1);
  cr_assert_neq(l, l2, "long strings are not interned");
  cr_assert(str_eq(l, l2));
  cr_assert_neq(l->u.blob, l2->u.blob);
  cr_assert_eq(l->u.blob->refcount, 1);
  cr_assert_eq(str_data(l)[LU_MAXSHORTLEN + 1], '\0');
  th_free(&e);
}

Test(string, atoms_win_over_process_strings) {
  TEnv e = th_env(0);
  String *a = atom_newz(e.vm, "zebra_atom");
  cr_assert(a->marked & GC_SHARED);
  cr_assert_eq(atom_newz(e.vm, "zebra_atom"), a, "atoms are interned");
  String *s = str_newz(e.P, "zebra_atom");
  cr_assert_eq(s, a, "a process string with an atom's content is the atom");
  /* a second process gets the same atom */
  Proc *P2 = proc_new(e.vm);
  cr_assert_eq(str_newz(P2, "zebra_atom"), a);
  proc_free(P2);
  /* metamethod names are atoms */
  cr_assert_eq(str_newz(e.P, "__index"), e.vm->tmname[TM_INDEX]);
  th_free(&e);
}

Test(string, process_string_made_before_the_atom) {
  TEnv e = th_env(0);
  String *early = str_newz(e.P, "later_constant");
  cr_assert_not(early->marked & GC_SHARED);
  String *a = atom_newz(e.vm, "later_constant");
  cr_assert_neq(early, a, "the atom is a new object");
  cr_assert(str_eq(early, a), "still equal");
  cr_assert(str_eq(a, early));
  cr_assert_eq(early->hash, a->hash, "same seed, same hash");
  /* new lookups now find the atom first */
  cr_assert_eq(str_newz(e.P, "later_constant"), a);
  /* raw equality and table keys do not care which object */
  Value va, ve;
  val_setstr(&va, a); val_setstr(&ve, early);
  cr_assert(val_rawequal(&va, &ve));
  Table *t = tab_new(e.P);
  Value one; val_setint(&one, 1);
  val_settable(e.L->top++, t);           /* keep it reachable */
  tab_setstr(e.L, t, early, &one);       /* cannot raise: memory only */
  const Value *got = tab_getstr(t, a);
  cr_assert(val_isint(got) && val_int(got) == 1, "key set with the process string, found with the atom");
  got = tab_get(t, &va);
  cr_assert(val_isint(got) && val_int(got) == 1);
  th_free(&e);
}

Test(string, long_atoms_compare_with_process_strings) {
  TEnv e = th_env(0);
  char buf[100];
  memset(buf, 'L', sizeof buf);
  String *p = str_new(e.P, buf, sizeof buf);
  String *a = atom_new(e.vm, buf, sizeof buf);
  cr_assert(a->islong && p->islong);
  cr_assert_neq(a, p);
  cr_assert(str_eq(a, p) && str_eq(p, a));
  cr_assert_eq(str_hash(a), str_hash(p));
  th_free(&e);
}

Test(string, fromblob_shares_and_refcounts) {
  TEnv e = th_env(0);
  char buf[1000];
  for (size_t j = 0; j < sizeof buf; j++) buf[j] = (char)('a' + j % 26);
  String *s = str_new(e.P, buf, sizeof buf);
  val_setstr(e.L->top++, s);              /* keep s alive */
  Blob *b = s->u.blob;
  cr_assert_eq(b->refcount, 1);
  size_t before = e.P->totalbytes;
  String *t = str_fromblob(e.P, b);
  cr_assert(t->islong);
  cr_assert_eq(t->u.blob, b, "the blob is shared");
  cr_assert_eq(str_data(t), str_data(s), "no copy");
  cr_assert_eq(b->refcount, 2);
  cr_assert_eq(str_len(t), sizeof buf);
  cr_assert(str_eq(s, t));
  cr_assert_eq(str_hash(s), str_hash(t));
  cr_assert_geq(e.P->totalbytes, before + sizeof buf, "the holder is charged for the blob");
  /* a second process holding the blob */
  Proc *P2 = proc_new(e.vm);
  size_t p2before = P2->totalbytes;
  String *u = str_fromblob(P2, b);
  cr_assert_eq(b->refcount, 3);
  cr_assert_geq(P2->totalbytes, p2before + sizeof buf);
  proc_free(P2);
  cr_assert_eq(b->refcount, 2, "freeing the other process gives its reference back");
  (void)u;
  /* t is unreachable: collecting it drops a reference, the bytes stay */
  gc_fullcollect(e.P);
  cr_assert_eq(b->refcount, 1);
  cr_assert(th_alive(e.P, s));
  cr_assert_eq(memcmp(str_data(s), buf, sizeof buf), 0);
  cr_assert_lt(e.P->totalbytes, before + sizeof buf, "charge returned after the collection");
  th_free(&e);
}

Test(string, long_string_hashes) {
  TEnv e = th_env(0);
  char buf[300];
  for (size_t j = 0; j < sizeof buf; j++) buf[j] = (char)(j * 7);
  String *a = str_new(e.P, buf, sizeof buf), *b = str_new(e.P, buf, sizeof buf);
  cr_assert_not(a->hashed, "long string hashes are lazy");
  uint32_t ha = str_hash(a);
  cr_assert(a->hashed);
  cr_assert_eq(str_hash(a), ha, "stable");
  cr_assert_eq(str_hash(b), ha, "equal content, equal hash");
  buf[150] ^= 1;
  String *c = str_new(e.P, buf, sizeof buf);
  cr_assert_not(str_eq(a, c));
  /* a string filled later (str_newlong) hashes the same as one made whole */
  String *d = str_newlong(e.P, sizeof buf);
  buf[150] ^= 1;
  memcpy(d->u.blob->data, buf, sizeof buf);
  cr_assert(str_eq(a, d));
  cr_assert_eq(str_hash(d), ha);
  th_free(&e);
}

static int sgn(int x) { return (x > 0) - (x < 0); }

Test(string, cmp_ordering) {
  TEnv e = th_env(0);
  struct { const char *a; size_t la; const char *b; size_t lb; int expect; } cases[] = {
    { "a", 1, "b", 1, -1 },
    { "b", 1, "a", 1, 1 },
    { "a", 1, "ab", 2, -1 },
    { "ab", 2, "a", 1, 1 },
    { "", 0, "a", 1, -1 },
    { "", 0, "", 0, 0 },
    { "abc", 3, "abc", 3, 0 },
    { "a\0b", 3, "a\0c", 3, -1 },
    { "a\0c", 3, "a\0b", 3, 1 },
    { "a", 1, "a\0", 2, -1 },       /* a prefix is smaller, even before a zero */
    { "a\0", 2, "a", 1, 1 },
    { "a\0\0", 3, "a\0", 2, 1 },
    { "\xff", 1, "a", 1, 1 },       /* bytes compare unsigned */
    { "\x80z", 2, "\x7fz", 2, 1 },
    { "Z", 1, "a", 1, -1 },
  };
  for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++) {
    String *a = str_new(e.P, cases[j].a, cases[j].la);
    String *b = str_new(e.P, cases[j].b, cases[j].lb);
    cr_assert_eq(sgn(str_cmp(a, b)), cases[j].expect, "case %zu", j);
    cr_assert_eq(str_eq(a, b), cases[j].expect == 0, "case %zu", j);
  }
  /* long strings with zeros deep inside */
  char x[100], y[100];
  memset(x, 0, sizeof x); memset(y, 0, sizeof y);
  y[90] = 1;
  String *lx = str_new(e.P, x, sizeof x), *ly = str_new(e.P, y, sizeof y);
  cr_assert_lt(str_cmp(lx, ly), 0);
  cr_assert_gt(str_cmp(ly, lx), 0);
  String *lx2 = str_new(e.P, x, 99);
  cr_assert_lt(str_cmp(lx2, lx), 0);
  th_free(&e);
}

/* Make 10^5 distinct strings, kept alive in a table, then let them die:
 * the intern table grows, stays correct, and shrinks back. */
static void mkmany(lu_State *L, void *ud) {
  Table *t = ud;
  char buf[32];
  for (int j = 0; j < 100000; j++) {
    int n = snprintf(buf, sizeof buf, "s%d", j);
    Value v; val_setstr(&v, str_new(L->P, buf, (size_t)n));
    tab_setint(L, t, j + 1, &v);
  }
}

Test(string, intern_table_grows_and_shrinks) {
  TEnv e = th_env(0);
  Proc *P = e.P;
  size_t size0 = P->strt_size, nuse0 = P->strt_nuse;
  Table *t = tab_new(P);
  val_settable(e.L->top++, t);
  char msg[200];
  cr_assert_eq(th_protect(P, mkmany, t, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_geq(P->strt_nuse, nuse0 + 100000);
  cr_assert_geq(P->strt_size, 65536, "the table grew (size %zu)", (size_t)P->strt_size);
  cr_assert_leq(P->strt_nuse, P->strt_size, "load factor at most 1");
  check_strt(P);
  /* lookups give back the very objects */
  char buf[32];
  for (int j = 0; j < 100000; j += 7) {
    int n = snprintf(buf, sizeof buf, "s%d", j);
    String *s = str_new(P, buf, (size_t)n);
    cr_assert_eq(s, val_str(tab_getint(t, j + 1)), "lookup of %s", buf);
  }
  /* survives a collection while reachable */
  gc_fullcollect(P);
  cr_assert_geq(P->strt_nuse, nuse0 + 100000);
  check_strt(P);
  /* unreachable: the entries go, the table shrinks (one halving per cycle) */
  e.L->top--;
  size_t big = P->strt_size;
  for (int c = 0; c < 20; c++) gc_fullcollect(P);
  cr_assert_leq(P->strt_nuse, nuse0 + 10, "dead strings dropped (nuse %zu)", (size_t)P->strt_nuse);
  cr_assert_lt(P->strt_size, big);
  cr_assert_leq(P->strt_size, (size0 > 16 ? size0 : 16) * 2, "shrunk back (size %zu)", (size_t)P->strt_size);
  check_strt(P);
  /* and works again afterwards */
  String *x = str_newz(P, "s12345"), *y = str_newz(P, "s12345");
  cr_assert_eq(x, y);
  check_strt(P);
  th_free(&e);
}

Test(string, intern_table_under_collisions) {
  /* many strings, interleaved creation and collection, with survivors
   * checked by content every round */
  TEnv e = th_env(0);
  Proc *P = e.P;
  Table *keep = tab_new(P);
  val_settable(e.L->top++, keep);
  th_Rng r = { 0x1234567 };
  char buf[48];
  for (int round = 0; round < 20; round++) {
    for (int j = 0; j < 3000; j++) {
      uint32_t id = th_randn(&r, 20000);
      int n = snprintf(buf, sizeof buf, "k%u", id);
      String *s = str_new(P, buf, (size_t)n);
      if (id % 3 == 0) {
        Value v; val_setstr(&v, s);
        tab_setint(e.L, keep, id, &v);      /* no raise: keys are in range */
      }
    }
    gc_fullcollect(P);
    check_strt(P);
    for (uint32_t id = 0; id < 20000; id += 3) {
      const Value *v = tab_getint(keep, id);
      if (val_isnil(v)) continue;
      int n = snprintf(buf, sizeof buf, "k%u", id);
      cr_assert_eq(str_len(val_str(v)), (size_t)n);
      cr_assert_eq(memcmp(str_data(val_str(v)), buf, (size_t)n), 0);
      cr_assert_eq(str_new(P, buf, (size_t)n), val_str(v), "interned object found again");
    }
  }
  th_free(&e);
}

/* str_newlong allocates the blob, then the header: when the header's
 * allocation raises (max heap), the blob must not stay charged or leak. */
static void newlong_cb(lu_State *L, void *ud) { str_newlong(L->P, *(size_t *)ud); }

Test(string, failed_long_string_leaves_no_charge) {
  size_t len = 100000;
  int window = 0;
  for (size_t extra = len; extra < len + 400; extra += 4) {
    TEnv e = th_env(0);
    gc_fullcollect(e.P);
    size_t before = e.P->totalbytes;
    mem_setlimit(e.P, before + extra);
    char msg[100];
    int st = th_protect(e.P, newlong_cb, &len, msg, sizeof msg);
    mem_setlimit(e.P, 0);
    gc_fullcollect(e.P);
    if (st == LU_ERRMEM) {
      window++;
      cr_assert_eq(e.P->totalbytes, before, "limit +%zu: %zu bytes still charged after a failed str_newlong",
                   extra, e.P->totalbytes - before);
    }
    th_free(&e);
  }
  cr_assert_gt(window, 0);
}
