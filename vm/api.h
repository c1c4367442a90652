/*
 * api.h — the C interface used by library functions (a stack API in the
 * manner of Lua's, with the lu_ prefix).
 *
 * A C function receives its arguments at stack indices 1..lu_gettop(L) and
 * returns the number of results it pushed.  It may instead return what one
 * of these returned:
 *   lu_callk(L, nargs, nres, ctx, k)   call the function below the nargs
 *                                       arguments on top; when it returns,
 *                                       k(L, LU_OK, ctx) continues this C
 *                                       function (which sees the results on
 *                                       top of its stack).
 *   lu_pcallk(...)                      the same, protected: on error the
 *                                       stack is cut back to where the called
 *                                       function was, the error value is
 *                                       pushed, and k gets LU_ERRRUN.
 *   lu_tailcall(L, nargs)               replace this C function by a call
 *                                       (its results are this function's).
 * This is how C code calls Lua without nesting an interpreter: the call
 * runs in the one interpreter loop and can be preempted or yield.
 *
 * Rules for C functions:
 *  - There is no garbage collection while a C function runs (only at the
 *    interpreter's safe points), so C locals may point to objects created
 *    in the same activation.  Across lu_callk, keep values on the stack.
 *  - Table access here is raw (no metamethods).  A function whose Lua
 *    semantics need metamethods handles tables with metatables by calling
 *    Lua (lu_callk) or by tail-calling a Lua implementation (lu_getlualib).
 *  - Errors (lu_error*, lu_argerror, checks) longjmp out of the C function:
 *    do not hold malloc'd memory across them; use lu_Buffer or userdata.
 */
#ifndef LU_API_H
#define LU_API_H

#include <stdarg.h>
#include "state.h"

#define LU_REGISTRYINDEX     (-LU_MAXSTACK - 1000)
#define lu_upvalueindex(i)   (LU_REGISTRYINDEX - (i))
#define LU_RIDX_GLOBALS      2

/* ---- stack ---- */
int lu_absindex(lu_State *L, int idx);
int lu_gettop(lu_State *L);
void lu_settop(lu_State *L, int idx);
#define lu_pop(L, n)  lu_settop(L, -(n) - 1)
void lu_pushvalue(lu_State *L, int idx);
void lu_rotate(lu_State *L, int idx, int n);
void lu_copy(lu_State *L, int fromidx, int toidx);
#define lu_insert(L, idx)   lu_rotate(L, (idx), 1)
#define lu_remove(L, idx)   (lu_rotate(L, (idx), -1), lu_pop(L, 1))
#define lu_replace(L, idx)  (lu_copy(L, -1, (idx)), lu_pop(L, 1))
void lu_checkstack(lu_State *L, int n, const char *msg);
Value *lu_index2value(lu_State *L, int idx);
void lu_pushv(lu_State *L, const Value *v);   /* push a copy of a Value */

/* ---- access ---- */
int lu_type(lu_State *L, int idx);
const char *lu_typename(lu_State *L, int t);
#define lu_isnone(L, n)       (lu_type(L, (n)) == LU_TNONE)
#define lu_isnil(L, n)        (lu_type(L, (n)) == LU_TNIL)
#define lu_isnoneornil(L, n)  (lu_type(L, (n)) <= 0)
#define lu_istable(L, n)      (lu_type(L, (n)) == LU_TTABLE)
#define lu_isfunction(L, n)   (lu_type(L, (n)) == LU_TFUNCTION)
#define lu_isboolean(L, n)    (lu_type(L, (n)) == LU_TBOOLEAN)
int lu_isnumber(lu_State *L, int idx);      /* number or numeric string */
int lu_isstring(lu_State *L, int idx);      /* string or number */
int lu_isinteger(lu_State *L, int idx);     /* integer subtype */
int lu_iscfunction(lu_State *L, int idx);
lu_Num lu_tonumberx(lu_State *L, int idx, int *isnum);
lu_Int lu_tointegerx(lu_State *L, int idx, int *isnum);
#define lu_tonumber(L, i)   lu_tonumberx(L, (i), NULL)
#define lu_tointeger(L, i)  lu_tointegerx(L, (i), NULL)
int lu_toboolean(lu_State *L, int idx);
const char *lu_tolstring(lu_State *L, int idx, size_t *len);  /* converts numbers in place */
#define lu_tostring(L, i)   lu_tolstring(L, (i), NULL)
size_t lu_rawlen(lu_State *L, int idx);
lu_CFunction lu_tocfunction(lu_State *L, int idx);
void *lu_touserdata(lu_State *L, int idx);
lu_State *lu_tothread(lu_State *L, int idx);
const void *lu_topointer(lu_State *L, int idx);
int lu_rawequal(lu_State *L, int i1, int i2);

/* ---- push ---- */
void lu_pushnil(lu_State *L);
void lu_pushnumber(lu_State *L, lu_Num n);
void lu_pushinteger(lu_State *L, lu_Int n);
const char *lu_pushlstring(lu_State *L, const char *s, size_t len);
const char *lu_pushstring(lu_State *L, const char *s);   /* NULL pushes nil */
const char *lu_pushvfstring(lu_State *L, const char *fmt, va_list argp);
const char *lu_pushfstring(lu_State *L, const char *fmt, ...);
void lu_pushcclosure(lu_State *L, lu_CFunction fn, int n);
#define lu_pushcfunction(L, f)  lu_pushcclosure(L, (f), 0)
void lu_pushboolean(lu_State *L, int b);
void lu_pushlightuserdata(lu_State *L, void *p);
void lu_pushthread(lu_State *L);
void lu_pushglobaltable(lu_State *L);

/* ---- tables: raw access ---- */
void lu_createtable(lu_State *L, int narr, int nrec);
#define lu_newtable(L)  lu_createtable(L, 0, 0)
int lu_rawget(lu_State *L, int idx);                 /* t[top] -> top */
int lu_rawgeti(lu_State *L, int idx, lu_Int n);
int lu_rawgetfield(lu_State *L, int idx, const char *k);
void lu_rawset(lu_State *L, int idx);                /* t[top-1] = top */
void lu_rawseti(lu_State *L, int idx, lu_Int n);
void lu_rawsetfield(lu_State *L, int idx, const char *k);
int lu_next(lu_State *L, int idx);
int lu_getmetatable(lu_State *L, int idx);
int lu_setmetatable(lu_State *L, int idx);
int lu_getmetafield(lu_State *L, int obj, const char *e);   /* pushes the field unless it is nil */
void *lu_newuserdatauv(lu_State *L, size_t sz, int nuvalue);
int lu_getiuservalue(lu_State *L, int idx, int n);
int lu_setiuservalue(lu_State *L, int idx, int n);

/* ---- calls (see the header comment) ---- */
int lu_callk(lu_State *L, int nargs, int nresults, intptr_t ctx, lu_KFunction k);
int lu_pcallk(lu_State *L, int nargs, int nresults, intptr_t ctx, lu_KFunction k);
int lu_tailcall(lu_State *L, int nargs);
/* The calls this C function makes cannot yield, as lua5.4's lua_call (not
 * lua_callk) in its library: sort comparators, gsub callbacks, __tostring,
 * load readers, metamethods called by library functions.  A yield there is
 * "attempt to yield across a C-call boundary", and isyieldable is false. */
#define lu_noyield(L)   ((L)->ci->callstatus |= CIST_NY)
/* Charge reductions for work done in C (proportional to its size). */
static inline void lu_charge(lu_State *L, size_t units) {
  L->P->reds -= (int32_t)(units > 1000000 ? 1000000 : units);
}

/* ---- errors ---- */
LU_NORETURN int lu_error(lu_State *L);                      /* error value on top */
LU_NORETURN int lu_errorf(lu_State *L, const char *fmt, ...);   /* "where: msg" */
LU_NORETURN int lu_argerror(lu_State *L, int arg, const char *extramsg);
LU_NORETURN int lu_typeerror(lu_State *L, int arg, const char *tname);
void lu_where(lu_State *L, int level);                      /* pushes "chunk:line:" */

/* ---- argument checks (luaL style) ---- */
lu_Int lu_checkinteger(lu_State *L, int arg);
lu_Int lu_optinteger(lu_State *L, int arg, lu_Int def);
lu_Num lu_checknumber(lu_State *L, int arg);
lu_Num lu_optnumber(lu_State *L, int arg, lu_Num def);
const char *lu_checklstring(lu_State *L, int arg, size_t *l);
const char *lu_optlstring(lu_State *L, int arg, const char *def, size_t *l);
#define lu_checkstring(L, n)     lu_checklstring(L, (n), NULL)
#define lu_optstring(L, n, d)    lu_optlstring(L, (n), (d), NULL)
void lu_checktype(lu_State *L, int arg, int t);
void lu_checkany(lu_State *L, int arg);
int lu_checkoption(lu_State *L, int arg, const char *def, const char *const lst[]);
#define lu_argcheck(L, cond, arg, extramsg) \
  ((void)(lu_likely(cond) || lu_argerror(L, (arg), (extramsg))))
#define lu_argexpected(L, cond, arg, tname) \
  ((void)(lu_likely(cond) || lu_typeerror(L, (arg), (tname))))
const char *lu_typenameof(lu_State *L, int idx);    /* __name aware */
/* tostring without metamethods except __name: "table: 0x...", numbers, ... */
const char *lu_tolstring_raw(lu_State *L, int idx, size_t *len);   /* pushes the result */

/* ---- string buffers ---- */
typedef struct lu_Buffer {
  char *b;          /* buffer address */
  size_t size;      /* buffer size */
  size_t n;         /* number of characters in buffer */
  lu_State *L;
  int boxidx;       /* stack index of the box holding a heap buffer, or 0 */
  char init[LU_BUFFERSIZE];
} lu_Buffer;
void lu_buffinit(lu_State *L, lu_Buffer *B);
char *lu_prepbuffsize(lu_Buffer *B, size_t sz);
void lu_addlstring(lu_Buffer *B, const char *s, size_t l);
void lu_addstring(lu_Buffer *B, const char *s);
void lu_addvalue(lu_Buffer *B);                   /* adds the string on top, pops it */
void lu_pushresult(lu_Buffer *B);
#define lu_addchar(B, c) ((void)((B)->n < (B)->size || lu_prepbuffsize((B), 1)), ((B)->b[(B)->n++] = (c)))
#define lu_addsize(B, s) ((B)->n += (s))
#define lu_buffsub(B, s) ((B)->n -= (s))
#define lu_bufflen(B)    ((B)->n)
#define lu_buffaddr(B)   ((B)->b)

/* ---- libraries ---- */
typedef struct lu_Reg { const char *name; lu_CFunction func; } lu_Reg;
void lu_setfuncs(lu_State *L, const lu_Reg *l, int nup);
void lu_newlib(lu_State *L, const lu_Reg *l);       /* new table with the functions */
/* Open every standard library in the process (globals, package.loaded). */
void lu_openlibs(lu_State *L);

#endif
