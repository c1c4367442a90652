/*
 * tm.h — metamethods ("tag methods").
 *
 * The first events have an absence cache in Table.flags: a set bit means
 * "this metatable has no such field", so the common case (no metamethod)
 * costs one bit test.  The bits are cleared whenever a key is added to the
 * table (tab_newkey).
 */
#ifndef LU_TM_H
#define LU_TM_H

typedef enum {
  TM_INDEX, TM_NEWINDEX, TM_GC, TM_MODE, TM_LEN, TM_EQ, TM_CALL, TM_CLOSE, /* cached */
  TM_ADD, TM_SUB, TM_MUL, TM_MOD, TM_POW, TM_DIV, TM_IDIV,
  TM_BAND, TM_BOR, TM_BXOR, TM_SHL, TM_SHR,
  TM_UNM, TM_BNOT, TM_LT, TM_LE, TM_CONCAT,
  TM_TOSTRING, TM_NAME, TM_METATABLE, TM_PAIRS,
  TM_N
} TMS;

#define TM_NCACHED 8

#include "lurel.h"
struct Table; struct Proc; struct Value;
/* metamethod of event e in metatable mt (NULL when absent); uses the cache */
const struct Value *tm_get(struct Proc *P, struct Table *mt, TMS e);
/* metamethod of event e for value o (NULL when absent) */
const struct Value *tm_getbyobj(struct Proc *P, const struct Value *o, TMS e);
struct Table *tm_metatable(struct Proc *P, const struct Value *o);
/* names of the events without the "__" ("index", "add", ...) */
extern const char *const tm_names[TM_N];
/* __name of the metatable of o if it is a string, else the type name */
const char *tm_objtypename(struct Proc *P, const struct Value *o);

#endif
