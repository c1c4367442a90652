/*
 * func.h — prototypes (shared code), closures and upvalues.
 *
 * A Proto is immutable once loaded and shared by all processes; its
 * refcount counts the closures (in any process) and parent prototypes that
 * hold it, plus any loader keeping it.  It is freed when the count drops
 * to zero.  Closures and upvalues are per-process heap objects.
 */
#ifndef LU_FUNC_H
#define LU_FUNC_H

#include "state.h"

Proto *proto_new(void);
void proto_incref(Proto *p);
void proto_decref(Proto *p);
size_t proto_memsize(const Proto *p);

LClosure *lcl_new(Proc *P, int nupvals);
CClosure *ccl_new(Proc *P, int nupvals);
void lcl_initupvals(Proc *P, LClosure *cl);    /* fresh closed nil upvalues (main chunks) */
UpVal *upval_find(lu_State *L, Value *level);
void upval_close(lu_State *L, Value *level);
void upval_unlink(UpVal *uv);

/* to-be-closed variables: record a slot (its value has a __close) */
void tbc_push(lu_State *L, Value *slot);
/* is the last tbc variable at or above level? */
#define tbc_pending(L, level) ((L)->ntbc > 0 && (L)->tbc[(L)->ntbc - 1] >= savestack(L, level))
/* pop the last tbc variable and push the call __close(v, err) at L->top */
void tbc_prepclose(lu_State *L, const Value *err);

const char *proto_localname(const Proto *p, int local_number, int pc);

#endif
