/*
 * table.h — Lua tables: an array part for keys 1..asize and a hash part
 * (chained scatter table with Brent's variation), Lua's border rule for '#'.
 *
 * Reads return a pointer to the value slot (VAL_ABSENT when missing), which
 * stays valid until the next insertion of a new key.  Writes go through
 * val_copy() into a slot or through tab_set*().  Keys are normalised: a
 * float with an integral value is stored as an integer.
 */
#ifndef LU_TABLE_H
#define LU_TABLE_H

#include <string.h>
#include "state.h"

#define tab_sizenode(t)   (1u << (t)->lsizenode)
#define tab_isdummy(t)    ((t)->lastfree == NULL)
#define tab_invalidatetm(t) ((t)->flags = 0)

Table *tab_new(Proc *P);
/* A table with an array part of n nils (n > 0) and no hash part, allocated
 * in one block with the table (GC_INLARR): one allocation instead of two.
 * If the array part is resized later it moves to a block of its own; the
 * table's block stays as it was (tab_free knows it by the flag). */
#define TAB_INLMAX 4              /* table constructors: up to 4 values */
Table *tab_newarray(Proc *P, uint32_t n);
#define tab_inlarray(t)   ((t)->array == (Value *)((Table *)(t) + 1))
void tab_free(Proc *P, Table *t);
void tab_resize(Proc *P, Table *t, uint32_t asize, uint32_t hsize);
void tab_resizearray(Proc *P, Table *t, uint32_t asize);

const Value *tab_get(Table *t, const Value *key);
const Value *tab_getint(Table *t, lu_Int key);
const Value *tab_getstr(Table *t, String *key);
const Value *tab_getshortstr(Table *t, String *key);   /* key must be short */
const Value *tab_getlongstr(Table *t, String *key);

/* Inline, for the interpreter's field accesses.  Short strings are
 * interned, but a message adopted from another process may bring a second
 * copy of one, hence the comparison of contents when the pointers differ. */
static inline const Value *tab_getshortstr_i(Table *t, String *key) {
  Node *n = &t->node[key->hash & (tab_sizenode(t) - 1)];
  for (;;) {
    if (n->ktt == T_STR) {
      String *k = (String *)n->k.gc;
      if (k == key || (k->hash == key->hash && k->len == key->len &&
                       memcmp(k->data, key->data, key->len) == 0))
        return node_val(n);
    }
    if (n->next == 0) return VAL_ABSENT;
    n += n->next;
  }
}

static inline const Value *tab_getstr_i(Table *t, String *key) {
  return key->islong ? tab_getlongstr(t, key) : tab_getshortstr_i(t, key);
}

/* Raw set; raises an error for nil and NaN keys. */
void tab_set(lu_State *L, Table *t, const Value *key, const Value *val);
void tab_setint(lu_State *L, Table *t, lu_Int key, const Value *val);
void tab_setstr(lu_State *L, Table *t, String *key, const Value *val);
/* Slot for a key known to be absent (the caller then writes the value). */
Value *tab_newkey(lu_State *L, Table *t, const Value *key);

/* Insert a key known to be absent into a table built outside any heap
 * (message fragments) whose hash part has a free node for it: no rehash,
 * no allocation.  Returns the value slot. */
Value *tab_fraginsert(Table *t, const Value *key);
#define tab_dummynode() tab_dummy_node_
extern const Node tab_dummy_node_;

lu_Unsigned tab_len(Table *t);
/* next: key at key[0] (nil to start); on success writes next key and value
 * into key[0], key[1] and returns 1; returns 0 at the end. */
int tab_next(lu_State *L, Table *t, Value *key);
size_t tab_memsize(const Table *t);
void tab_initinblock(Proc *P, Table *t, Node *n);

/* t->alimit is lua5.4's 'alimit': the array size, or less after '#'
 * found a border below it (tab_len); an integer key above it but inside
 * the array, read or written, moves it up to that key (tab_getint,
 * tab_touch).  Only '#' depends on it, so that tables with holes have the
 * length lua5.4 gives them, and appending with t[#t + 1] stays O(1). */
LU_INLINE void tab_touch(Table *t, lu_Int k) {
  if ((lu_Unsigned)k - 1u < t->asize && (lu_Unsigned)k > t->alimit) t->alimit = (uint32_t)k;
}

/* Fast paths used by the interpreter. */
LU_INLINE const Value *tab_getint_fast(Table *t, lu_Int k) {
  if ((lu_Unsigned)k - 1u < t->alimit) return &t->array[k - 1];
  return tab_getint(t, k);
}

#endif
