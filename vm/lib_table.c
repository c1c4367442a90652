/*
 * lib_table.c — the table library (manual §6.6): concat, insert, move,
 * pack, remove, sort, unpack.
 *
 * Lua 5.4's table functions honour the metamethods of their argument
 * (__index, __newindex, __len).  The C API here is raw, so each function has
 * two paths:
 *   - a fast path in C, with raw access, when the table's metatable (if any)
 *     has none of the metamethods the operation would use;
 *   - otherwise a Lua helper (stdlib/lualib/table.lua) does the element
 *     accesses with plain Lua indexing, so metamethods run in the one
 *     interpreter loop (preemptible, never a nested interpreter).
 * A length needing __len is obtained by a call with a continuation, so that
 * both paths check their arguments in C, in lua5.4's order and with its
 * messages (which name the function as the caller called it).
 *
 * The helpers are called unprotected (lu_callk) through a small trampoline,
 * so that an error in user code (a metamethod, a comparator) reaches an
 * xpcall's handler with the whole stack, as in lua5.4.  The helpers' code
 * has no line information, so an error of its own (indexing, comparing)
 * has no position, as from lua5.4's C library; helper_error would still
 * remove a "[lurel]:N: " one.
 *
 * table.sort is a quicksort with median-of-three pivots, the recursion on
 * the smaller part; it makes the same comparisons and swaps as lua5.4's
 * sort, so that elements that compare equal end in the same order and an
 * inconsistent comparator is detected ("invalid order function for
 * sorting") at the same point.  The C version sorts tables of numbers only
 * or strings only without a comparator; every other sort runs the Lua
 * version of the same algorithm.
 */
#include <string.h>
#include <time.h>
#include "api.h"
#include "lib.h"
#include "debug.h"
#include "do.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "vm.h"

/* operations a function needs from its table argument */
#define TAB_R   1                   /* read (__index) */
#define TAB_W   2                   /* write (__newindex) */
#define TAB_L   4                   /* length (__len) */
#define TAB_RW  (TAB_R | TAB_W)

/* Work done in C per reduction charged (see lu_charge). */
#define ELEMS_PER_RED   16          /* elements copied */
#define BYTES_PER_RED   256         /* bytes concatenated */
#define COMPS_PER_RED   4           /* comparisons in sort */

/* ------------------------------------------------------------ argument */

/* Accept a table, or any value whose metatable has every metamethod in
 * 'what'; raise lua5.4's "table expected" otherwise. */
static void checktab(lu_State *L, int arg, int what) {
  if (lu_type(L, arg) == LU_TTABLE) return;
  Table *mt = tm_metatable(L->P, lu_index2value(L, arg));
  if (mt != NULL &&
      (!(what & TAB_R) || tm_get(L->P, mt, TM_INDEX) != NULL) &&
      (!(what & TAB_W) || tm_get(L->P, mt, TM_NEWINDEX) != NULL) &&
      (!(what & TAB_L) || tm_get(L->P, mt, TM_LEN) != NULL))
    return;
  lu_checktype(L, arg, LU_TTABLE);
}

/* The table at arg when the operations in 'what' on it are raw (no
 * metamethod can run), else NULL. */
static Table *rawtab(lu_State *L, int arg, int what) {
  Value *o = lu_index2value(L, arg);
  if (!val_istable(o)) return NULL;
  Table *t = val_table(o);
  Table *mt = t->metatable;
  if (mt != NULL &&
      (((what & TAB_R) && tm_get(L->P, mt, TM_INDEX) != NULL) ||
       ((what & TAB_W) && tm_get(L->P, mt, TM_NEWINDEX) != NULL) ||
       ((what & TAB_L) && tm_get(L->P, mt, TM_LEN) != NULL)))
    return NULL;
  return t;
}

/* Length of the value at arg, as lua5.4's luaL_len: pushes it and goes on
 * with k(L, LU_OK, ctx), after calling __len if there is one.  k takes it
 * with poplen. */
static int withlen(lu_State *L, int arg, intptr_t ctx, lu_KFunction k) {
  Value *o = lu_index2value(L, arg);
  if (val_isstr(o)) {
    lu_pushinteger(L, (lu_Int)str_len(val_str(o)));
    return k(L, LU_OK, ctx);
  }
  const Value *mm = tm_getbyobj(L->P, o, TM_LEN);
  if (mm == NULL) {
    if (!val_istable(o)) dbg_typeerror(L, o, "get length of");
    lu_pushinteger(L, (lu_Int)tab_len(val_table(o)));
    return k(L, LU_OK, ctx);
  }
  lu_pushv(L, mm);
  lu_pushvalue(L, arg);
  lu_noyield(L);
  return lu_callk(L, 1, 1, ctx, k);
}

static lu_Int poplen(lu_State *L) {
  int ok;
  lu_Int n = lu_tointegerx(L, -1, &ok);
  if (!ok) lu_errorf(L, "object length is not an integer");
  lu_pop(L, 1);
  return n;
}

/* --------------------------------------------------------- Lua helpers */

static int tramp_insert(lu_State *L) { return lib_calllualib(L, "table_insert"); }
static int tramp_remove(lu_State *L) { return lib_calllualib(L, "table_remove"); }
static int tramp_move(lu_State *L) { return lib_calllualib(L, "table_move"); }
static int tramp_concat(lu_State *L) { return lib_calllualib(L, "table_concat"); }
static int tramp_unpack(lu_State *L) { return lib_calllualib(L, "table_unpack"); }
static int tramp_sort(lu_State *L) { return lib_calllualib(L, "table_sort"); }

/* Push a trampoline before its arguments: start of a helper call. */
#define helper_begin(L, tramp)  (lu_pushcfunction(L, (tramp)), lu_gettop(L) - 1)

/* Call the helper pushed by helper_begin (base = its result) with the
 * values pushed since; k runs with the helper's results above index base. */
static int helper_call(lu_State *L, int base, lu_KFunction k) {
  L->ci->callstatus |= CIST_HELPER;    /* levels: the helper is part of this call */
  lu_noyield(L);                       /* comparators and metamethods: as lua5.4's C */
  return lu_callk(L, lu_gettop(L) - base - 1, LU_MULTRET, base, k);
}

/* Re-raise an error of a helper (on top), without the helper's own
 * position (see the header comment). */
static LU_NORETURN void helper_error(lu_State *L) {
  static const char prefix[] = "[lurel]:";
  size_t l;
  if (lu_type(L, -1) == LU_TSTRING) {
    const char *s = lu_tolstring(L, -1, &l);
    size_t pl = sizeof prefix - 1;
    if (l > pl && memcmp(s, prefix, pl) == 0) {
      size_t j = pl;
      while (j < l && s[j] >= '0' && s[j] <= '9') j++;
      if (j > pl && j + 1 < l && s[j] == ':' && s[j + 1] == ' ')
        lu_pushlstring(L, s + j + 2, l - j - 2);
    }
  }
  lu_error(L);
}

/* Continuation returning the helper's results as the function's. */
static int helper_k(lu_State *L, int status, intptr_t base) {
  if (status != LU_OK) helper_error(L);
  return lu_gettop(L) - (int)base;
}

/* ---------------------------------------------------------------- insert */

static int insert_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  lu_Int e = poplen(L);
  e = (lu_Int)((lu_Unsigned)e + 1u);          /* first empty element */
  lu_Int pos;
  switch (lu_gettop(L)) {
    case 2: pos = e; break;
    case 3:
      pos = lu_checkinteger(L, 2);
      /* 1 <= pos <= e */
      lu_argcheck(L, (lu_Unsigned)pos - 1u < (lu_Unsigned)e, 2, "position out of bounds");
      break;
    default:
      return lu_errorf(L, "wrong number of arguments to 'insert'");
  }
  Table *t = rawtab(L, 1, TAB_RW);
  if (t == NULL) {
    int base = helper_begin(L, tramp_insert);
    lu_pushvalue(L, 1);
    lu_pushinteger(L, e);
    lu_pushinteger(L, pos);
    lu_pushvalue(L, -5);                      /* the value: last argument */
    return helper_call(L, base, helper_k);
  }
  /* shift t[pos .. e-1] up by one */
  if ((lu_Unsigned)e <= t->asize) {
    memmove(&t->array[pos], &t->array[pos - 1], (size_t)(e - pos) * sizeof(Value));
    tab_touch(t, e);                          /* lua5.4 writes t[e] first */
  } else {
    for (lu_Int i = e; i > pos; i--) {
      Value v;
      val_copy(&v, tab_getint(t, i - 1));
      tab_setint(L, t, i, &v);
    }
  }
  lu_charge(L, (size_t)(e - pos) / ELEMS_PER_RED);
  tab_setint(L, t, pos, lu_index2value(L, lu_gettop(L)));
  return 0;
}

static int t_insert(lu_State *L) {
  checktab(L, 1, TAB_RW | TAB_L);
  return withlen(L, 1, 0, insert_k);
}

/* ---------------------------------------------------------------- remove */

static int remove_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  lu_Int size = poplen(L);
  lu_Int pos = lu_optinteger(L, 2, size);
  if (pos != size)      /* a given position must be in [1, size + 1] */
    lu_argcheck(L, (lu_Unsigned)pos - 1u <= (lu_Unsigned)size, 1, "position out of bounds");
  Table *t = rawtab(L, 1, TAB_RW);
  if (t == NULL) {
    int base = helper_begin(L, tramp_remove);
    lu_pushvalue(L, 1);
    lu_pushinteger(L, size);
    lu_pushinteger(L, pos);
    return helper_call(L, base, helper_k);
  }
  lu_pushv(L, tab_getint(t, pos));            /* result */
  if (pos < size) {
    if ((lu_Unsigned)size <= t->asize && pos >= 1) {
      memmove(&t->array[pos - 1], &t->array[pos], (size_t)(size - pos) * sizeof(Value));
    } else {
      for (lu_Int i = pos; i < size; i++) {
        Value v;
        val_copy(&v, tab_getint(t, i + 1));
        tab_setint(L, t, i, &v);
      }
    }
    lu_charge(L, (size_t)(size - pos) / ELEMS_PER_RED);
    pos = size;
  }
  Value nil;
  val_setnil(&nil);
  tab_setint(L, t, pos, &nil);
  return 1;
}

static int t_remove(lu_State *L) {
  checktab(L, 1, TAB_RW | TAB_L);
  return withlen(L, 1, 0, remove_k);
}

/* ------------------------------------------------------------------ move */

static int t_move(lu_State *L) {
  lu_Int f = lu_checkinteger(L, 2);
  lu_Int e = lu_checkinteger(L, 3);
  lu_Int t = lu_checkinteger(L, 4);
  int tt = !lu_isnoneornil(L, 5) ? 5 : 1;    /* destination */
  checktab(L, 1, TAB_R);
  checktab(L, tt, TAB_W);
  if (e >= f) {
    lu_argcheck(L, f > 0 || e < LU_MAXINT + f, 3, "too many elements to move");
    lu_Int n = e - f + 1;                     /* elements to move */
    lu_argcheck(L, t <= LU_MAXINT - n + 1, 4, "destination wrap around");
    Table *a1 = rawtab(L, 1, TAB_R), *a2 = rawtab(L, tt, TAB_W);
    bool forward = t > e || t <= f;
    if (!forward && tt != 1 && a1 != NULL && a2 != NULL && a1 != a2) {
      /* lua5.4 compares the tables with ==: raw unless there is an __eq */
      if ((a1->metatable && tm_get(L->P, a1->metatable, TM_EQ)) ||
          (a2->metatable && tm_get(L->P, a2->metatable, TM_EQ)))
        a1 = NULL;
      else
        forward = true;
    }
    if (a1 == NULL || a2 == NULL) {
      int base = helper_begin(L, tramp_move);
      lu_pushvalue(L, 1);
      lu_pushinteger(L, f);
      lu_pushinteger(L, e);
      lu_pushinteger(L, t);
      lu_pushvalue(L, tt);
      lu_pushboolean(L, tt == 1);
      return helper_call(L, base, helper_k);
    }
    Value v;
    if (forward) {
      for (lu_Int i = 0; i < n; i++) {
        val_copy(&v, tab_getint(a1, f + i));
        tab_setint(L, a2, t + i, &v);
      }
    } else {
      for (lu_Int i = n - 1; i >= 0; i--) {
        val_copy(&v, tab_getint(a1, f + i));
        tab_setint(L, a2, t + i, &v);
      }
    }
    lu_charge(L, (size_t)n / ELEMS_PER_RED);
  }
  lu_pushvalue(L, tt);
  return 1;
}

/* ---------------------------------------------------------------- concat */

static LU_NORETURN void concat_badvalue(lu_State *L, lu_Int i, int type) {
  lu_errorf(L, "invalid value (%s) at index %I in table for 'concat'",
            lu_typename(L, type), i);
}

/* Add number or string v to b; false if v is neither. */
static bool concat_add(lu_Buffer *b, const Value *v) {
  if (val_isstr(v)) {
    lu_addlstring(b, str_data(val_str(v)), str_len(val_str(v)));
  } else if (val_isnum(v)) {
    char buf[LU_NUMBUF];
    int l = vm_num2str(v, buf);
    lu_addlstring(b, buf, (size_t)l);
  } else {
    return false;
  }
  return true;
}

/* Helper result: a table of the values t[i .. last] (all strings or
 * numbers) and their count; or nil, the index and the type of a bad one. */
static int concat_done(lu_State *L, int status, intptr_t base) {
  if (status != LU_OK) helper_error(L);
  int r = (int)base + 1;
  if (lu_isnil(L, r)) {
    lu_Int i = lu_tointeger(L, r + 1);
    const char *ty = lu_tostring(L, r + 2);
    return lu_errorf(L, "invalid value (%s) at index %I in table for 'concat'", ty, i);
  }
  Table *pieces = val_table(lu_index2value(L, r));
  lu_Int n = lu_tointeger(L, r + 1);
  size_t lsep;
  const char *sep = lu_tolstring(L, 2, &lsep);   /* converted by t_concat */
  if (sep == NULL) { sep = ""; lsep = 0; }
  lu_Buffer b;
  lu_buffinit(L, &b);
  for (lu_Int k = 1; k <= n; k++) {
    if (k > 1) lu_addlstring(&b, sep, lsep);
    concat_add(&b, tab_getint(pieces, k));
  }
  lu_charge(L, lu_bufflen(&b) / BYTES_PER_RED);
  lu_pushresult(&b);
  return 1;
}

static int concat_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  lu_Int last = poplen(L);
  size_t lsep;
  const char *sep = lu_optlstring(L, 2, "", &lsep);
  lu_Int i = lu_optinteger(L, 3, 1);
  last = lu_optinteger(L, 4, last);
  Table *t = rawtab(L, 1, TAB_R);
  if (t == NULL) {
    lu_settop(L, 4);
    int base = helper_begin(L, tramp_concat);
    lu_pushvalue(L, 1);
    lu_pushinteger(L, i);
    lu_pushinteger(L, last);
    return helper_call(L, base, concat_done);
  }
  lu_Buffer b;
  lu_buffinit(L, &b);
  size_t count = 0;
  for (; i < last; i++) {
    const Value *v = tab_getint(t, i);
    if (!concat_add(&b, v)) concat_badvalue(L, i, val_luatype(v));
    lu_addlstring(&b, sep, lsep);
    count++;
  }
  if (i == last) {
    const Value *v = tab_getint(t, i);
    if (!concat_add(&b, v)) concat_badvalue(L, i, val_luatype(v));
    count++;
  }
  lu_charge(L, lu_bufflen(&b) / BYTES_PER_RED + count / ELEMS_PER_RED);
  lu_pushresult(&b);
  return 1;
}

static int t_concat(lu_State *L) {
  checktab(L, 1, TAB_R | TAB_L);
  return withlen(L, 1, 0, concat_k);
}

/* ------------------------------------------------------------ pack/unpack */

static int t_pack(lu_State *L) {
  int n = lu_gettop(L);
  lu_createtable(L, n, 1);
  lu_insert(L, 1);
  for (int i = n; i >= 1; i--) lu_rawseti(L, 1, i);
  lu_pushinteger(L, n);
  lu_rawsetfield(L, 1, "n");
  return 1;
}

/* Helper result: a table r with r[1 .. n] = t[i .. e]; n is at index base
 * (pushed before the helper). */
static int unpack_done(lu_State *L, int status, intptr_t base) {
  if (status != LU_OK) helper_error(L);
  Table *r = val_table(lu_index2value(L, (int)base + 1));
  int n = (int)lu_tointeger(L, (int)base);   /* the count, pushed below the helper */
  for (int k = 1; k <= n; k++) lu_pushv(L, tab_getint(r, k));
  return n;
}

static int unpack_range(lu_State *L, lu_Int i, lu_Int e) {
  if (i > e) return 0;                        /* empty range */
  lu_Unsigned n = (lu_Unsigned)e - (lu_Unsigned)i;   /* count - 1 */
  if (n >= (lu_Unsigned)INT_MAX ||
      (lu_Unsigned)(L->top - L->stack) + n + 1 + LU_EXTRA_STACK + LU_MINSTACK > LU_MAXSTACK)
    return lu_errorf(L, "too many results to unpack");
  int count = (int)n + 1;
  lu_checkstack(L, count + LU_MINSTACK, NULL);
  Table *t = rawtab(L, 1, TAB_R);
  if (t == NULL) {
    Value *o = lu_index2value(L, 1);
    if (!val_istable(o) && tm_getbyobj(L->P, o, TM_INDEX) == NULL)
      dbg_typeerror(L, o, "index");
    lu_pushinteger(L, count);
    int base = helper_begin(L, tramp_unpack);
    lu_pushvalue(L, 1);
    lu_pushinteger(L, i);
    lu_pushinteger(L, e);
    lu_createtable(L, count, 0);
    return helper_call(L, base, unpack_done);
  }
  for (; i < e; i++) lu_pushv(L, tab_getint(t, i));
  lu_pushv(L, tab_getint(t, e));
  lu_charge(L, (size_t)count / ELEMS_PER_RED);
  return count;
}

static int unpack_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  lu_Int e = poplen(L);
  return unpack_range(L, lu_optinteger(L, 2, 1), e);
}

static int t_unpack(lu_State *L) {
  lu_Int i = lu_optinteger(L, 2, 1);          /* checked before the length */
  if (lu_isnoneornil(L, 3)) return withlen(L, 1, 0, unpack_k);
  return unpack_range(L, i, lu_checkinteger(L, 3));
}

/* ------------------------------------------------------------------ sort */

/* Past this size, a part that split badly gets a randomised pivot. */
#define RANLIMIT 100u

typedef unsigned int IdxT;

/* A new seed for pivot choice (the clock: not the math.random state). */
static IdxT sort_randomize(void) {
  clock_t c = clock();
  time_t t = time(NULL);
  return (IdxT)c + (IdxT)t;
}

static IdxT choosepivot(IdxT lo, IdxT up, IdxT rnd) {
  IdxT r4 = (up - lo) / 4;                    /* range of the choice */
  return rnd % (r4 * 2) + (lo + r4);
}

typedef struct SortState {
  lu_State *L;
  Value *a;                                   /* elements 1..n at a[0..n-1] */
  bool isnum;                                 /* numbers, else strings */
  size_t ncomp;
} SortState;

#define A(s, i) (&(s)->a[(i) - 1])

static inline bool sort_lt(SortState *s, const Value *x, const Value *y) {
  s->ncomp++;
  return s->isnum ? vm_lessthan_num(x, y) : str_cmp(val_str(x), val_str(y)) < 0;
}

static inline void swapv(Value *x, Value *y) {
  Value t;
  val_copy(&t, x);
  val_copy(x, y);
  val_copy(y, &t);
}

static LU_NORETURN void sort_invalid(lu_State *L) {
  lu_errorf(L, "invalid order function for sorting");
}

/* Partition a[lo..up] around P == a[up - 1]; returns P's final index.
 * Invariant: a[lo .. i] <= P <= a[j .. up]. */
static IdxT partition(SortState *s, IdxT lo, IdxT up) {
  IdxT i = lo, j = up - 1;
  Value P;
  val_copy(&P, A(s, up - 1));
  for (;;) {
    while (sort_lt(s, A(s, ++i), &P))
      if (i == up - 1) sort_invalid(s->L);   /* a[i] < P == a[up - 1] */
    while (sort_lt(s, &P, A(s, --j)))
      if (j < i) sort_invalid(s->L);         /* j < i but a[j] > P */
    if (j < i) {
      val_copy(A(s, up - 1), A(s, i));
      val_copy(A(s, i), &P);
      return i;
    }
    swapv(A(s, i), A(s, j));
  }
}

static void auxsort(SortState *s, IdxT lo, IdxT up, IdxT rnd) {
  while (lo < up) {                           /* loop for the larger part */
    if (sort_lt(s, A(s, up), A(s, lo))) swapv(A(s, lo), A(s, up));
    if (up - lo == 1) break;
    IdxT p = (up - lo < RANLIMIT || rnd == 0) ? (lo + up) / 2 : choosepivot(lo, up, rnd);
    if (sort_lt(s, A(s, p), A(s, lo))) swapv(A(s, p), A(s, lo));
    else if (sort_lt(s, A(s, up), A(s, p))) swapv(A(s, p), A(s, up));
    if (up - lo == 2) break;
    swapv(A(s, p), A(s, up - 1));             /* the pivot goes to up - 1 */
    p = partition(s, lo, up);
    IdxT n;
    if (p - lo < up - p) {                    /* recurse into the smaller part */
      auxsort(s, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsort(s, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > n) rnd = sort_randomize();   /* badly split */
  }
}

/* Elements 1..n of t, when all are numbers or all are strings: sort them
 * in C.  Returns false (nothing done) for any other content. */
static bool sort_fast(lu_State *L, Table *t, IdxT n) {
  const Value *first = tab_getint(t, 1);
  bool isnum = val_isnum(first);
  if (!isnum && !val_isstr(first)) return false;
  bool inarray = n <= t->asize;
  for (IdxT i = 1; i <= n; i++) {
    const Value *v = inarray ? &t->array[i - 1] : tab_getint(t, i);
    if (isnum ? !val_isnum(v) : !val_isstr(v)) return false;
  }
  SortState s = { L, NULL, isnum, 0 };
  if (inarray) {
    s.a = t->array;
  } else {
    /* a scratch copy (the GC does not run during a C function) */
    s.a = lu_newuserdatauv(L, (size_t)n * sizeof(Value), 0);
    for (IdxT i = 1; i <= n; i++) val_copy(&s.a[i - 1], tab_getint(t, i));
  }
  auxsort(&s, 1, n, 0);
  if (!inarray) {
    for (IdxT i = 1; i <= n; i++) tab_setint(L, t, i, &s.a[i - 1]);
    lu_pop(L, 1);
  }
  lu_charge(L, s.ncomp / COMPS_PER_RED);
  return true;
}

static int sort_randomize_f(lu_State *L) {
  lu_pushinteger(L, (lu_Int)sort_randomize());
  return 1;
}

static int sort_done(lu_State *L, int status, intptr_t base) {
  if (status != LU_OK) helper_error(L);
  if (!lu_toboolean(L, (int)base + 1)) sort_invalid(L);
  return 0;
}

static int sort_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  lu_Int n = poplen(L);
  if (n > 1) {
    lu_argcheck(L, n < INT_MAX, 1, "array too big");
    if (!lu_isnoneornil(L, 2)) lu_checktype(L, 2, LU_TFUNCTION);
    lu_settop(L, 2);
    /* sort_fast takes only tables whose t[1..n] are all present: then no
     * read or write of the sort can reach __index or __newindex */
    if (lu_istable(L, 1) && lu_isnil(L, 2) &&
        sort_fast(L, val_table(lu_index2value(L, 1)), (IdxT)n))
      return 0;
    int base = helper_begin(L, tramp_sort);
    lu_pushvalue(L, 1);
    lu_pushinteger(L, n);
    lu_pushvalue(L, 2);
    lu_pushcfunction(L, sort_randomize_f);
    return helper_call(L, base, sort_done);
  }
  return 0;
}

static int t_sort(lu_State *L) {
  checktab(L, 1, TAB_RW | TAB_L);
  return withlen(L, 1, 0, sort_k);
}

/* ------------------------------------------------------------------ open */

static const lu_Reg table_funcs[] = {
  {"concat", t_concat},
  {"insert", t_insert},
  {"move", t_move},
  {"pack", t_pack},
  {"remove", t_remove},
  {"sort", t_sort},
  {"unpack", t_unpack},
  {NULL, NULL}
};

const lu_Reg *lib_tablefuncs(void) { return table_funcs; }

int lu_open_table(lu_State *L) {
  lu_newlib(L, table_funcs);
  return 1;
}
