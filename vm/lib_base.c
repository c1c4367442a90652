/* lib_base.c — the basic functions (manual §6.1). */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include "api.h"
#include "lib.h"
#include "debug.h"
#include "do.h"
#include "func.h"
#include "gc.h"
#include "opcodes.h"
#include "str.h"
#include "table.h"
#include "vm.h"
#include "lbc.h"
#include "lazy.h"
#include "opcodes.h"

/* ------------------------------------------------------------------ print */

static void writestr(const char *s, size_t l) { fwrite(s, 1, l, stdout); }

static int print_step(lu_State *L, lu_Int i, lu_Int n);

static int print_k(lu_State *L, int status, intptr_t ctx) {
  (void)status;
  lu_Int i = (lu_Int)(ctx & 0xffffffff), n = (lu_Int)(ctx >> 32);
  size_t l;
  const char *s = lu_tolstring(L, -1, &l);
  if (s == NULL) return lu_errorf(L, "'__tostring' must return a string");
  if (i > 1) writestr("\t", 1);
  writestr(s, l);
  lu_pop(L, 1);
  return print_step(L, i + 1, n);
}

static int print_step(lu_State *L, lu_Int i, lu_Int n) {
  for (; i <= n; i++) {
    if (lu_getmetafield(L, (int)i, "__tostring") != LU_TNIL) {
      lu_pushvalue(L, (int)i);
      lu_noyield(L);
      return lu_callk(L, 1, 1, (intptr_t)(i | (n << 32)), print_k);
    }
    size_t l;
    const char *s = lu_tolstring_raw(L, (int)i, &l);
    if (i > 1) writestr("\t", 1);
    writestr(s, l);
    lu_pop(L, 1);
  }
  writestr("\n", 1);
  fflush(stdout);
  return 0;
}

static int b_print(lu_State *L) {
  return print_step(L, 1, lu_gettop(L));
}

/* --------------------------------------------------------------- tostring */

static int tostring_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  if (!lu_isstring(L, -1)) return lu_errorf(L, "'__tostring' must return a string");
  return 1;
}

/* tostring(v), usable as a continuation step by other C functions */
static int b_tostring(lu_State *L) {
  lu_checkany(L, 1);
  if (lu_getmetafield(L, 1, "__tostring") != LU_TNIL) {
    lu_pushvalue(L, 1);
    lu_noyield(L);
    return lu_callk(L, 1, 1, 0, tostring_k);
  }
  lu_tolstring_raw(L, 1, NULL);
  return 1;
}

static int b_type(lu_State *L) {
  int t = lu_type(L, 1);
  lu_argcheck(L, t != LU_TNONE, 1, "value expected");
  val_setstr(L->top, L->P->vm->typenames[t]);     /* an atom: no string to make */
  L->top++;
  return 1;
}

/* --------------------------------------------------------------- tonumber */

static const char *b_str2int(const char *s, int base, lu_Int *pn) {
  lu_Unsigned n = 0;
  int neg = 0;
  s += strspn(s, " \f\n\r\t\v");
  if (*s == '-') { s++; neg = 1; }
  else if (*s == '+') s++;
  if (!isalnum((unsigned char)*s)) return NULL;
  do {
    int digit = isdigit((unsigned char)*s) ? *s - '0' : (toupper((unsigned char)*s) - 'A') + 10;
    if (digit >= base) return NULL;
    n = n * (lu_Unsigned)base + (lu_Unsigned)digit;
    s++;
  } while (isalnum((unsigned char)*s));
  s += strspn(s, " \f\n\r\t\v");
  *pn = (lu_Int)(neg ? (0u - n) : n);
  return s;
}

static int b_tonumber(lu_State *L) {
  if (lu_isnoneornil(L, 2)) {
    if (lu_type(L, 1) == LU_TNUMBER) { lu_settop(L, 1); return 1; }
    size_t l;
    const char *s = lu_tolstring(L, 1, &l);
    Value v;
    if (s != NULL && lu_type(L, 1) == LU_TSTRING && vm_lstr2num(s, l, &v)) {
      lu_pushv(L, &v);
      return 1;
    }
    lu_checkany(L, 1);
  } else {
    size_t l;
    lu_Int base = lu_checkinteger(L, 2);
    lu_checktype(L, 1, LU_TSTRING);
    const char *s = lu_tolstring(L, 1, &l);
    lu_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
    lu_Int n;
    if (b_str2int(s, (int)base, &n) == s + l) {
      lu_pushinteger(L, n);
      return 1;
    }
  }
  lu_pushnil(L);
  return 1;
}

/* ---------------------------------------------------------------- raw ops */

static int b_rawequal(lu_State *L) {
  lu_checkany(L, 1);
  lu_checkany(L, 2);
  lu_pushboolean(L, lu_rawequal(L, 1, 2));
  return 1;
}

static int b_rawlen(lu_State *L) {
  int t = lu_type(L, 1);
  lu_argexpected(L, t == LU_TTABLE || t == LU_TSTRING, 1, "table or string");
  lu_pushinteger(L, (lu_Int)lu_rawlen(L, 1));
  return 1;
}

static int b_rawget(lu_State *L) {
  lu_checktype(L, 1, LU_TTABLE);
  lu_checkany(L, 2);
  lu_settop(L, 2);
  lu_rawget(L, 1);
  return 1;
}

static int b_rawset(lu_State *L) {
  lu_checktype(L, 1, LU_TTABLE);
  lu_checkany(L, 2);
  lu_checkany(L, 3);
  lu_settop(L, 3);
  lu_rawset(L, 1);
  return 1;
}

/* ------------------------------------------------------------ metatables */

static int b_getmetatable(lu_State *L) {
  lu_checkany(L, 1);
  if (!lu_getmetatable(L, 1)) { lu_pushnil(L); return 1; }
  lu_getmetafield(L, 1, "__metatable");
  return 1;
}

static int b_setmetatable(lu_State *L) {  /* (finalizers: lu_setmetatable) */
  int t = lu_type(L, 2);
  lu_checktype(L, 1, LU_TTABLE);
  lu_argexpected(L, t == LU_TNIL || t == LU_TTABLE, 2, "nil or table");
  if (lu_getmetafield(L, 1, "__metatable") != LU_TNIL)
    return lu_errorf(L, "cannot change a protected metatable");
  lu_settop(L, 2);
  lu_setmetatable(L, 1);
  return 1;
}

/* ---------------------------------------------------------------- next etc */

static int b_next(lu_State *L) {
  lu_checktype(L, 1, LU_TTABLE);
  lu_settop(L, 2);
  if (lu_next(L, 1)) return 2;
  lu_pushnil(L);
  return 1;
}

static int pairs_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  return 3;
}

static int b_pairs(lu_State *L) {
  lu_checkany(L, 1);
  if (lu_getmetafield(L, 1, "__pairs") == LU_TNIL) {
    lu_pushcfunction(L, b_next);
    lu_pushvalue(L, 1);
    lu_pushnil(L);
    return 3;
  }
  lu_pushvalue(L, 1);
  return lu_callk(L, 1, 3, 0, pairs_k);
}

static int ipairs_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  return lu_gettop(L);
}

static int ipairs_aux(lu_State *L) {
  lu_Int i = lu_checkinteger(L, 2);
  i = (lu_Int)((lu_Unsigned)i + 1u);
  Value *t = lu_index2value(L, 1);
  if (val_istable(t) && val_table(t)->metatable == NULL) {
    const Value *v = tab_getint(val_table(t), i);
    if (val_isnil(v)) { lu_pushnil(L); return 1; }
    lu_pushinteger(L, i);
    lu_pushv(L, v);
    return 2;
  }
  /* metamethods may apply: the Lua version does t[i], called (not tail
   * called) so that this frame says the __index cannot yield, as in lua5.4 */
  lu_settop(L, 2);
  Table *lib = lib_lualib(L);
  lu_pushv(L, tab_getstr(lib, str_newz(L->P, "ipairs_aux")));
  lu_insert(L, 1);
  L->ci->callstatus |= CIST_HELPER;
  lu_noyield(L);
  return lu_callk(L, 2, LU_MULTRET, 0, ipairs_k);
}

static int b_ipairs(lu_State *L) {
  lu_checkany(L, 1);
  lu_pushcfunction(L, ipairs_aux);
  lu_pushvalue(L, 1);
  lu_pushinteger(L, 0);
  return 3;
}

static int b_select(lu_State *L) {
  int n = lu_gettop(L);
  if (lu_type(L, 1) == LU_TSTRING && *lu_tostring(L, 1) == '#') {
    lu_pushinteger(L, n - 1);
    return 1;
  }
  lu_Int i = lu_checkinteger(L, 1);
  if (i < 0) i = n + i;
  else if (i > n) i = n;
  lu_argcheck(L, 1 <= i, 1, "index out of range");
  return n - (int)i;
}

/* ---------------------------------------------------------------- errors */

static int b_error(lu_State *L) {
  lu_Int level = lu_optinteger(L, 2, 1);
  lu_settop(L, 1);
  if (lu_type(L, 1) == LU_TSTRING && level > 0) {
    lu_where(L, (int)level);
    lu_pushvalue(L, 1);
    size_t l1, l2;
    const char *a = lu_tolstring(L, -2, &l1);
    const char *b = lu_tolstring(L, -1, &l2);
    lu_Buffer B;
    lu_buffinit(L, &B);
    lu_addlstring(&B, a, l1);
    lu_addlstring(&B, b, l2);
    lu_pushresult(&B);
  }
  return lu_error(L);
}

static int b_assert(lu_State *L) {
  if (lu_likely(lu_toboolean(L, 1))) return lu_gettop(L);
  lu_checkany(L, 1);
  lu_remove(L, 1);
  lu_pushstring(L, "assertion failed!");
  lu_settop(L, 1);
  return b_error(L);
}

static int pcall_k(lu_State *L, int status, intptr_t extra) {
  if (status != LU_OK) {
    lu_pushboolean(L, 0);
    lu_pushvalue(L, -2);
    return 2;
  }
  return lu_gettop(L) - (int)extra;
}

static int b_pcall(lu_State *L) {
  lu_checkany(L, 1);
  lu_pushboolean(L, 1);
  lu_insert(L, 1);
  return lu_pcallk(L, lu_gettop(L) - 2, LU_MULTRET, 0, pcall_k);
}

static int b_xpcall(lu_State *L) {
  int n = lu_gettop(L);
  lu_checktype(L, 2, LU_TFUNCTION);
  /* stack: f, msgh, args...  ->  f, msgh, true, f, args... */
  lu_pushboolean(L, 1);
  lu_pushvalue(L, 1);
  lu_rotate(L, 3, 2);
  int r = lu_pcallk(L, n - 2, LU_MULTRET, 2, pcall_k);
  L->ci->callstatus |= CIST_XPCALL | CIST_XPFRAME;    /* the handler is at index 2 */
  return r;
}

/* ------------------------------------------------------------------- load */

static int checkmode(lu_State *L, const char *mode, const char *x) {
  if (mode && strchr(mode, x[0]) == NULL) {
    lu_pushfstring(L, "attempt to load a %s chunk (mode is '%s')", x, mode);
    return 0;
  }
  return 1;
}

/* Compile src and push the closure (upvalue 1 = env at index envidx, or the
 * globals when envidx == 0); on failure push nil and the message. */
static int load_aux(lu_State *L, const char *src, size_t len, const char *chunkname,
                    const char *mode, int envidx) {
  Proc *P = L->P;
  Proto *p;
  if (len > 0 && src[0] == '\x1b') {
    if (P->vm->sandbox) mode = "t";          /* lurel --sandbox: text chunks only */
    if (!checkmode(L, mode, "binary")) goto fail;
    char err[256];
    p = lbc_undump(P->vm, src, len, chunkname, err, sizeof err);
    if (p == NULL) { lu_pushstring(L, err); goto fail; }
  } else {
    if (!checkmode(L, mode, "text")) goto fail;
    char *err = NULL;
    if (P->vm->compile == NULL) { lu_pushstring(L, "no compiler available"); goto fail; }
    p = P->vm->compile(P->vm, src, len, chunkname, &err);
    if (p == NULL) {
      lu_pushstring(L, err ? err : "syntax error");
      free(err);
      goto fail;
    }
  }
  {
    LClosure *cl = lcl_new(P, p->sizeupvalues);
    cl->p = p;                 /* the closure takes the compiler's reference */
    P->totalbytes += 0;
    Value v;
    val_setlcl(&v, cl);
    lu_pushv(L, &v);
    lcl_initupvals(P, cl);
    if (cl->nupvalues >= 1) {
      if (envidx) val_copy(cl->upvals[0]->v, lu_index2value(L, envidx));
      else val_settable(cl->upvals[0]->v, proc_globals(P));
    }
    return 1;
  }
fail:
  lu_pushnil(L);
  lu_insert(L, -2);
  return 2;
}

/* load(chunk [, chunkname [, mode [, env]]]) */
static int load_finish(lu_State *L, int status, intptr_t ctx);

static int load_reader_k(lu_State *L, int status, intptr_t ctx) {
  /* stack: 1 chunk(fn) 2 name 3 mode 4 env 5 pieces-table, 6 result */
  if (status != LU_OK) {
    /* an error in the reader: load returns nil and the error */
    lu_pushnil(L);
    lu_insert(L, -2);
    return 2;
  }
  int t = lu_type(L, -1);
  if (t == LU_TNIL || (t == LU_TSTRING && lu_rawlen(L, -1) == 0)) {
    lu_pop(L, 1);
    return load_finish(L, 0, ctx);
  }
  if (t != LU_TSTRING && t != LU_TNUMBER) {
    lu_pop(L, 1);
    lu_pushnil(L);
    char where[LU_IDSIZE + 32];  /* lua5.4 raises it at the caller of load */
    dbg_where(L, 1, where, sizeof where);
    lu_pushfstring(L, "%sreader function must return a string", where);
    return 2;
  }
  lu_tolstring(L, -1, NULL);
  lu_rawseti(L, 5, (lu_Int)lu_rawlen(L, 5) + 1);
  lu_pushvalue(L, 1);
  return lu_pcallk(L, 0, 1, ctx, load_reader_k);
}

static int load_finish(lu_State *L, int status, intptr_t ctx) {
  (void)status;
  int hasenv = (int)ctx;
  /* join the pieces */
  lu_Buffer b;
  lu_buffinit(L, &b);
  size_t n = lu_rawlen(L, 5);
  for (size_t j = 1; j <= n; j++) {
    lu_rawgeti(L, 5, (lu_Int)j);
    lu_addvalue(&b);
  }
  lu_pushresult(&b);
  size_t len;
  const char *src = lu_tolstring(L, -1, &len);
  const char *chunkname = lu_optstring(L, 2, "=(load)");
  const char *mode = lu_optstring(L, 3, "bt");
  return load_aux(L, src, len, chunkname, mode, hasenv ? 4 : 0);
}

static int b_load(lu_State *L) {
  size_t l;
  const char *s = lu_tolstring(L, 1, &l);
  const char *mode = lu_optstring(L, 3, "bt");
  int hasenv = !lu_isnone(L, 4);
  if (s != NULL) {
    const char *chunkname = lu_optstring(L, 2, s);
    return load_aux(L, s, l, chunkname, mode, hasenv ? 4 : 0);
  }
  lu_checktype(L, 1, LU_TFUNCTION);
  lu_optstring(L, 2, "=(load)");
  lu_settop(L, 4);
  lu_newtable(L);               /* 5: pieces */
  lu_pushvalue(L, 1);
  lu_noyield(L);
  return lu_pcallk(L, 0, 1, hasenv, load_reader_k);
}

/* Read a whole file (NULL name = stdin) into a pushed string, skipping a
 * UTF-8 byte order mark and then a first line starting with '#'.  Returns 0 and pushes a message on error. */
static int readfile(lu_State *L, const char *fname) {
  FILE *f = fname ? fopen(fname, "rb") : stdin;
  if (f == NULL) {
    lu_pushfstring(L, "cannot open %s: %s", fname, strerror(errno));
    return 0;
  }
  lu_Buffer b;
  lu_buffinit(L, &b);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) lu_addlstring(&b, buf, n);
  int err = ferror(f) ? errno : 0;
  if (fname) fclose(f);
  if (err) {
    lu_pushfstring(L, "cannot read %s: %s", fname ? fname : "stdin", strerror(err));
    return 0;
  }
  lu_pushresult(&b);
  size_t len;
  const char *s = lu_tolstring(L, -1, &len);
  size_t k = 0;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) k = 3;   /* a UTF-8 BOM */
  if (k < len && s[k] == '#') {
    /* keep the line break so that line numbers stay right */
    while (k < len && s[k] != '\n') k++;
  }
  if (k > 0) {
    lu_pushlstring(L, s + k, len - k);
    lu_remove(L, -2);
  }
  return 1;
}

int lib_loadfile(lu_State *L, const char *fname, const char *mode, int envidx) {
  if (!readfile(L, fname)) {
    lu_pushnil(L);
    lu_insert(L, -2);
    return 2;
  }
  size_t len;
  const char *src = lu_tolstring(L, -1, &len);
  const char *chunkname = fname ? lu_pushfstring(L, "@%s", fname) : lu_pushstring(L, "=stdin");
  int r = load_aux(L, src, len, chunkname, mode, envidx);
  /* results are on top; drop the source and name below them */
  lu_remove(L, -(r + 1));
  lu_remove(L, -(r + 1));
  return r;
}

static int b_loadfile(lu_State *L) {
  const char *fname = lu_optstring(L, 1, NULL);
  const char *mode = lu_optstring(L, 2, "bt");
  int env = !lu_isnone(L, 3) ? 3 : 0;
  return lib_loadfile(L, fname, mode, env);
}

static int b_dofile(lu_State *L) {
  const char *fname = lu_optstring(L, 1, NULL);
  lu_settop(L, 1);
  if (lib_loadfile(L, fname, "bt", 0) != 1) return lu_error(L);
  return lu_tailcall(L, 0);
}

/* --------------------------------------------------------- collectgarbage */

/* Call the pending __gc finalizers, one protected call each; an error in
 * one is a warning ("error in __gc (...)"), as in lua5.4. */
static int gcfin_k(lu_State *L, int status, intptr_t ctx);

static int gcfin_next(lu_State *L) {
  Proc *P = L->P;
  GCObj *o;
  while ((o = gc_nextfinalize(P)) != NULL) {
    Value ov;
    val_setgc(&ov, o, o->tt);
    Table *mt = (o->tt == T_TABLE) ? ((Table *)o)->metatable : (o->tt == T_UDATA) ? ((Udata *)o)->metatable : NULL;
    const Value *f = mt ? tm_get(P, mt, TM_GC) : NULL;
    if (f == NULL || val_isnil(f)) continue;
    if (!val_isfunc(f) && tm_getbyobj(P, f, TM_CALL) == NULL) {
      /* lua5.4 calls any __gc value: the failed call is a warning */
      if (P->warn_on) {
        fprintf(stderr, "Lua warning: error in __gc (attempt to call a %s value (metamethod '__gc'))\n",
                tm_objtypename(P, f));
        fflush(stderr);
      }
      continue;
    }
    lu_settop(L, 0);
    lu_pushv(L, f);
    lu_pushv(L, &ov);
    L->nny++;                   /* as in lua5.4, a finalizer cannot yield */
    return lu_pcallk(L, 1, 0, 0, gcfin_k);
  }
  P->finrunning = 0;
  lu_settop(L, 0);
  return 0;
}

static int gcfin_k(lu_State *L, int status, intptr_t ctx) {
  (void)ctx;
  L->nny--;
  if (status != LU_OK && L->P->warn_on) {
    const char *m = lu_type(L, -1) == LU_TSTRING ? lu_tostring(L, -1) : "error object is not a string";
    fprintf(stderr, "Lua warning: error in __gc (%s)\n", m);
    fflush(stderr);
  }
  return gcfin_next(L);
}

int lib_gcfinalizers(lu_State *L) {
  L->P->finrunning = 1;
  return gcfin_next(L);
}

static int collect_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  lu_pushinteger(L, 0);
  return 1;
}

/* lua5.4 keeps these parameters in a byte, as a quarter of the value */
static uint16_t gcparam(lu_Int v) { return (uint16_t)((uint8_t)(v / 4) * 4); }
static uint8_t gcparam4(lu_Int v) { return (uint8_t)(v / 4); }   /* as lua5.4 keeps it */

static int b_collectgarbage(lu_State *L) {
  static const char *const opts[] = { "stop", "restart", "collect", "count", "step",
    "setpause", "setstepmul", "isrunning", "generational", "incremental", NULL };
  Proc *P = L->P;
  int o = lu_checkoption(L, 1, "collect", opts);
  lu_Int a2 = 0, a3 = 0;
  if (o == 4 || o == 5 || o == 6 || o == 8 || o == 9) a2 = lu_optinteger(L, 2, 0);
  if (o == 8 || o == 9) a3 = lu_optinteger(L, 3, 0);
  if (o == 9) (void)lu_optinteger(L, 4, 0);
  if (P->finrunning) {
    /* as lua5.4: every option fails inside a finalizer */
    lu_pushnil(L);
    return 1;
  }
  switch (o) {
    case 0: P->gcstopped = 1; lu_pushinteger(L, 0); return 1;
    case 1: P->gcstopped = 0; P->gcthreshold = P->totalbytes; lu_pushinteger(L, 0); return 1;
    case 2: case 4:
      /* safe here: everything live is below this C frame's top */
      gc_fullcollect(P);
      /* "step" says whether it finished a cycle: a full collection did,
       * but in generational mode lua5.4's steps never say so */
      if (o == 2) lu_pushinteger(L, 0); else lu_pushboolean(L, !P->gcgen);
      if (gc_pendingfin(P) && !P->finrunning) {
        /* the finalizers run before collectgarbage returns */
        lu_pushcfunction(L, lib_gcfinalizers);
        lu_noyield(L);
        return lu_callk(L, 0, 0, 0, collect_k);
      }
      return 1;
    case 3: {
      lu_pushnumber(L, (lu_Num)P->totalbytes / 1024.0);
      return 1;
    }
    case 5: {
      lu_pushinteger(L, P->gcpause4 * 4);
      P->gcpause4 = gcparam4(a2);
      return 1;
    }
    case 6:
      lu_pushinteger(L, P->ex && P->ex->gcstepmul ? P->ex->gcstepmul : 100);
      proc_extra(P)->gcstepmul = gcparam(a2);
      return 1;
    case 7: lu_pushboolean(L, !P->gcstopped); return 1;
    case 8: case 9:
      lu_pushstring(L, P->gcgen ? "generational" : "incremental");
      if (o == 9) {
        if (a2 != 0) P->gcpause4 = gcparam4(a2);
        if (a3 != 0) proc_extra(P)->gcstepmul = gcparam(a3);
      }
      P->gcgen = (o == 8);
      return 1;
  }
  return 0;
}

static int b_warn(lu_State *L) {
  int n = lu_gettop(L);
  lu_checkstring(L, 1);
  for (int j = 2; j <= n; j++) lu_checkstring(L, j);
  const char *m = lu_tostring(L, 1);
  if (n == 1 && m[0] == '@') {
    if (strcmp(m, "@on") == 0) L->P->warn_on = 1;
    else if (strcmp(m, "@off") == 0) L->P->warn_on = 0;
    return 0;
  }
  if (!L->P->warn_on) return 0;
  fputs("Lua warning: ", stderr);
  for (int j = 1; j <= n; j++) fputs(lu_tostring(L, j), stderr);
  fputs("\n", stderr);
  fflush(stderr);
  return 0;
}

static const lu_Reg base_funcs[] = {
  {"assert", b_assert},
  {"collectgarbage", b_collectgarbage},
  {"dofile", b_dofile},
  {"error", b_error},
  {"getmetatable", b_getmetatable},
  {"ipairs", b_ipairs},
  {"loadfile", b_loadfile},
  {"load", b_load},
  {"next", b_next},
  {"pairs", b_pairs},
  {"pcall", b_pcall},
  {"print", b_print},
  {"warn", b_warn},
  {"rawequal", b_rawequal},
  {"rawlen", b_rawlen},
  {"rawget", b_rawget},
  {"rawset", b_rawset},
  {"select", b_select},
  {"setmetatable", b_setmetatable},
  {"tonumber", b_tonumber},
  {"tostring", b_tostring},
  {"type", b_type},
  {"xpcall", b_xpcall},
  {NULL, NULL}
};


/* ------------------------------------------------------- the Lua library
 * stdlib/lualib/NAME.lua, compiled to bytecode at build time, is loaded once
 * per VM and run once per process (on the scratch thread, lazy.c): it only
 * defines functions, returned in a table kept in the process's registry. */

static const char *const LUALIB_KEY = "_LURELLIB";

static void lualib_hide(VM *vm, Proto *p) {
  free(p->lineinfo);
  p->lineinfo = NULL;
  p->stripped = 1;
  p->source = atom_newz(vm, "=[C]");
  for (int j = 0; j < p->sizep; j++) lualib_hide(vm, p->p[j]);
}

Table *lib_lualib(lu_State *L) {
  Proc *P = L->P;
  VM *vm = P->vm;
  Table *reg = val_table(proc_registry(P));
  String *key = str_newz(P, LUALIB_KEY);
  const Value *v = tab_getstr(reg, key);
  if (val_istable(v)) return val_table(v);
  if (vm->lualib == NULL) {
    char err[256];
    if (lurel_lualib == NULL) lu_errorf(L, "internal: no Lua library in this build");
    vm->lualib = lbc_undump(vm, lurel_lualib, lurel_lualib_len, "=[lurel]", err, sizeof err);
    if (vm->lualib == NULL) lu_errorf(L, "internal: cannot load the Lua library: %s", err);
    /* its functions stand in for C functions: in messages and tracebacks
     * they show as "[C]" without line numbers, as lua5.4's would */
    lualib_hide(vm, vm->lualib);
  }
  /* a private environment of fresh builtins, never the user's globals */
  Table *env = tab_new(P);
  Value ev;
  val_settable(&ev, env);
  tab_setstr(L, reg, key, &ev);          /* anchored while the chunk runs */
  for (const lu_Reg *r = base_funcs; r->name; r++) {
    Value f;
    val_setlcf(&f, r->func);
    tab_setstr(L, env, str_newz(P, r->name), &f);
  }
  for (const lu_Reg *r = lib_processprims(); r->name; r++) {
    Value f;
    val_setlcf(&f, r->func);
    tab_setstr(L, env, str_newz(P, r->name), &f);
  }
  Value res;
  if (!lazy_runchunk(L, vm->lualib, env, &res) || !val_istable(&res)) {
    Value nil;
    val_setnil(&nil);
    tab_setstr(L, reg, key, &nil);
    lu_errorf(L, "internal: the Lua library did not load");
  }
  tab_setstr(L, reg, key, &res);
  return val_table(&res);
}

void lib_lualibfunc(lu_State *L, const char *name, Value *out) {
  Table *lib = lib_lualib(L);
  const Value *f = tab_getstr(lib, str_newz(L->P, name));
  if (!val_isfunc(f)) lu_errorf(L, "internal: no Lua library function '%s'", name);
  val_copy(out, f);
}

/* no instruction of p reads or writes an upvalue (a primitive's _ENV,
 * which the compiler gives it, is never used: intrinsics only) */
static bool proto_noupvals(const Proto *p) {
  if (p->sizep != 0) return false;
  for (int pc = 0; pc < p->sizecode; pc += op_words(GET_OP(p->code[pc]))) {
    const OpInfo *o = &op_info[GET_OP(p->code[pc])];
    if (o->ka == OK_U || o->kb == OK_U || o->kc == OK_U) return false;
  }
  return true;
}

/* Primitive functions (stdlib/prims/NAME.lua: "return function ... end",
 * compiled with intrinsics, using no globals).  The inner prototype uses no
 * upvalue, so one closure of it with no upvalues serves every process: it
 * is immutable (nothing in a Lua closure without upvalues can change), so
 * it is made once per VM, GC_SHARED like an atom, and a process that calls
 * process.receive pays nothing for it.  (SMP: made before the schedulers
 * start, or under the VM lock, like vm->prims.) */
bool lib_prim(lu_State *L, const char *name, Value *out) {
  Proc *P = L->P;
  VM *vm = P->vm;
  int j = 0;
  while (lurel_prims[j].name && strcmp(lurel_prims[j].name, name) != 0) j++;
  if (lurel_prims[j].name == NULL || j >= 8) return false;
  if (vm->primcl[j] == NULL) {
    char err[256];
    Proto *p = lbc_undump(vm, lurel_prims[j].data, lurel_prims[j].len, "=[C]", err, sizeof err);
    if (p == NULL) lu_errorf(L, "internal: cannot load primitive '%s': %s", name, err);
    lualib_hide(vm, p);
    if (p->sizep != 1 || !proto_noupvals(p->p[0])) {
      proto_decref(p);
      lu_errorf(L, "internal: bad primitive '%s'", name);
    }
    Proto *fp = p->p[0];
    fp->sizeupvalues = 0;        /* its unused _ENV: the closure has none */
    fp->recvprim = strcmp(name, "receive") == 0;   /* interp.c: the inline receive */
    LClosure *cl = malloc(sizeof(LClosure));
    if (cl == NULL) { proto_decref(p); mem_error(P); }
    cl->next = NULL;
    cl->tt = T_LCL;
    cl->marked = GC_SHARED;
    cl->nupvalues = 0;
    cl->gclist = NULL;
    cl->p = fp;
    proto_incref(fp);
    vm->prims[j] = p;
    vm->primcl[j] = cl;
  }
  val_setlcl(out, vm->primcl[j]);
  return true;
}

/* Tail-call Lua library function 'name' with all arguments of the current
 * C function. */
int lib_calllualib(lu_State *L, const char *name) {
  Table *lib = lib_lualib(L);
  const Value *f = tab_getstr(lib, str_newz(L->P, name));
  if (!val_isfunc(f)) return lu_errorf(L, "internal: no Lua library function '%s'", name);
  lu_pushv(L, f);
  lu_insert(L, 1);
  return lu_tailcall(L, lu_gettop(L) - 1);
}

/* --------------------------------------------------------- open all libs */

const lu_Reg *lib_basefuncs(void) { return base_funcs; }

/* The standard library of a process: nothing is built here; lazy.c makes
 * each entry on first use. */
void lu_openlibs(lu_State *L) {
  lazy_init(L->P);
}
