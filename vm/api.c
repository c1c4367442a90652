/* api.c — the C interface for library functions (see api.h). */
#include <stdio.h>
#include <string.h>
#include "api.h"
#include "debug.h"
#include "do.h"
#include "func.h"
#include "gc.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "vm.h"
#include "lazy.h"
#include "bigint.h"

/* ------------------------------------------------------------------ stack */

static Value *index2value(lu_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    Value *o = ci->func + idx;
    if (o >= L->top) return (Value *)VAL_ABSENT;
    return o;
  }
  if (idx > LU_REGISTRYINDEX) return L->top + idx;
  if (idx == LU_REGISTRYINDEX) return proc_registry(L->P);
  idx = LU_REGISTRYINDEX - idx;      /* upvalue index */
  if (ci->func->tt == T_CCL) {
    CClosure *f = val_ccl(ci->func);
    if (idx <= f->nupvalues) return &f->upvalue[idx - 1];
  }
  return (Value *)VAL_ABSENT;
}

Value *lu_index2value(lu_State *L, int idx) { return index2value(L, idx); }

static inline bool isvalid(const Value *o) { return o != VAL_ABSENT; }

int lu_absindex(lu_State *L, int idx) {
  return (idx > 0 || idx <= LU_REGISTRYINDEX) ? idx : (int)(L->top - L->ci->func) + idx;
}

int lu_gettop(lu_State *L) { return (int)(L->top - (L->ci->func + 1)); }

void lu_settop(lu_State *L, int idx) {
  Value *func = L->ci->func;
  if (idx >= 0) {
    Value *nt = func + 1 + idx;
    while (L->top < nt) val_setnil(L->top++);
    L->top = nt;
  } else {
    L->top += idx + 1;
  }
}

void lu_pushv(lu_State *L, const Value *v) {
  val_copy(L->top, v);
  L->top++;
}

void lu_pushvalue(lu_State *L, int idx) { lu_pushv(L, index2value(L, idx)); }

static void reverse(Value *from, Value *to) {
  for (; from < to; from++, to--) {
    Value t;
    val_copy(&t, from);
    val_copy(from, to);
    val_copy(to, &t);
  }
}

void lu_rotate(lu_State *L, int idx, int n) {
  Value *t = L->top - 1;
  Value *p = index2value(L, idx);
  Value *m = (n >= 0 ? t - n : p - n - 1);
  reverse(p, m);
  reverse(m + 1, t);
  reverse(p, t);
}

void lu_copy(lu_State *L, int fromidx, int toidx) {
  val_copy(index2value(L, toidx), index2value(L, fromidx));
}

void lu_checkstack(lu_State *L, int n, const char *msg) {
  if (L->stack_last - L->top > n) {
    if (L->ci->top < L->top + n) L->ci->top = L->top + n;
    return;
  }
  if ((int)(L->top - L->stack) + n > LU_MAXSTACK) {
    if (msg) lu_errorf(L, "stack overflow (%s)", msg);
    lu_errorf(L, "stack overflow");
  }
  stack_grow(L, n);
  if (L->ci->top < L->top + n) L->ci->top = L->top + n;
}

/* ----------------------------------------------------------------- access */

int lu_type(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return isvalid(o) ? val_luatype(o) : LU_TNONE;
}

const char *lu_typename(lu_State *L, int t) { (void)L; return val_typename(t); }

int lu_isnumber(lu_State *L, int idx) {
  lu_Num n;
  return vm_tonumber(index2value(L, idx), &n);
}

int lu_isstring(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return val_isstr(o) || val_isnum(o);
}

int lu_isinteger(lu_State *L, int idx) { return val_isint(index2value(L, idx)); }

int lu_iscfunction(lu_State *L, int idx) { return val_iscfunc(index2value(L, idx)); }

lu_Num lu_tonumberx(lu_State *L, int idx, int *isnum) {
  lu_Num n = 0;
  int ok = vm_tonumber(index2value(L, idx), &n);
  if (isnum) *isnum = ok;
  return ok ? n : 0;
}

lu_Int lu_tointegerx(lu_State *L, int idx, int *isnum) {
  lu_Int i = 0;
  int ok = vm_tointeger(index2value(L, idx), &i, F2Ieq);
  if (isnum) *isnum = ok;
  return ok ? i : 0;
}

int lu_toboolean(lu_State *L, int idx) { return !val_isfalsy(index2value(L, idx)); }

const char *lu_tolstring(lu_State *L, int idx, size_t *len) {
  Value *o = index2value(L, idx);
  if (!val_isstr(o)) {
    if (!val_isnum(o)) {
      if (len) *len = 0;
      return NULL;
    }
    String *s = vm_tostring(L, o);
    val_setstr(o, s);       /* converts in place, like lua_tolstring */
  }
  if (len) *len = str_len(val_str(o));
  return str_data(val_str(o));
}

size_t lu_rawlen(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  switch (o->tt) {
    case T_STR: return str_len(val_str(o));
    case T_UDATA: return val_udata(o)->len;
    case T_TABLE: return (size_t)tab_len(val_table(o));
    default: return 0;
  }
}

lu_CFunction lu_tocfunction(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  if (val_islcf(o)) return val_lcf(o);
  if (val_isccl(o)) return val_ccl(o)->f;
  return NULL;
}

void *lu_touserdata(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  if (val_isudata(o)) return udata_mem(val_udata(o));
  if (val_islud(o)) return val_lud(o);
  return NULL;
}

lu_State *lu_tothread(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return val_isthread(o) ? val_thread(o) : NULL;
}

const void *lu_topointer(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  switch (o->tt) {
    case T_LCF: return (const void *)(uintptr_t)val_lcf(o);
    case T_LUD: return val_lud(o);
    case T_UDATA: return udata_mem(val_udata(o));
    default: return val_iscollectable(o) ? (const void *)val_gc(o) : NULL;
  }
}

int lu_rawequal(lu_State *L, int i1, int i2) {
  const Value *a = index2value(L, i1), *b = index2value(L, i2);
  return isvalid(a) && isvalid(b) && val_rawequal(a, b);
}

/* ------------------------------------------------------------------- push */

void lu_pushnil(lu_State *L) { val_setnil(L->top); L->top++; }
void lu_pushnumber(lu_State *L, lu_Num n) { val_setflt(L->top, n); L->top++; }
void lu_pushinteger(lu_State *L, lu_Int n) { val_setint(L->top, n); L->top++; }
void lu_pushboolean(lu_State *L, int b) { val_setbool(L->top, b); L->top++; }
void lu_pushlightuserdata(lu_State *L, void *p) { val_setlud(L->top, p); L->top++; }
void lu_pushthread(lu_State *L) { val_setthread(L->top, L); L->top++; }
void lu_pushglobaltable(lu_State *L) { val_settable(L->top, proc_globals(L->P)); L->top++; }

const char *lu_pushlstring(lu_State *L, const char *s, size_t len) {
  String *ts = (len == 0) ? str_new(L->P, "", 0) : str_new(L->P, s, len);
  val_setstr(L->top, ts);
  L->top++;
  return str_data(ts);
}

const char *lu_pushstring(lu_State *L, const char *s) {
  if (s == NULL) { lu_pushnil(L); return NULL; }
  return lu_pushlstring(L, s, strlen(s));
}

/* %s %d %I (lu_Int) %f (lu_Num) %p %c %U (utf-8 of a long) %% */
const char *lu_pushvfstring(lu_State *L, const char *fmt, va_list argp) {
  lu_Buffer b;
  lu_buffinit(L, &b);
  const char *e;
  while ((e = strchr(fmt, '%')) != NULL) {
    lu_addlstring(&b, fmt, (size_t)(e - fmt));
    char buf[64];
    switch (e[1]) {
      case 's': { const char *s = va_arg(argp, char *); lu_addstring(&b, s ? s : "(null)"); break; }
      case 'c': { char c = (char)va_arg(argp, int); lu_addlstring(&b, &c, 1); break; }
      case 'd': { snprintf(buf, sizeof buf, "%d", va_arg(argp, int)); lu_addstring(&b, buf); break; }
      case 'I': { snprintf(buf, sizeof buf, "%lld", (long long)va_arg(argp, lu_Int)); lu_addstring(&b, buf); break; }
      case 'f': {
        Value v;
        val_setflt(&v, va_arg(argp, lu_Num));
        vm_num2str(&v, buf);
        lu_addstring(&b, buf);
        break;
      }
      case 'p': { snprintf(buf, sizeof buf, "%p", va_arg(argp, void *)); lu_addstring(&b, buf); break; }
      case 'U': {
        unsigned long x = (unsigned long)va_arg(argp, long);
        char u[8];
        int n = 0;
        if (x < 0x80) u[n++] = (char)x;
        else {
          char tmp[8];
          int m = 0;
          unsigned mfb = 0x3f;
          do { tmp[m++] = (char)(0x80 | (x & 0x3f)); x >>= 6; mfb >>= 1; } while (x > mfb);
          tmp[m++] = (char)((~mfb << 1) | x);
          while (m > 0) u[n++] = tmp[--m];
        }
        lu_addlstring(&b, u, (size_t)n);
        break;
      }
      case '%': lu_addchar(&b, '%'); break;
      default: lu_errorf(L, "invalid option '%%%c' to 'lua_pushfstring'", e[1]);
    }
    fmt = e + 2;
  }
  lu_addstring(&b, fmt);
  lu_pushresult(&b);
  return lu_tostring(L, -1);
}

const char *lu_pushfstring(lu_State *L, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *r = lu_pushvfstring(L, fmt, ap);
  va_end(ap);
  return r;
}

void lu_pushcclosure(lu_State *L, lu_CFunction fn, int n) {
  if (n == 0) {
    val_setlcf(L->top, fn);
    L->top++;
    return;
  }
  CClosure *cl = ccl_new(L->P, n);
  cl->f = fn;
  L->top -= n;
  for (int j = 0; j < n; j++) val_copy(&cl->upvalue[j], L->top + j);
  val_setccl(L->top, cl);
  L->top++;
}

/* ----------------------------------------------------------------- tables */

void lu_createtable(lu_State *L, int narr, int nrec) {
  if (nrec <= 0 && narr > 0 && narr <= TAB_INLMAX) {
    val_settable(L->top, tab_newarray(L->P, (uint32_t)narr));
    L->top++;
    return;
  }
  Table *t = tab_new(L->P);
  val_settable(L->top, t);
  L->top++;
  if (narr > 0 || nrec > 0) tab_resize(L->P, t, (uint32_t)(narr > 0 ? narr : 0), (uint32_t)(nrec > 0 ? nrec : 0));
}

static Table *gettable(lu_State *L, int idx) {
  Value *t = index2value(L, idx);
  lu_assert(val_istable(t));
  return val_table(t);
}

int lu_rawget(lu_State *L, int idx) {
  Table *t = gettable(L, idx);
  const Value *v = tab_getlazy(L, t, L->top - 1);
  val_copy(L->top - 1, v);
  return val_luatype(L->top - 1);
}

int lu_rawgeti(lu_State *L, int idx, lu_Int n) {
  Table *t = gettable(L, idx);
  if (tab_islazy(t)) lazy_full(L, t);
  lu_pushv(L, tab_getint(t, n));
  return val_luatype(L->top - 1);
}

int lu_rawgetfield(lu_State *L, int idx, const char *k) {
  Table *t = gettable(L, idx);
  Value kv;
  val_setstr(&kv, str_newz(L->P, k));
  lu_pushv(L, tab_getlazy(L, t, &kv));
  return val_luatype(L->top - 1);
}

void lu_rawset(lu_State *L, int idx) {
  Table *t = gettable(L, idx);
  if (tab_islazy(t) && val_isnil(L->top - 1)) lazy_full(L, t);
  tab_set(L, t, L->top - 2, L->top - 1);
  L->top -= 2;
}

void lu_rawseti(lu_State *L, int idx, lu_Int n) {
  Table *t = gettable(L, idx);
  if (tab_islazy(t) && val_isnil(L->top - 1)) lazy_full(L, t);
  tab_setint(L, t, n, L->top - 1);
  L->top--;
}

void lu_rawsetfield(lu_State *L, int idx, const char *k) {
  Table *t = gettable(L, idx);
  if (tab_islazy(t) && val_isnil(L->top - 1)) lazy_full(L, t);
  String *ks = str_newz(L->P, k);
  tab_setstr(L, t, ks, L->top - 1);
  L->top--;
}

int lu_next(lu_State *L, int idx) {
  Table *t = gettable(L, idx);
  int more = tab_next(L, t, L->top - 1);
  if (more) L->top++;
  else L->top--;
  return more;
}

int lu_getmetatable(lu_State *L, int idx) {
  Table *mt = tm_metatable(L->P, index2value(L, idx));
  if (mt == NULL) return 0;
  val_settable(L->top, mt);
  L->top++;
  return 1;
}

int lu_setmetatable(lu_State *L, int idx) {
  Value *o = index2value(L, idx);
  Table *mt = val_isnil(L->top - 1) ? NULL : val_table(L->top - 1);
  switch (o->tt) {
    case T_TABLE: val_table(o)->metatable = mt; gc_checkfinalizer(L->P, val_gc(o), mt); break;
    case T_UDATA: val_udata(o)->metatable = mt; gc_checkfinalizer(L->P, val_gc(o), mt); break;
    default: proc_settypemt(L->P, val_luatype(o), mt); break;
  }
  L->top--;
  return 1;
}

int lu_getmetafield(lu_State *L, int obj, const char *e) {
  Table *mt = tm_metatable(L->P, index2value(L, obj));
  if (mt == NULL) return LU_TNIL;
  const Value *v = tab_getstr(mt, str_newz(L->P, e));
  if (val_isnil(v)) return LU_TNIL;
  lu_pushv(L, v);
  return val_luatype(v);
}

void *lu_newuserdatauv(lu_State *L, size_t sz, int nuvalue) {
  Udata *u = (Udata *)gc_newobj(L->P, T_UDATA, sizeof(Udata) + (size_t)nuvalue * sizeof(Value) + sz);
  u->nuvalue = (uint8_t)nuvalue;
  u->len = sz;
  u->metatable = NULL;
  u->gclist = NULL;
  u->tag = NULL;
  u->release = NULL;
  for (int j = 0; j < nuvalue; j++) val_setnil(&udata_uv(u)[j]);
  val_setudata(L->top, u);
  L->top++;
  return udata_mem(u);
}

int lu_getiuservalue(lu_State *L, int idx, int n) {
  Value *o = index2value(L, idx);
  Udata *u = val_udata(o);
  if (n <= 0 || n > u->nuvalue) { lu_pushnil(L); return LU_TNONE; }
  lu_pushv(L, &udata_uv(u)[n - 1]);
  return val_luatype(L->top - 1);
}

int lu_setiuservalue(lu_State *L, int idx, int n) {
  Value *o = index2value(L, idx);
  Udata *u = val_udata(o);
  int ok = (n > 0 && n <= u->nuvalue);
  if (ok) val_copy(&udata_uv(u)[n - 1], L->top - 1);
  L->top--;
  return ok;
}

/* ------------------------------------------------------------------ calls */

int lu_callk(lu_State *L, int nargs, int nresults, intptr_t ctx, lu_KFunction k) {
  CallInfo *ci = L->ci;
  ci->u.c.k = k;
  ci->u.c.ctx = ctx;
  L->entry_func = savestack(L, L->top - (nargs + 1));
  L->entry_nres = (int16_t)nresults;
  return LU_SIG_CALL;
}

int lu_pcallk(lu_State *L, int nargs, int nresults, intptr_t ctx, lu_KFunction k) {
  CallInfo *ci = L->ci;
  ci->callstatus |= CIST_YPCALL;
  ci->oldtop = (int32_t)(L->top - (nargs + 1) - L->stack);
  return lu_callk(L, nargs, nresults, ctx, k);
}

int lu_tailcall(lu_State *L, int nargs) {
  L->entry_func = savestack(L, L->top - (nargs + 1));
  return LU_SIG_TAILCALL;
}

/* ----------------------------------------------------------------- errors */

int lu_error(lu_State *L) {
  val_copy(&L->errval, L->top - 1);
  lu_throw(L, LU_ERRRUN);
}

void lu_where(lu_State *L, int level) {
  char buf[LU_IDSIZE + 32];
  dbg_where(L, level, buf, sizeof buf);
  lu_pushstring(L, buf);
}

int lu_errorf(lu_State *L, const char *fmt, ...) {
  va_list ap;
  lu_where(L, 1);
  va_start(ap, fmt);
  lu_pushvfstring(L, fmt, ap);
  va_end(ap);
  /* concatenate where + message */
  size_t l1, l2;
  const char *s1 = lu_tolstring(L, -2, &l1);
  const char *s2 = lu_tolstring(L, -1, &l2);
  lu_Buffer b;
  lu_buffinit(L, &b);
  lu_addlstring(&b, s1, l1);
  lu_addlstring(&b, s2, l2);
  lu_pushresult(&b);
  lu_error(L);
}

const char *dbg_callname(lu_State *L, CallInfo *ci, char *buf, size_t bufsz, const char **namewhat);

int lu_argerror(lu_State *L, int arg, const char *extramsg) {
  CallInfo *ci = L->ci;
  char nbuf[128];
  const char *namewhat = "";
  const char *name = dbg_callname(L, ci, nbuf, sizeof nbuf, &namewhat);
  if (strcmp(namewhat, "method") == 0) {
    arg--;
    if (arg == 0) lu_errorf(L, "calling '%s' on bad self (%s)", name, extramsg);
  }
  if (name == NULL) name = "?";
  lu_errorf(L, "bad argument #%d to '%s' (%s)", arg, name, extramsg);
}

const char *lu_typenameof(lu_State *L, int idx) {
  const Value *o = index2value(L, idx);
  if (!isvalid(o)) return "no value";
  return tm_objtypename(L->P, o);
}

int lu_typeerror(lu_State *L, int arg, const char *tname) {
  const char *typearg;
  if (lu_getmetafield(L, arg, "__name") == LU_TSTRING) typearg = lu_tostring(L, -1);
  else if (lu_type(L, arg) == LU_TLIGHTUSERDATA) typearg = "light userdata";
  else typearg = lu_typename(L, lu_type(L, arg));
  const char *msg = lu_pushfstring(L, "%s expected, got %s", tname, typearg);
  lu_argerror(L, arg, msg);
}

static void tag_error(lu_State *L, int arg, int tag) {
  lu_typeerror(L, arg, lu_typename(L, tag));
}

/* -------------------------------------------------------------- checks */

static void interror(lu_State *L, int arg) {
  if (lu_isnumber(L, arg)) lu_argerror(L, arg, "number has no integer representation");
  else tag_error(L, arg, LU_TNUMBER);
}

lu_Int lu_checkinteger(lu_State *L, int arg) {
  const Value *o = index2value(L, arg);
  if (lu_likely(val_isint(o))) return val_int(o);
  lu_Int i;
  if (!vm_tointeger(o, &i, F2Ieq)) interror(L, arg);
  return i;
}

lu_Int lu_optinteger(lu_State *L, int arg, lu_Int def) {
  return lu_isnoneornil(L, arg) ? def : lu_checkinteger(L, arg);
}

lu_Num lu_checknumber(lu_State *L, int arg) {
  const Value *o = index2value(L, arg);
  if (lu_likely(val_isflt(o))) return val_flt(o);
  lu_Num n;
  if (!vm_tonumber(o, &n)) tag_error(L, arg, LU_TNUMBER);
  return n;
}

lu_Num lu_optnumber(lu_State *L, int arg, lu_Num def) {
  return lu_isnoneornil(L, arg) ? def : lu_checknumber(L, arg);
}

const char *lu_checklstring(lu_State *L, int arg, size_t *len) {
  const char *s = lu_tolstring(L, arg, len);
  if (!s) tag_error(L, arg, LU_TSTRING);
  return s;
}

const char *lu_optlstring(lu_State *L, int arg, const char *def, size_t *len) {
  if (lu_isnoneornil(L, arg)) {
    if (len) *len = def ? strlen(def) : 0;
    return def;
  }
  return lu_checklstring(L, arg, len);
}

void lu_checktype(lu_State *L, int arg, int t) {
  if (lu_type(L, arg) != t) tag_error(L, arg, t);
}

void lu_checkany(lu_State *L, int arg) {
  if (lu_type(L, arg) == LU_TNONE) lu_argerror(L, arg, "value expected");
}

int lu_checkoption(lu_State *L, int arg, const char *def, const char *const lst[]) {
  const char *name = def ? lu_optstring(L, arg, def) : lu_checkstring(L, arg);
  for (int j = 0; lst[j]; j++)
    if (strcmp(lst[j], name) == 0) return j;
  return lu_argerror(L, arg, lu_pushfstring(L, "invalid option '%s'", name));
}

const char *lu_tolstring_raw(lu_State *L, int idx, size_t *len) {
  idx = lu_absindex(L, idx);
  const Value *o = index2value(L, idx);
  switch (lu_type(L, idx)) {
    case LU_TNUMBER: {
      char buf[LU_NUMBUF];
      int l = vm_num2str(o, buf);
      lu_pushlstring(L, buf, (size_t)l);
      break;
    }
    case LU_TSTRING: lu_pushvalue(L, idx); break;
    case LU_TBOOLEAN: lu_pushstring(L, lu_toboolean(L, idx) ? "true" : "false"); break;
    case LU_TNIL: lu_pushstring(L, "nil"); break;
    default: {
      int tt = lu_getmetafield(L, idx, "__name");
      const char *kind = (tt == LU_TSTRING) ? lu_tostring(L, -1) : lu_typename(L, lu_type(L, idx));
      if (val_isbigint(o)) {
        Value sv;
        val_setstr(&sv, big_tostr(L, val_bigint(o), 10));
        lu_pushv(L, &sv);
      } else if (val_ispid(o)) {
        lu_pushfstring(L, "<0.%I.0>", (lu_Int)val_pid(o));
      } else if (val_isref(o)) {
        lu_pushfstring(L, "#Ref<0.0.0.%I>", (lu_Int)val_ref(o));
      } else {
        lu_pushfstring(L, "%s: %p", kind, lu_topointer(L, idx));
      }
      if (tt != LU_TNIL) lu_remove(L, -2);
      break;
    }
  }
  return lu_tolstring(L, -1, len);
}

/* ---------------------------------------------------------------- buffers
 * Grows on the C stack first, then in a userdata "box" kept on the Lua
 * stack, so an error in the middle leaks nothing (the GC takes the box). */

void lu_buffinit(lu_State *L, lu_Buffer *B) {
  B->L = L;
  B->b = B->init;
  B->n = 0;
  B->size = LU_BUFFERSIZE;
  B->boxidx = 0;
}

char *lu_prepbuffsize(lu_Buffer *B, size_t sz) {
  if (B->size - B->n >= sz) return B->b + B->n;
  lu_State *L = B->L;
  size_t newsize = B->size * 2;
  if (newsize - B->n < sz) newsize = B->n + sz;
  if (newsize < B->n || newsize > ((size_t)-1 >> 2)) lu_errorf(L, "buffer too large");
  /* a new box each time (the old one becomes garbage) */
  char *nb = lu_newuserdatauv(L, newsize, 0);
  memcpy(nb, B->b, B->n);
  if (B->boxidx) {
    lu_replace(L, B->boxidx);     /* keep one stack slot for the box */
  } else {
    B->boxidx = lu_gettop(L);
  }
  B->b = nb;
  B->size = newsize;
  return B->b + B->n;
}

void lu_addlstring(lu_Buffer *B, const char *s, size_t l) {
  if (l > 0) {
    char *d = lu_prepbuffsize(B, l);
    memcpy(d, s, l);
    B->n += l;
  }
}

void lu_addstring(lu_Buffer *B, const char *s) { lu_addlstring(B, s, strlen(s)); }

void lu_addvalue(lu_Buffer *B) {
  lu_State *L = B->L;
  size_t len;
  const char *s = lu_tolstring(L, -1, &len);
  int hadbox = B->boxidx;
  char *d = lu_prepbuffsize(B, len);
  memcpy(d, s, len);
  B->n += len;
  if (!hadbox && B->boxidx) {    /* the first box went on top, above the value */
    lu_remove(L, -2);
    B->boxidx--;
  } else {
    lu_pop(L, 1);
  }
}

void lu_pushresult(lu_Buffer *B) {
  lu_State *L = B->L;
  lu_pushlstring(L, B->b, B->n);
  if (B->boxidx) lu_remove(L, B->boxidx);
}

/* -------------------------------------------------------------- libraries */

void lu_setfuncs(lu_State *L, const lu_Reg *l, int nup) {
  for (; l->name != NULL; l++) {
    if (l->func == NULL) lu_pushboolean(L, 0);
    else {
      for (int j = 0; j < nup; j++) lu_pushvalue(L, -nup);
      lu_pushcclosure(L, l->func, nup);
    }
    lu_rawsetfield(L, -(nup + 2), l->name);
  }
  lu_pop(L, nup);
}

void lu_newlib(lu_State *L, const lu_Reg *l) {
  int n = 0;
  while (l[n].name) n++;
  lu_createtable(L, 0, n);
  lu_setfuncs(L, l, 0);
}
