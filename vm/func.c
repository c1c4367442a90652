/* func.c — prototypes, closures, upvalues. */
#include <stdlib.h>
#include <string.h>
#include "func.h"
#include "gc.h"
#include "tm.h"

Proto *proto_new(void) {
  Proto *p = calloc(1, sizeof(Proto));
  if (!p) abort();
  p->refcount = 1;
  return p;
}

void proto_incref(Proto *p) { p->refcount++; }

size_t proto_memsize(const Proto *p) {
  return sizeof(Proto) + (size_t)p->sizecode * (sizeof(Instr) + sizeof(int32_t)) +
         (size_t)p->sizek * sizeof(Value) + (size_t)p->sizep * sizeof(Proto *) +
         (size_t)p->sizeupvalues * sizeof(UpvalDesc) + (size_t)p->sizelocvars * sizeof(LocVar);
}

void proto_decref(Proto *p) {
  if (--p->refcount > 0) return;
  for (int i = 0; i < p->sizep; i++) if (p->p[i]) proto_decref(p->p[i]);
  free(p->code);
  free(p->k);
  free(p->p);
  free(p->upvalues);
  free(p->lineinfo);
  free(p->locvars);
  free(p);
}

LClosure *lcl_new(Proc *P, int n) {
  LClosure *c = (LClosure *)gc_newobj(P, T_LCL, sizeof(LClosure) + (size_t)n * sizeof(UpVal *));
  c->nupvalues = (uint8_t)n;
  c->p = NULL;
  c->gclist = NULL;
  for (int i = 0; i < n; i++) c->upvals[i] = NULL;
  return c;
}

CClosure *ccl_new(Proc *P, int n) {
  CClosure *c = (CClosure *)gc_newobj(P, T_CCL, sizeof(CClosure) + (size_t)n * sizeof(Value));
  c->nupvalues = (uint8_t)n;
  c->gclist = NULL;
  c->f = NULL;
  for (int i = 0; i < n; i++) val_setnil(&c->upvalue[i]);
  return c;
}

static UpVal *newclosedupval(Proc *P) {
  UpVal *uv = (UpVal *)gc_newobj(P, T_UPVAL, sizeof(UpVal));
  uv->tbc = 0;
  uv->v = &uv->u.value;
  val_setnil(uv->v);
  return uv;
}

void lcl_initupvals(Proc *P, LClosure *cl) {
  for (int i = 0; i < cl->nupvalues; i++) cl->upvals[i] = newclosedupval(P);
}

UpVal *upval_find(lu_State *L, Value *level) {
  UpVal **pp = &L->openupval;
  UpVal *p;
  while ((p = *pp) != NULL && p->v >= level) {
    if (p->v == level) return p;
    pp = &p->u.open.next;
  }
  UpVal *uv = (UpVal *)gc_newobj(L->P, T_UPVAL, sizeof(UpVal));
  uv->tbc = 0;
  uv->v = level;
  uv->u.open.next = *pp;
  uv->u.open.prev = pp;
  if (*pp) (*pp)->u.open.prev = &uv->u.open.next;
  *pp = uv;
  return uv;
}

void upval_unlink(UpVal *uv) {
  *uv->u.open.prev = uv->u.open.next;
  if (uv->u.open.next) uv->u.open.next->u.open.prev = uv->u.open.prev;
}

void upval_close(lu_State *L, Value *level) {
  UpVal *uv;
  while ((uv = L->openupval) != NULL && uv->v >= level) {
    Value *slot = &uv->u.value;
    upval_unlink(uv);
    val_copy(slot, uv->v);
    uv->v = slot;
  }
}

void tbc_push(lu_State *L, Value *slot) {
  if (L->ntbc >= L->tbccap) {
    int nc = L->tbccap ? L->tbccap * 2 : 4;
    ptrdiff_t off = savestack(L, slot);
    L->tbc = mem_realloc(L->P, L->tbc, (size_t)L->tbccap * sizeof(ptrdiff_t), (size_t)nc * sizeof(ptrdiff_t));
    L->tbccap = nc;
    slot = restorestack(L, off);
  }
  L->tbc[L->ntbc++] = savestack(L, slot);
}

void tbc_prepclose(lu_State *L, const Value *err) {
  Value *v = restorestack(L, L->tbc[--L->ntbc]);
  const Value *tm = tm_getbyobj(L->P, v, TM_CLOSE);
  Value *top = L->top;
  if (tm) val_copy(top, tm); else val_setnil(top);
  val_copy(top + 1, v);
  val_copy(top + 2, err);
  L->top = top + 3;
}

const char *proto_localname(const Proto *p, int local_number, int pc) {
  for (int i = 0; i < p->sizelocvars && p->locvars[i].startpc <= pc; i++) {
    if (pc < p->locvars[i].endpc) {
      local_number--;
      if (local_number == 0) return p->locvars[i].name ? str_data(p->locvars[i].name) : NULL;
    }
  }
  return NULL;
}
