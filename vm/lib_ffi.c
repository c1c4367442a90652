/*
 * lib_ffi.c — the global library 'ffi': calling C functions through libffi.
 *
 *   local libc = ffi.open("libc.so.6")           -- nil, message on failure
 *   local strlen = libc:func("strlen", "size_t", {"string"})
 *   local buf = ffi.alloc(64)                    -- zeroed bytes, freed by the GC
 *
 * Three userdata types, none of which can be sent to another process:
 *   ffi.library  a dlopen handle (dlclose'd when collected; every function
 *                made from it keeps it alive);
 *   ffi.buffer   bytes in the process heap (counted for max_heap_size);
 *   a C function is a C closure whose upvalue is the signature (an
 *                ffi.cfunc userdata holding the prepared ffi_cif, the symbol
 *                and, as its user value, the library).
 * Pointers coming back from C are light userdata; ffi.null is the NULL one.
 *
 * Every argument is checked against the declared type before the call: a
 * wrong type or an integer out of range is a Lua error, never a crash.
 * What C does with what it is given (a pointer to a too-small buffer, a
 * format that does not match the variadic arguments) is C's business: that
 * is why the sandbox has no ffi at all.
 *
 * A call runs to its end on the scheduler thread: it costs FFI_CALLCOST
 * reductions, and no other process runs on that scheduler while it lasts.
 */
#include <dlfcn.h>
#include <ffi.h>
#include <stdio.h>
#include <string.h>
#include "api.h"
#include "lib.h"
#include "bigint.h"
#include "vm.h"

#define FFI_CALLCOST   10       /* reductions per C call (besides the call's own) */
#define FFI_MAXFIXED   32       /* declared parameters */
#define FFI_MAXARGS    64       /* arguments of a call, variadic ones included */

#define LIBMT   "ffi.library"
#define BUFMT   "ffi.buffer"
#define FUNCMT  "ffi.cfunc"

static const char lib_tag, buf_tag, func_tag;

/* ------------------------------------------------------------------ types */

enum { K_VOID, K_BOOL, K_SINT, K_UINT, K_FLOAT, K_DOUBLE, K_PTR, K_STR, K_VARARGS };

typedef struct CType {
  const char *name;
  uint8_t kind;
  uint8_t size;             /* bytes, for the integers */
  ffi_type *ft;
} CType;

static const CType ctypes[] = {
  {"void", K_VOID, 0, &ffi_type_void},
  {"bool", K_BOOL, 1, &ffi_type_uint8},
  {"int8", K_SINT, 1, &ffi_type_sint8},
  {"char", K_SINT, 1, &ffi_type_sint8},
  {"uint8", K_UINT, 1, &ffi_type_uint8},
  {"int16", K_SINT, 2, &ffi_type_sint16},
  {"short", K_SINT, 2, &ffi_type_sint16},
  {"uint16", K_UINT, 2, &ffi_type_uint16},
  {"int32", K_SINT, 4, &ffi_type_sint32},
  {"uint32", K_UINT, 4, &ffi_type_uint32},
  {"int64", K_SINT, 8, &ffi_type_sint64},
  {"uint64", K_UINT, 8, &ffi_type_uint64},
  {"int", K_SINT, sizeof(int), &ffi_type_sint},
  {"uint", K_UINT, sizeof(unsigned), &ffi_type_uint},
  {"long", K_SINT, sizeof(long), &ffi_type_slong},
  {"ulong", K_UINT, sizeof(unsigned long), &ffi_type_ulong},
  {"size_t", K_UINT, sizeof(size_t), &ffi_type_ulong},
  {"ssize_t", K_SINT, sizeof(long), &ffi_type_slong},
  {"float", K_FLOAT, 0, &ffi_type_float},
  {"double", K_DOUBLE, 0, &ffi_type_double},
  {"pointer", K_PTR, 0, &ffi_type_pointer},
  {"string", K_STR, 0, &ffi_type_pointer},
  {"...", K_VARARGS, 0, NULL},
  {NULL, 0, 0, NULL}
};
_Static_assert(sizeof(size_t) == sizeof(unsigned long), "size_t is unsigned long");

static int ctype_find(const char *name) {
  for (int j = 0; ctypes[j].name; j++)
    if (strcmp(ctypes[j].name, name) == 0) return j;
  return -1;
}

/* a C function's signature */
typedef struct CFunc {
  void *fn;
  ffi_cif cif;              /* prepared once (fixed arity) */
  uint8_t ret;              /* index in ctypes */
  uint8_t nfixed;
  uint8_t variadic;
  uint8_t args[FFI_MAXFIXED];
  ffi_type *atypes[FFI_MAXFIXED];
  char name[64];
} CFunc;

typedef union CArg {
  int8_t i8; uint8_t u8; int16_t i16; uint16_t u16;
  int32_t i32; uint32_t u32; int64_t i64; uint64_t u64;
  float f; double d; void *p;
} CArg;

/* -------------------------------------------------------------- userdata */

static void pushmeta(lu_State *L, const char *name);

static void *testud(lu_State *L, int idx, const void *tag) {
  Value *v = lu_index2value(L, idx);
  if (val_isudata(v) && val_udata(v)->tag == tag) return udata_mem(val_udata(v));
  return NULL;
}

static void *newud(lu_State *L, size_t sz, int nuv, const void *tag, const char *mt) {
  void *p = lu_newuserdatauv(L, sz, nuv);
  val_udata(lu_index2value(L, -1))->tag = tag;
  pushmeta(L, mt);
  lu_setmetatable(L, -2);
  return p;
}

typedef struct Lib { void *h; } Lib;

static void lib_release(void *mem) {
  Lib *l = mem;
  if (l->h) dlclose(l->h);
  l->h = NULL;
}

/* ------------------------------------------------------------------- calls */

static LU_NORETURN void badarg(lu_State *L, const CFunc *f, int i, const char *msg) {
  lu_errorf(L, "bad argument #%d to '%s' (%s)", i, f->name, msg);
}

static LU_NORETURN void badtype(lu_State *L, const CFunc *f, int i, const char *expected) {
  char msg[96];
  snprintf(msg, sizeof msg, "%s expected, got %s", expected,
           lu_type(L, i) == LU_TLIGHTUSERDATA ? "light userdata" : lu_typenameof(L, i));
  badarg(L, f, i, msg);
}

/* the integer argument i for a parameter of type ct */
static void intarg(lu_State *L, const CFunc *f, int i, const CType *ct, CArg *out) {
  Value *v = lu_index2value(L, i);
  lu_Int n;
  if (val_isint(v)) n = val_int(v);
  else if (val_isflt(v)) {
    if (!vm_flttoint(val_flt(v), &n, F2Ieq)) badarg(L, f, i, "number has no integer representation");
  } else if (val_isbigint(v)) {
    BigInt *b = val_bigint(v);
    if (!big_fitsint(b, &n)) {
      /* uint64 beyond the integers: 2^63 .. 2^64-1 */
      if (ct->kind == K_UINT && ct->size == 8 && mpz_sgn(b->z) > 0 && mpz_sizeinbase(b->z, 2) <= 64) {
        out->u64 = mpz_get_ui(b->z);
        return;
      }
      goto range;
    }
  } else badtype(L, f, i, "integer");
  if (ct->size < 8) {
    int bits = ct->size * 8;
    lu_Int lo = ct->kind == K_SINT ? -((lu_Int)1 << (bits - 1)) : 0;
    lu_Int hi = ct->kind == K_SINT ? ((lu_Int)1 << (bits - 1)) - 1 : ((lu_Int)1 << bits) - 1;
    if (n < lo || n > hi) goto range;
  }
  /* 64-bit unsigned: a negative integer is taken as its two's complement
   * (as Lua reads 0xffffffffffffffff as -1) */
  switch (ct->size) {
    case 1: if (ct->kind == K_SINT) out->i8 = (int8_t)n; else out->u8 = (uint8_t)n; break;
    case 2: if (ct->kind == K_SINT) out->i16 = (int16_t)n; else out->u16 = (uint16_t)n; break;
    case 4: if (ct->kind == K_SINT) out->i32 = (int32_t)n; else out->u32 = (uint32_t)n; break;
    default: out->i64 = n; break;
  }
  return;
range: {
    char msg[64];
    snprintf(msg, sizeof msg, "value out of range for %s", ct->name);
    badarg(L, f, i, msg);
  }
}

static void *ptrarg(lu_State *L, const CFunc *f, int i, bool isstr) {
  Value *v = lu_index2value(L, i);
  if (val_isnil(v)) return NULL;
  if (val_islud(v)) return val_lud(v);
  if (isstr && val_isstr(v)) return (void *)str_data(val_str(v));  /* '\0'-terminated */
  void *b = testud(L, i, &buf_tag);
  if (b) return b;
  badtype(L, f, i, isstr ? "string" : "pointer");
}

/* argument i for a parameter of type ctypes[t] */
static ffi_type *convarg(lu_State *L, const CFunc *f, int i, int t, CArg *out) {
  const CType *ct = &ctypes[t];
  switch (ct->kind) {
    case K_BOOL:
      if (!lu_isboolean(L, i)) badtype(L, f, i, "boolean");
      out->u8 = (uint8_t)lu_toboolean(L, i);
      break;
    case K_SINT: case K_UINT: intarg(L, f, i, ct, out); break;
    case K_FLOAT: case K_DOUBLE: {
      if (lu_type(L, i) != LU_TNUMBER) badtype(L, f, i, "number");
      lu_Num n = val_numval(lu_index2value(L, i));
      if (ct->kind == K_FLOAT) out->f = (float)n; else out->d = n;
      break;
    }
    case K_PTR: out->p = ptrarg(L, f, i, false); break;
    case K_STR: out->p = ptrarg(L, f, i, true); break;
    default: badarg(L, f, i, "bad parameter type");
  }
  return ct->ft;
}

/* a variadic argument: its C type follows from its Lua type (after C's
 * default promotions: integers as int64, floats as double) */
static ffi_type *vararg(lu_State *L, const CFunc *f, int i, CArg *out) {
  Value *v = lu_index2value(L, i);
  lu_Int n;
  switch (v->tt) {
    case T_INT: out->i64 = val_int(v); return &ffi_type_sint64;
    case T_FLT: out->d = val_flt(v); return &ffi_type_double;
    case T_FALSE: case T_TRUE: out->i32 = !val_isfalsy(v); return &ffi_type_sint32;
    case T_NIL: out->p = NULL; return &ffi_type_pointer;
    case T_LUD: out->p = val_lud(v); return &ffi_type_pointer;
    case T_STR: out->p = (void *)str_data(val_str(v)); return &ffi_type_pointer;
    case T_BIGINT:
      if (big_fitsint(val_bigint(v), &n)) { out->i64 = n; return &ffi_type_sint64; }
      badarg(L, f, i, "value out of range for int64");
    default: {
      void *b = testud(L, i, &buf_tag);
      if (b) { out->p = b; return &ffi_type_pointer; }
      badtype(L, f, i, "number, string, boolean or pointer");
    }
  }
}

static int cfunc_call(lu_State *L) {
  CFunc *f = testud(L, lu_upvalueindex(1), &func_tag);
  int nargs = lu_gettop(L);
  if (nargs < f->nfixed || (!f->variadic && nargs > f->nfixed))
    lu_errorf(L, "wrong number of arguments to '%s' (%s%d expected, got %d)", f->name,
              f->variadic ? "at least " : "", f->nfixed, nargs);
  if (nargs > FFI_MAXARGS) lu_errorf(L, "too many arguments to '%s'", f->name);
  CArg vals[FFI_MAXARGS];
  void *avalues[FFI_MAXARGS];
  ffi_type *types[FFI_MAXARGS];
  for (int j = 0; j < nargs; j++) {
    types[j] = j < f->nfixed ? convarg(L, f, j + 1, f->args[j], &vals[j]) : vararg(L, f, j + 1, &vals[j]);
    avalues[j] = &vals[j];
  }
  ffi_cif *cif = &f->cif;
  ffi_cif vcif;
  if (f->variadic) {
    if (ffi_prep_cif_var(&vcif, FFI_DEFAULT_ABI, f->nfixed, (unsigned)nargs, ctypes[f->ret].ft, types) != FFI_OK)
      lu_errorf(L, "cannot call '%s' with these arguments", f->name);
    cif = &vcif;
  }
  union { ffi_arg a; ffi_sarg s; float f; double d; void *p; uint64_t u; } rv;
  memset(&rv, 0, sizeof rv);
  lu_charge(L, FFI_CALLCOST);
  ffi_call(cif, FFI_FN(f->fn), &rv, avalues);
  const CType *rt = &ctypes[f->ret];
  switch (rt->kind) {
    case K_VOID: return 0;
    case K_BOOL: lu_pushboolean(L, (uint8_t)rv.a != 0); break;
    case K_SINT:
      switch (rt->size) {
        case 1: lu_pushinteger(L, (int8_t)rv.s); break;
        case 2: lu_pushinteger(L, (int16_t)rv.s); break;
        case 4: lu_pushinteger(L, (int32_t)rv.s); break;
        default: lu_pushinteger(L, (lu_Int)rv.u); break;
      }
      break;
    case K_UINT:
      switch (rt->size) {
        case 1: lu_pushinteger(L, (uint8_t)rv.a); break;
        case 2: lu_pushinteger(L, (uint16_t)rv.a); break;
        case 4: lu_pushinteger(L, (uint32_t)rv.a); break;
        default: lu_pushinteger(L, (lu_Int)rv.u); break;     /* wraps past 2^63, as Lua integers do */
      }
      break;
    case K_FLOAT: lu_pushnumber(L, rv.f); break;
    case K_DOUBLE: lu_pushnumber(L, rv.d); break;
    case K_PTR: lu_pushlightuserdata(L, rv.p); break;
    case K_STR: if (rv.p) lu_pushstring(L, rv.p); else lu_pushnil(L); break;
  }
  return 1;
}

/* ----------------------------------------------------------------- library */

/* ffi.open([path]): a library handle, or nil and the loader's message */
static int f_open(lu_State *L) {
  const char *path = lu_isnoneornil(L, 1) ? NULL : lu_checkstring(L, 1);
  Lib *l = newud(L, sizeof(Lib), 0, &lib_tag, LIBMT);
  l->h = NULL;
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (h == NULL) {
    const char *e = dlerror();
    lu_pushnil(L);
    lu_pushstring(L, e ? e : "cannot open the library");
    return 2;
  }
  l->h = h;
  val_udata(lu_index2value(L, -1))->release = lib_release;
  return 1;
}

static int typearg(lu_State *L, int arg, const char *tn, const char *what) {
  int t = ctype_find(tn);
  if (t < 0) {
    const char *m = lu_pushfstring(L, "unknown %s type '%s'", what, tn);
    lu_argerror(L, arg, m);
  }
  return t;
}

/* lib:func(name, ret, {args}): a Lua function calling the C function, or
 * nil and a message when the library has no such symbol */
static int l_func(lu_State *L) {
  Lib *l = testud(L, 1, &lib_tag);
  if (l == NULL) lu_typeerror(L, 1, LIBMT);
  const char *name = lu_checkstring(L, 2);
  int ret = typearg(L, 3, lu_checkstring(L, 3), "return");
  if (ctypes[ret].kind == K_VARARGS) lu_argerror(L, 3, "'...' is not a return type");
  int n = 0;
  if (!lu_isnoneornil(L, 4)) {
    lu_checktype(L, 4, LU_TTABLE);
    n = (int)lu_rawlen(L, 4);
  }
  CFunc *f = newud(L, sizeof(CFunc), 1, &func_tag, FUNCMT);
  memset(f, 0, sizeof *f);
  snprintf(f->name, sizeof f->name, "%s", name);
  f->ret = (uint8_t)ret;
  for (int j = 1; j <= n; j++) {
    if (lu_rawgeti(L, 4, j) != LU_TSTRING) {
      const char *m = lu_pushfstring(L, "parameter %d: type name expected, got %s", j, lu_typenameof(L, -1));
      lu_argerror(L, 4, m);
    }
    int t = typearg(L, 4, lu_tostring(L, -1), "parameter");
    lu_pop(L, 1);
    if (ctypes[t].kind == K_VARARGS) {
      if (j != n) lu_argerror(L, 4, "'...' must be the last parameter");
      f->variadic = 1;
      break;
    }
    if (ctypes[t].kind == K_VOID) lu_argerror(L, 4, "'void' is not a parameter type");
    if (f->nfixed >= FFI_MAXFIXED) lu_argerror(L, 4, "too many parameters");
    f->args[f->nfixed] = (uint8_t)t;
    f->atypes[f->nfixed] = ctypes[t].ft;
    f->nfixed++;
  }
  if (f->variadic && f->nfixed == 0) lu_argerror(L, 4, "a variadic function needs a fixed parameter");
  if (l->h == NULL) return lu_errorf(L, "library is not open");
  dlerror();
  f->fn = dlsym(l->h, name);
  if (f->fn == NULL) {
    const char *e = dlerror();
    lu_pushnil(L);
    lu_pushstring(L, e ? e : "undefined symbol");
    return 2;
  }
  if (!f->variadic &&
      ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, f->nfixed, ctypes[ret].ft, f->atypes) != FFI_OK)
    return lu_errorf(L, "cannot prepare a call to '%s'", name);
  lu_pushvalue(L, 1);
  lu_setiuservalue(L, -2, 1);          /* the function keeps its library open */
  lu_pushcclosure(L, cfunc_call, 1);
  return 1;
}

/* ffi.alloc(n): n zeroed bytes */
static int f_alloc(lu_State *L) {
  lu_Int n = lu_checkinteger(L, 1);
  lu_argcheck(L, n >= 0 && n <= (lu_Int)1 << 40, 1, "size out of range");
  void *p = newud(L, (size_t)n, 0, &buf_tag, BUFMT);
  memset(p, 0, (size_t)n);
  return 1;
}

/* ffi.string(ptr [, len]): the bytes at ptr (up to the first '\0' without len) */
static int f_string(lu_State *L) {
  const char *p;
  size_t max = (size_t)-1;
  void *b = testud(L, 1, &buf_tag);
  if (b) {
    p = b;
    max = lu_rawlen(L, 1);
  } else if (lu_type(L, 1) == LU_TLIGHTUSERDATA) {
    p = lu_touserdata(L, 1);
    lu_argcheck(L, p != NULL, 1, "null pointer");
  } else {
    return lu_typeerror(L, 1, "pointer");
  }
  size_t len;
  if (lu_isnoneornil(L, 2)) {
    len = max == (size_t)-1 ? strlen(p) : strnlen(p, max);
  } else {
    lu_Int l = lu_checkinteger(L, 2);
    lu_argcheck(L, l >= 0 && (lu_Unsigned)l <= (lu_Unsigned)max, 2, "length out of range");
    len = (size_t)l;
  }
  lu_pushlstring(L, p, len);
  return 1;
}

static int buf_len(lu_State *L) {
  lu_pushinteger(L, (lu_Int)lu_rawlen(L, 1));
  return 1;
}

static int buf_tostring(lu_State *L) {
  lu_pushfstring(L, BUFMT " (%I bytes): %p", (lu_Int)lu_rawlen(L, 1), lu_touserdata(L, 1));
  return 1;
}

static int lib_tostring(lu_State *L) {
  lu_pushfstring(L, LIBMT ": %p", lu_touserdata(L, 1));
  return 1;
}

/* the metatables, in the registry (made on first use, so that ffi
 * functions work in any process they reach) */
static void pushmeta(lu_State *L, const char *name) {
  if (lu_rawgetfield(L, LU_REGISTRYINDEX, name) != LU_TNIL) return;
  lu_pop(L, 1);
  lu_newtable(L);
  lu_pushstring(L, name);
  lu_rawsetfield(L, -2, "__name");
  if (strcmp(name, BUFMT) == 0) {
    lu_pushcfunction(L, buf_len);
    lu_rawsetfield(L, -2, "__len");
    lu_pushcfunction(L, buf_tostring);
    lu_rawsetfield(L, -2, "__tostring");
  } else if (strcmp(name, LIBMT) == 0) {
    lu_newtable(L);
    lu_pushcfunction(L, l_func);
    lu_rawsetfield(L, -2, "func");
    lu_rawsetfield(L, -2, "__index");
    lu_pushcfunction(L, lib_tostring);
    lu_rawsetfield(L, -2, "__tostring");
  }
  lu_pushvalue(L, -1);
  lu_rawsetfield(L, LU_REGISTRYINDEX, name);
}

static const lu_Reg ffi_funcs[] = {
  {"open", f_open},
  {"alloc", f_alloc},
  {"string", f_string},
  {NULL, NULL}
};

int lu_open_ffi(lu_State *L) {
  lu_newlib(L, ffi_funcs);
  lu_pushlightuserdata(L, NULL);
  lu_rawsetfield(L, -2, "null");
  return 1;
}
