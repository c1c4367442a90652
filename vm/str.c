/* str.c — strings: hashing, interning (atoms and per-process), long strings. */
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "gc.h"

static inline uint64_t rd64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t rd32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }

uint32_t str_hashbytes(const char *s, size_t len, uint32_t seed) {
  /* Eight bytes per step (a multiply and a shift each), the last 1-7
   * bytes as one word, then a final mix: short strings are interned on
   * every creation, so this is on the path of every concatenation. */
  const unsigned char *p = (const unsigned char *)s;
  uint64_t h = (uint64_t)seed ^ ((uint64_t)len * 0x9e3779b97f4a7c15u);
  size_t n = len;
  while (n >= 8) {
    h = (h ^ rd64(p)) * 0xbf58476d1ce4e5b9u;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t t;
  if (n >= 4) t = ((uint64_t)rd32(p) << 32) | rd32(p + n - 4);
  else if (n > 0) t = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
  else t = 0;
  h = (h ^ t ^ n) * 0x94d049bb133111ebu;
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9u;
  h ^= h >> 32;
  return (uint32_t)h;
}

uint32_t str_hash(String *s) {
  if (s->islong && !s->hashed) {
    s->hash = str_hashbytes(s->u.blob->data, s->len, 0x5bd1e995u);
    s->hashed = 1;
  }
  return s->hash;
}

bool str_eqlong(const String *a, const String *b) {
  if (a->len != b->len) return false;
  if (a->islong && b->islong && a->u.blob == b->u.blob) return true;
  return memcmp(str_data(a), str_data(b), a->len) == 0;
}

int str_cmp(const String *a, const String *b) {
  size_t la = a->len, lb = b->len;
  int r = memcmp(str_data(a), str_data(b), la < lb ? la : lb);
  if (r != 0) return r;
  return la < lb ? -1 : (la > lb ? 1 : 0);
}

/* ------------------------------------------------------------------ atoms */

static void atom_grow(AtomTable *t) {
  size_t nsize = t->size ? t->size * 2 : 256;
  String **nh = calloc(nsize, sizeof(String *));
  if (!nh) abort();
  for (size_t i = 0; i < t->size; i++) {
    String *s = t->hash[i];
    while (s) {
      String *nx = s->u.hnext;
      size_t j = s->hash & (nsize - 1);
      s->u.hnext = nh[j];
      nh[j] = s;
      s = nx;
    }
  }
  free(t->hash);
  t->hash = nh;
  t->size = nsize;
}

static String *atom_lookup(const AtomTable *t, const char *s, size_t len, uint32_t h) {
  if (t->size == 0) return NULL;
  for (String *a = t->hash[h & (t->size - 1)]; a; a = a->u.hnext)
    if (a->hash == h && a->len == len && memcmp(a->data, s, len) == 0) return a;
  return NULL;
}

/* Atoms never die.  Short ones are interned; long ones (long literals)
 * get their own blob, like any long string, so hashing and equality treat
 * them exactly as process strings. */
String *atom_new(VM *vm, const char *s, size_t len) {
  AtomTable *t = &vm->atoms;
  if (len <= LU_MAXSHORTLEN) {
    uint32_t h = str_hashbytes(s, len, vm->seed);
    String *a = atom_lookup(t, s, len, h);
    if (a) return a;
    a = malloc(sizeof(String) + len + 1);
    if (!a) abort();
    a->next = NULL;
    a->tt = T_STR;
    a->marked = GC_SHARED;
    a->islong = 0;
    a->hashed = 1;
    a->hash = h;
    a->len = len;
    memcpy(a->data, s, len);
    a->data[len] = '\0';
    if (t->nuse >= t->size) atom_grow(t);
    size_t j = h & (t->size - 1);
    a->u.hnext = t->hash[j];
    t->hash[j] = a;
    t->nuse++;
    return a;
  }
  String *a = malloc(sizeof(String));
  Blob *b = malloc(sizeof(Blob) + len + 1);
  if (!a || !b) abort();
  b->refcount = 1;
  b->len = len;
  memcpy(b->data, s, len);
  b->data[len] = '\0';
  a->tt = T_STR;
  a->marked = GC_SHARED;
  a->islong = 1;
  a->hashed = 0;
  a->len = len;
  a->u.blob = b;
  str_hash(a);        /* computed now: shared objects are not written later */
  a->next = (GCObj *)vm->longatoms;
  vm->longatoms = a;
  return a;
}

String *atom_newz(VM *vm, const char *s) { return atom_new(vm, s, strlen(s)); }

void atom_freeall(VM *vm) {
  AtomTable *t = &vm->atoms;
  for (size_t i = 0; i < t->size; i++) {
    String *s = t->hash[i];
    while (s) { String *nx = s->u.hnext; free(s); s = nx; }
  }
  free(t->hash);
  t->hash = NULL; t->size = t->nuse = 0;
  String *l = vm->longatoms;
  while (l) { String *nx = (String *)l->next; free(l->u.blob); free(l); l = nx; }
  vm->longatoms = NULL;
}

/* ------------------------------------------------- per-process interning */

void str_resize(Proc *P, size_t nsize) {
  String **nh = mem_newvec(P, nsize, String *);
  memset(nh, 0, nsize * sizeof(String *));
  for (size_t i = 0; i < P->strt_size; i++) {
    String *s = P->strt[i];
    while (s) {
      String *nx = s->u.hnext;
      size_t j = s->hash & (nsize - 1);
      s->u.hnext = nh[j];
      nh[j] = s;
      s = nx;
    }
  }
  if (P->strt) mem_freevec(P, P->strt, P->strt_size, String *);
  P->strt = nh;
  P->strt_size = nsize;
}

static String *newshort(Proc *P, const char *s, size_t len, uint32_t h) {
  String **list;
  if (P->strt_nuse >= P->strt_size) str_resize(P, P->strt_size ? P->strt_size * 2 : 16);
  list = &P->strt[h & (P->strt_size - 1)];
  String *ts = (String *)gc_newobj(P, T_STR, sizeof(String) + len + 1);
  ts->islong = 0;
  ts->hashed = 1;
  ts->hash = h;
  ts->len = len;
  memcpy(ts->data, s, len);
  ts->data[len] = '\0';
  ts->u.hnext = *list;
  *list = ts;
  P->strt_nuse++;
  return ts;
}

String *str_new(Proc *P, const char *s, size_t len) {
  if (len <= LU_MAXSHORTLEN) {
    uint32_t h = str_hashbytes(s, len, P->vm->seed);
    String *a = atom_lookup(&P->vm->atoms, s, len, h);
    if (a) return a;
    if (P->strt_size)
    for (String *ts = P->strt[h & (P->strt_size - 1)]; ts; ts = ts->u.hnext) {
      if (ts->hash == h && ts->len == len && memcmp(ts->data, s, len) == 0)
        return ts;
    }
    return newshort(P, s, len, h);
  }
  String *ts = str_newlong(P, len);
  memcpy(ts->u.blob->data, s, len);
  return ts;
}

String *str_newz(Proc *P, const char *s) { return str_new(P, s, strlen(s)); }

String *str_newlong(Proc *P, size_t len) {
  /* the header first: if the blob's allocation raises, what is left is an
   * empty header (no blob) that the collector frees like any string */
  String *ts = (String *)gc_newobj(P, T_STR, sizeof(String));
  ts->islong = 1;
  ts->hashed = 0;
  ts->hash = 0;
  ts->len = 0;
  ts->u.blob = NULL;
  Blob *b = mem_alloc(P, sizeof(Blob) + len + 1);
  b->refcount = 1;
  b->len = len;
  b->data[len] = '\0';
  ts->len = len;
  ts->u.blob = b;
  return ts;
}

String *str_fromblob(Proc *P, Blob *b) {
  String *ts = (String *)gc_newobj(P, T_STR, sizeof(String));
  ts->islong = 1;
  ts->hashed = 0;
  ts->hash = 0;
  ts->len = b->len;
  ts->u.blob = b;
  b->refcount++;
  P->totalbytes += sizeof(Blob) + b->len + 1;
  return ts;
}

void str_free(Proc *P, String *s) {
  if (s->islong) {
    Blob *b = s->u.blob;
    if (b != NULL) {        /* NULL: str_newlong failed to allocate it */
      size_t bsz = sizeof(Blob) + b->len + 1;
      if (--b->refcount == 0) mem_free(P, b, bsz);
      else P->totalbytes -= bsz;
    }
    mem_free(P, s, sizeof(String));
  } else {
    mem_free(P, s, sizeof(String) + s->len + 1);
  }
}

/* Remove unmarked short strings from the intern table (before sweeping). */
void str_sweep(Proc *P) {
  for (size_t i = 0; i < P->strt_size; i++) {
    String **p = &P->strt[i];
    while (*p) {
      String *s = *p;
      if (!(s->marked & (GC_BLACK | GC_FIXED))) { *p = s->u.hnext; P->strt_nuse--; }
      else p = &s->u.hnext;
    }
  }
}
