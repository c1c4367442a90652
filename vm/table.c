/* table.c — Lua tables (see table.h). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "table.h"
#include "str.h"
#include "gc.h"
#include "do.h"
#include "lazy.h"
#include "bigint.h"

/* The empty hash part shared by all tables without one: read-only. */
const Node tab_dummy_node_ = { {0}, T_NIL, T_NIL, 0, {0} };
#define dummynode (cast(Node *, &tab_dummy_node_))

#define gnode(t, i)  (&(t)->node[i])
#define gkey_isnil(n) ((n)->ktt == T_NIL)

static inline uint32_t hashint(lu_Int i) {
  uint64_t x = (uint64_t)i;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return (uint32_t)x;
}
static inline uint32_t hashptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x = (x >> 4) * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(x >> 32);
}

/* (integers and floats: see mainposition) */
static inline uint32_t hashof(int tt, const Val *k) {
  switch (tt) {
    case T_STR: return str_hash((String *)k->gc);
    case T_FALSE: return 0;
    case T_TRUE: return 1;
    case T_PID: case T_REF: return hashint((lu_Int)k->u);
    case T_LCF: return hashptr((const void *)(uintptr_t)k->f);
    case T_BIGINT: return big_hash((const BigInt *)k->gc);
    default: return hashptr(k->p);
  }
}

/* Integer and float keys go where lua5.4 puts them (the rest of their
 * value modulo an odd number), so that collisions, and with them the
 * moments a table is rehashed and the size of its array part (which '#'
 * of a table with holes depends on), are the same. */
static inline Node *intposition(const Table *t, lu_Int i) {
  return gnode(t, (lu_Unsigned)i % ((tab_sizenode(t) - 1) | 1));
}

static inline Node *fltposition(const Table *t, lu_Num n) {
  int e;
  lu_Num m = frexp(n, &e) * -(lu_Num)INT_MIN;
  unsigned h = 0;
  if (m >= -9223372036854775808.0 && m < 9223372036854775808.0) {   /* not inf or nan */
    unsigned u = (unsigned)e + (unsigned)(lu_Int)m;
    h = u <= (unsigned)INT_MAX ? u : ~u;
  }
  return gnode(t, h % ((tab_sizenode(t) - 1) | 1));
}

static inline Node *mainposition(const Table *t, int tt, const Val *k) {
  if (tt == T_INT) return intposition(t, k->i);
  if (tt == T_FLT) return fltposition(t, k->n);
  return gnode(t, hashof(tt, k) & (tab_sizenode(t) - 1));
}

static inline bool keyequal(const Node *n, int tt, const Val *k) {
  if (n->ktt != tt) return false;
  switch (tt) {
    case T_NIL: case T_FALSE: case T_TRUE: return true;
    case T_INT: case T_PID: case T_REF: return n->k.i == k->i;
    case T_FLT: return n->k.n == k->n;
    case T_STR: return str_eq((String *)n->k.gc, (String *)k->gc);
    case T_LCF: return n->k.f == k->f;
    case T_BIGINT: return big_equal((const BigInt *)n->k.gc, (const BigInt *)k->gc);
    default: return n->k.p == k->p;
  }
}

Table *tab_new(Proc *P) {
  Table *t = (Table *)gc_newobj(P, T_TABLE, sizeof(Table));
  t->flags = 0xFF;
  t->lsizenode = 0;
  t->asize = 0;
  t->alimit = 0;
  t->array = NULL;
  t->node = dummynode;
  t->lastfree = NULL;
  t->metatable = NULL;
  t->gclist = NULL;
  return t;
}

Table *tab_newarray(Proc *P, uint32_t n) {
  Table *t = (Table *)gc_newobj(P, T_TABLE, sizeof(Table) + n * sizeof(Value));
  t->marked |= GC_INLARR;
  t->flags = 0xFF;
  t->lsizenode = 0;
  t->asize = n;
  t->alimit = n;
  t->array = (Value *)(t + 1);
  for (uint32_t j = 0; j < n; j++) val_setnil(&t->array[j]);
  t->node = dummynode;
  t->lastfree = NULL;
  t->metatable = NULL;
  t->gclist = NULL;
  return t;
}

/* The process library's instance lives in its process's block (state.h,
 * ProcBlock) with a one-node hash part: neither is freed alone. */
void tab_initinblock(Proc *P, Table *t, Node *n) {
  t->tt = T_TABLE;
  t->marked = 0;
  t->next = P->allgc;
  P->allgc = (GCObj *)t;
  t->flags = 0xFF;
  t->asize = 0;
  t->alimit = 0;
  t->array = NULL;
  n->next = 0;
  n->ktt = T_NIL;
  n->tt = T_NIL;
  t->node = n;
  t->lsizenode = 0;
  t->lastfree = n + 1;
  t->metatable = NULL;
  t->gclist = NULL;
  P->totalbytes += sizeof(Table) + sizeof(Node);
}

static void freenodes(Proc *P, Node *n, uint32_t size) {
  if (n == &proc_block(P)->procnode) P->totalbytes -= sizeof(Node);
  else mem_freevec(P, n, size, Node);
}

size_t tab_memsize(const Table *t) {
  return sizeof(Table) + t->asize * sizeof(Value) +
         (tab_isdummy(t) ? 0 : tab_sizenode(t) * sizeof(Node));
}

void tab_free(Proc *P, Table *t) {
  if (!tab_isdummy(t)) freenodes(P, t->node, tab_sizenode(t));
  if (t == &proc_block(P)->procinst) {
    if (t->array) mem_freevec(P, t->array, t->asize, Value);
    P->totalbytes -= sizeof(Table);
    return;
  }
  if (t->marked & GC_INLARR) {
    if (tab_inlarray(t)) {            /* one block, as allocated */
      mem_free(P, t, sizeof(Table) + t->asize * sizeof(Value));
      return;
    }
    /* the array moved out: the block is bigger than a Table, of a size
     * no longer known, so it goes back to malloc, not to a free list */
    if (t->array) mem_freevec(P, t->array, t->asize, Value);
    P->totalbytes -= sizeof(Table);
    free(t);
    return;
  }
  if (t->array) mem_freevec(P, t->array, t->asize, Value);
  mem_free(P, t, sizeof(Table));
}

/* ------------------------------------------------------------------ lookup */

const Value *tab_getint(Table *t, lu_Int key) {
  if ((lu_Unsigned)key - 1u < t->alimit) return &t->array[key - 1];
  if ((lu_Unsigned)key - 1u < t->asize) {
    t->alimit = (uint32_t)key;        /* as lua5.4: '#t' is probably here now */
    return &t->array[key - 1];
  }
  Node *n = intposition(t, key);
  for (;;) {
    if (n->ktt == T_INT && n->k.i == key) return node_val(n);
    if (n->next == 0) return VAL_ABSENT;
    n += n->next;
  }
}

const Value *tab_getshortstr(Table *t, String *key) { return tab_getshortstr_i(t, key); }

static const Value *getgeneric(Table *t, int tt, const Val *k) {
  Node *n = mainposition(t, tt, k);
  for (;;) {
    if (keyequal(n, tt, k)) return node_val(n);
    if (n->next == 0) return VAL_ABSENT;
    n += n->next;
  }
}

const Value *tab_getlongstr(Table *t, String *key) {
  Val k; k.gc = (GCObj *)key;
  return getgeneric(t, T_STR, &k);
}

const Value *tab_getstr(Table *t, String *key) { return tab_getstr_i(t, key); }

/* float with an exact integer value -> that integer */
static inline bool flt_toint(lu_Num n, lu_Int *i) {
  if (n >= -9223372036854775808.0 && n < 9223372036854775808.0) {
    lu_Int v = (lu_Int)n;
    if ((lu_Num)v == n) { *i = v; return true; }
  }
  return false;
}

const Value *tab_get(Table *t, const Value *key) {
  switch (key->tt) {
    case T_STR: return tab_getstr(t, val_str(key));
    case T_INT: return tab_getint(t, val_int(key));
    case T_NIL: return VAL_ABSENT;
    case T_FLT: {
      lu_Int i;
      if (flt_toint(val_flt(key), &i)) return tab_getint(t, i);
      return getgeneric(t, T_FLT, &key->v);
    }
    case T_BIGINT: {
      /* keyed by value: one that fits is that integer key */
      lu_Int i;
      if (big_fitsint(val_bigint(key), &i)) return tab_getint(t, i);
      return getgeneric(t, T_BIGINT, &key->v);
    }
    default: return getgeneric(t, key->tt, &key->v);
  }
}

/* ------------------------------------------------------------------ resize */

static unsigned ceillog2(unsigned x) {
  unsigned l = 0;
  x--;
  while (x > 0) { l++; x >>= 1; }
  return l;
}

static void setnodevector(Proc *P, Table *t, uint32_t size) {
  if (size == 0) {
    t->node = dummynode;
    t->lsizenode = 0;
    t->lastfree = NULL;
  } else {
    unsigned lsize = ceillog2(size);
    if (lsize > 30) lu_runerror(P->L, "table overflow");
    size = 1u << lsize;
    t->node = mem_newvec(P, size, Node);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = gnode(t, i);
      n->next = 0;
      n->ktt = T_NIL;
      n->tt = T_NIL;
    }
    t->lsizenode = (uint8_t)lsize;
    t->lastfree = gnode(t, size);
  }
}

static Node *getfreepos(Table *t) {
  if (!tab_isdummy(t)) {
    while (t->lastfree > t->node) {
      t->lastfree--;
      if (gkey_isnil(t->lastfree)) return t->lastfree;
    }
  }
  return NULL;
}

static void rehash(lu_State *L, Table *t, const Value *ek);

/* Insert a key known to be absent; returns its value slot (nil). */
static Value *newkey_raw(lu_State *L, Table *t, int tt, const Val *k) {
  Node *mp = mainposition(t, tt, k);
  if (!val_isnil(node_val(mp)) || tab_isdummy(t)) {
    Node *f = getfreepos(t);
    if (f == NULL) {
      Value key; key.v = *k; key.tt = (uint8_t)tt;
      rehash(L, t, &key);
      /* the key may now belong to the array part */
      if (tt == T_INT && (lu_Unsigned)k->i - 1u < t->asize) return &t->array[k->i - 1];
      return newkey_raw(L, t, tt, k);
    }
    Node *othern = mainposition(t, mp->ktt, &mp->k);
    if (mp->ktt == T_DEADKEY) othern = mp;  /* dead key: cannot rehash it; treat as own */
    if (othern != mp) {
      /* colliding node is out of its main position: move it to the free slot */
      while (othern + othern->next != mp) othern += othern->next;
      othern->next = (int32_t)(f - othern);
      *f = *mp;
      if (mp->next != 0) { f->next += (int32_t)(mp - f); mp->next = 0; }
      mp->tt = T_NIL;
    } else {
      /* colliding node is in its own main position: new key goes to the free slot */
      if (mp->next != 0) f->next = (int32_t)((mp + mp->next) - f);
      else f->next = 0;
      mp->next = (int32_t)(f - mp);
      mp = f;
    }
  }
  mp->ktt = (uint8_t)tt;
  mp->k = *k;
  mp->tt = T_NIL;
  return node_val(mp);
}

Value *tab_fraginsert(Table *t, const Value *key) {
  Val k = key->v;
  int tt = key->tt;
  if (tt == T_FLT) {
    lu_Int i;
    if (flt_toint(k.n, &i)) { k.i = i; tt = T_INT; }
  }
  if (tt == T_INT && (lu_Unsigned)k.i - 1u < t->asize) return &t->array[k.i - 1];
  return newkey_raw(NULL, t, tt, &k);
}

Value *tab_newkey(lu_State *L, Table *t, const Value *key) {
  Val k = key->v;
  int tt = key->tt;
  if (tt == T_NIL) lu_runerror(L, "table index is nil");
  if (tt == T_FLT) {
    lu_Int i;
    if (flt_toint(k.n, &i)) { k.i = i; tt = T_INT; }
    else if (isnan(k.n)) lu_runerror(L, "table index is NaN");
  } else if (tt == T_BIGINT) {
    lu_Int i;
    if (big_fitsint(val_bigint(key), &i)) { k.i = i; tt = T_INT; }
  }
  tab_invalidatetm(t);
  if (tt == T_INT && (lu_Unsigned)k.i - 1u < t->asize) return &t->array[k.i - 1];
  return newkey_raw(L, t, tt, &k);
}

/* Counting integer keys for the rehash: nums[i] = number of keys k with
 * 2^(i-1) < k <= 2^i. */
#define MAXABITS 30
static unsigned countint(lu_Int k, unsigned *nums) {
  if ((lu_Unsigned)k - 1u < (1u << MAXABITS)) {
    nums[ceillog2((unsigned)k)]++;
    return 1;
  }
  return 0;
}

static unsigned numusearray(const Table *t, unsigned *nums) {
  unsigned lg, ttlg, ause = 0, i = 1;
  for (lg = 0, ttlg = 1; lg <= MAXABITS; lg++, ttlg *= 2) {
    unsigned lc = 0, lim = ttlg;
    if (lim > t->asize) {
      lim = t->asize;
      if (i > lim) break;
    }
    for (; i <= lim; i++)
      if (!val_isnil(&t->array[i - 1])) lc++;
    nums[lg] += lc;
    ause += lc;
  }
  return ause;
}

static unsigned computesizes(unsigned *nums, unsigned *pna) {
  unsigned i, twotoi, a = 0, na = 0, optimal = 0;
  for (i = 0, twotoi = 1; twotoi > 0 && *pna > twotoi / 2; i++, twotoi *= 2) {
    a += nums[i];
    if (a > twotoi / 2) { optimal = twotoi; na = a; }
  }
  *pna = na;
  return optimal;
}

static void reinsert(lu_State *L, Table *t, Node *old, uint32_t oldsize) {
  for (uint32_t j = 0; j < oldsize; j++) {
    Node *o = old + j;
    if (!val_isnil(node_val(o))) {
      Value *slot;
      if (o->ktt == T_INT && (lu_Unsigned)o->k.i - 1u < t->asize) slot = &t->array[o->k.i - 1];
      else slot = newkey_raw(L, t, o->ktt, &o->k);
      val_copy(slot, node_val(o));
    }
  }
}

/* a new table's array part (NEWTABLE, createtable): nothing to move; if
 * the allocation raises, the table is untouched */
static void setnils(Value *v, uint32_t n) {
  for (uint32_t j = 0; j < n; j++) val_setnil(&v[j]);
}

/* Sizes for an empty table (NEWTABLE, createtable): nothing to move and
 * nothing to roll back.  If an allocation raises, the table is still
 * empty and consistent (asize is set once the array exists). */
static void presize(Proc *P, Table *t, uint32_t asize, uint32_t hsize) {
  if (hsize) setnodevector(P, t, hsize);
  if (asize) {
    Value *na = mem_newvec(P, asize, Value);
    setnils(na, asize);
    t->array = na;
    t->asize = t->alimit = asize;
  }
}

void tab_resize(Proc *P, Table *t, uint32_t newasize, uint32_t nhsize) {
  if (t->array == NULL && t->asize == 0 && tab_isdummy(t)) {
    presize(P, t, newasize, nhsize);
    return;
  }
  lu_State *L = P->L;
  uint32_t oldasize = t->asize;
  Node *oldnode = t->node;
  uint32_t oldhsize = tab_isdummy(t) ? 0 : tab_sizenode(t);
  bool olddummy = tab_isdummy(t);
  Node *oldlastfree = t->lastfree;
  uint8_t oldlsize = t->lsizenode;
  /* new hash part first (may raise; the table is untouched then) */
  setnodevector(P, t, nhsize);
  Node *newnode = t->node;
  uint8_t newlsize = t->lsizenode;
  Node *newlastfree = t->lastfree;
  if (newasize < oldasize) {
    /* vanishing array slice goes to the new hash part */
    t->asize = newasize;
    for (uint32_t i = newasize; i < oldasize; i++) {
      if (!val_isnil(&t->array[i])) {
        Val k; k.i = (lu_Int)i + 1;
        Value *slot = newkey_raw(L, t, T_INT, &k);
        val_copy(slot, &t->array[i]);
      }
    }
    newnode = t->node; newlsize = t->lsizenode; newlastfree = t->lastfree;
  }
  /* resize the array part.  If that raises (max heap, out of memory), the
   * table must get its old hash part back, or its entries would be lost
   * and the old part leaked: drop the new part and pass the error on. */
  Value *na;
  bool inl = tab_inlarray(t);         /* not a block of its own: never freed here */
  if (newasize == 0) {
    if (inl) P->totalbytes -= oldasize * sizeof(Value);
    else if (t->array) mem_freevec(P, t->array, oldasize, Value);
    na = NULL;
  } else {
    lu_Jmp jb;
    jb.previous = P->errorjmp;
    jb.status = LU_OK;
    P->errorjmp = &jb;
    if (LU_SETJMP(jb) == 0) {
      if (inl) {
        na = mem_alloc(P, newasize * sizeof(Value));
        memcpy(na, t->array, (oldasize < newasize ? oldasize : newasize) * sizeof(Value));
        P->totalbytes -= oldasize * sizeof(Value);   /* the room left in the table's block */
      } else
        na = mem_realloc(P, t->array, oldasize * sizeof(Value), newasize * sizeof(Value));
      P->errorjmp = jb.previous;
    } else {
      P->errorjmp = jb.previous;
      if (!tab_isdummy(t)) mem_freevec(P, t->node, tab_sizenode(t), Node);
      t->node = oldnode;
      t->lsizenode = oldlsize;
      t->lastfree = oldlastfree;
      t->asize = oldasize;        /* the array itself is untouched */
      lu_throw(L, jb.status);
    }
  }
  t->array = na;
  t->asize = newasize;
  t->alimit = newasize;
  if (newasize > oldasize) setnils(t->array + oldasize, newasize - oldasize);
  t->node = newnode; t->lsizenode = newlsize; t->lastfree = newlastfree;
  /* re-insert the old hash part */
  reinsert(L, t, oldnode, oldhsize);
  if (!olddummy) freenodes(P, oldnode, oldhsize);
}

void tab_resizearray(Proc *P, Table *t, uint32_t asize) {
  uint32_t nsize = tab_isdummy(t) ? 0 : tab_sizenode(t);
  tab_resize(P, t, asize, nsize);
}

static void rehash(lu_State *L, Table *t, const Value *ek) {
  unsigned nums[MAXABITS + 1];
  unsigned asize, na, totaluse;
  for (int i = 0; i <= MAXABITS; i++) nums[i] = 0;
  na = numusearray(t, nums);
  totaluse = na;
  /* count keys in the hash part */
  if (!tab_isdummy(t)) {
    uint32_t size = tab_sizenode(t);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = gnode(t, i);
      if (!val_isnil(node_val(n))) {
        if (n->ktt == T_INT) na += countint(n->k.i, nums);
        totaluse++;
      }
    }
  }
  if (ek->tt == T_INT) na += countint(val_int(ek), nums);
  totaluse++;
  asize = computesizes(nums, &na);
  tab_resize(L->P, t, asize, totaluse - na);
}

/* -------------------------------------------------------------------- set */

void tab_set(lu_State *L, Table *t, const Value *key, const Value *val) {
  const Value *slot = tab_get(t, key);
  if (slot == VAL_ABSENT) {
    if (val_isnil(val)) {
      /* assigning nil to a missing key: still validate the key */
      if (key->tt == T_NIL) lu_runerror(L, "table index is nil");
      if (key->tt == T_FLT && isnan(val_flt(key))) lu_runerror(L, "table index is NaN");
      return;
    }
    slot = tab_newkey(L, t, key);
  } else if (val_isnil(slot)) {
    tab_invalidatetm(t);
  }
  val_copy((Value *)slot, val);
}

void tab_setint(lu_State *L, Table *t, lu_Int key, const Value *val) {
  const Value *slot = tab_getint(t, key);
  if (slot == VAL_ABSENT) {
    if (val_isnil(val)) return;
    Value k; val_setint(&k, key);
    slot = tab_newkey(L, t, &k);
  }
  val_copy((Value *)slot, val);
}

void tab_setstr(lu_State *L, Table *t, String *key, const Value *val) {
  const Value *slot = tab_getstr(t, key);
  if (slot == VAL_ABSENT) {
    if (val_isnil(val)) return;
    Value k; val_setstr(&k, key);
    slot = tab_newkey(L, t, &k);
  } else if (val_isnil(slot)) {
    tab_invalidatetm(t);
  }
  val_copy((Value *)slot, val);
}

/* ----------------------------------------------------------------- length */

static lu_Unsigned hash_search(Table *t, lu_Unsigned j) {
  lu_Unsigned i;
  if (j == 0) j++;
  do {
    i = j;
    if (j <= (lu_Unsigned)LU_MAXINT / 2) j *= 2;
    else {
      j = LU_MAXINT;
      if (val_isnil(tab_getint(t, (lu_Int)j))) break;
      return j;
    }
  } while (!val_isnil(tab_getint(t, (lu_Int)j)));
  while (j - i > 1u) {
    lu_Unsigned m = (i + j) / 2;
    if (val_isnil(tab_getint(t, (lu_Int)m))) j = m;
    else i = m;
  }
  return i;
}

/* A border of array[i..j) (1-based keys i+1..j), given that key i is
 * present (or i == 0) and key j is absent. */
static uint32_t binsearch(const Value *array, uint32_t i, uint32_t j) {
  while (j - i > 1u) {
    uint32_t m = (i + j) / 2;
    if (val_isnil(&array[m - 1])) j = m;
    else i = m;
  }
  return i;
}

#define ispow2(x)   (((x) & ((x) - 1)) == 0)

/* '#': lua5.4's border search, step for step, so that tables with holes
 * have the same length as there (see alimit in table.h). */
lu_Unsigned tab_len(Table *t) {
  uint32_t asize = t->asize;
  uint32_t limit = t->alimit;
  if (limit > 0 && val_isnil(&t->array[limit - 1])) {
    /* there is a border before the limit */
    if (limit >= 2 && !val_isnil(&t->array[limit - 2])) {
      if (ispow2(asize) && !ispow2(limit - 1)) t->alimit = limit - 1;
      return limit - 1;
    }
    uint32_t border = binsearch(t->array, 0, limit);
    if (ispow2(asize) && border > asize / 2) t->alimit = border;
    return border;
  }
  if (limit != asize) {
    /* the limit is present and the array goes on after it */
    if (val_isnil(&t->array[limit])) return limit;
    limit = asize;
    if (val_isnil(&t->array[limit - 1])) {
      uint32_t border = binsearch(t->array, t->alimit, limit);
      t->alimit = border;
      return border;
    }
    t->alimit = limit;
  }
  if (tab_isdummy(t) || val_isnil(tab_getint(t, (lu_Int)limit + 1))) return limit;
  return hash_search(t, limit);
}

/* ------------------------------------------------------------------- next */

static uint32_t findindex(lu_State *L, Table *t, const Value *key) {
  if (val_isnil(key)) return 0;
  if (val_isint(key) && (lu_Unsigned)val_int(key) - 1u < t->asize)
    return (uint32_t)val_int(key);
  int tt = key->tt;
  Val k = key->v;
  if (tt == T_FLT || tt == T_BIGINT) {
    lu_Int i;
    if (tt == T_FLT ? flt_toint(k.n, &i) : big_fitsint(val_bigint(key), &i)) {
      if ((lu_Unsigned)i - 1u < t->asize) return (uint32_t)i;
      k.i = i; tt = T_INT;
    }
  }
  if (!tab_isdummy(t)) {
    Node *n = mainposition(t, tt, &k);
    for (;;) {
      if (keyequal(n, tt, &k) ||
          (n->ktt == T_DEADKEY && tt >= T_FIRSTGC && n->k.p == k.p))
        return (uint32_t)(n - t->node) + 1 + t->asize;
      if (n->next == 0) break;
      n += n->next;
    }
  }
  lu_runerror(L, "invalid key to 'next'");
}

int tab_next(lu_State *L, Table *t, Value *key) {
  if (lu_unlikely(tab_islazy(t))) lazy_full(L, t);
  uint32_t i = findindex(L, t, key);
  for (; i < t->asize; i++) {
    if (!val_isnil(&t->array[i])) {
      val_setint(key, (lu_Int)i + 1);
      val_copy(key + 1, &t->array[i]);
      return 1;
    }
  }
  if (!tab_isdummy(t)) {
    uint32_t size = tab_sizenode(t);
    for (i -= t->asize; i < size; i++) {
      Node *n = gnode(t, i);
      if (!val_isnil(node_val(n))) {
        key->v = n->k;
        key->tt = n->ktt;
        val_copy(key + 1, node_val(n));
        return 1;
      }
    }
  }
  return 0;
}
