/* tm.c — metamethod lookup. */
#include "tm.h"
#include "state.h"
#include "table.h"
#include "str.h"
#include "lazy.h"

const char *const tm_names[TM_N] = {
  "__index", "__newindex", "__gc", "__mode", "__len", "__eq", "__call", "__close",
  "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr",
  "__unm", "__bnot", "__lt", "__le", "__concat",
  "__tostring", "__name", "__metatable", "__pairs"
};

const Value *tm_get(Proc *P, Table *mt, TMS e) {
  if (e < TM_NCACHED && (mt->flags & (1u << e))) return NULL;
  const Value *v = tab_getshortstr_i(mt, P->vm->tmname[e]);
  if (val_isnil(v)) {
    if (e < TM_NCACHED) mt->flags |= (uint8_t)(1u << e);
    return NULL;
  }
  return v;
}

Table *tm_metatable(Proc *P, const Value *o) {
  switch (o->tt) {
    case T_TABLE: return val_table(o)->metatable;
    case T_UDATA: return val_udata(o)->metatable;
    case T_STR: return P->strmt ? P->strmt : lazy_stringmt(P);
    default: return P->ex && P->ex->mt ? P->ex->mt[val_luatype(o)] : NULL;
  }
}

const Value *tm_getbyobj(Proc *P, const Value *o, TMS e) {
  Table *mt = tm_metatable(P, o);
  return mt ? tm_get(P, mt, e) : NULL;
}

const char *tm_objtypename(Proc *P, const Value *o) {
  Table *mt;
  if ((o->tt == T_TABLE && (mt = val_table(o)->metatable) != NULL) ||
      (o->tt == T_UDATA && (mt = val_udata(o)->metatable) != NULL)) {
    const Value *name = tab_getshortstr(mt, P->vm->tmname[TM_NAME]);
    if (val_isstr(name)) return str_data(val_str(name));
  }
  if (o->tt == T_BIGINT) return "bigint";
  return val_typename(val_luatype(o));
}
