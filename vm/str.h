/*
 * str.h — strings: creation, interning, hashing, equality.
 *
 * Short strings are interned per process (P->strt) after a look in the
 * VM's atom table; the atom table holds the constants of compiled code
 * (shared, immortal).  Long strings are a small per-process header over a
 * refcounted immutable Blob.
 */
#ifndef LU_STR_H
#define LU_STR_H

#include "state.h"

uint32_t str_hashbytes(const char *s, size_t len, uint32_t seed);
String *str_new(Proc *P, const char *s, size_t len);
String *str_newz(Proc *P, const char *s);
/* A long string of 'len' bytes whose contents the caller fills before use. */
String *str_newlong(Proc *P, size_t len);
/* A new process header over an existing blob (refcount taken). */
String *str_fromblob(Proc *P, Blob *b);
void str_free(Proc *P, String *s);
uint32_t str_hash(String *s);           /* computes long-string hashes lazily */
bool str_eqlong(const String *a, const String *b);
LU_INLINE bool str_eq(const String *a, const String *b) {
  if (a == b) return true;
  if (a->len != b->len) return false;
  /* equal lengths: both short or both long */
  if (!a->islong) return a->hash == b->hash && memcmp(a->data, b->data, a->len) == 0;
  return str_eqlong(a, b);
}
int str_cmp(const String *a, const String *b);   /* strcoll-free, like lua5.4 with "C" locale */
void str_resize(Proc *P, size_t newsize);
void str_sweep(Proc *P);                  /* drop dead entries of the intern table */

/* atoms (shared, immortal): only while compiling or at VM start-up */
String *atom_new(VM *vm, const char *s, size_t len);
String *atom_newz(VM *vm, const char *s);
void atom_freeall(VM *vm);

#endif
