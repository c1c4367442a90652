/* lazy.c — library tables materialised on first use (see lazy.h). */
#include <string.h>
#include "lazy.h"
#include "api.h"
#include "lib.h"
#include "str.h"
#include "table.h"
#include "do.h"
#include "gc.h"
#include "func.h"
#include "lbc.h"
#include <stdio.h>

typedef struct { const char *name; int (*open)(lu_State *L); } LibDef;

/* in the order of the LIB_ enum */
static const LibDef libs[LIB_N] = {
  {"_G", NULL},
  {"process", lu_open_process},
  {"string", lu_open_string},
  {"table", lu_open_table},
  {"math", lu_open_math},
  {"coroutine", lu_open_coroutine},
  {"package", lu_open_package},
  {"debug", lu_open_debug},
  {"io", lu_open_io},
  {"os", lu_open_os},
  {"utf8", lu_open_utf8},
  {"bigint", lu_open_bigint},
  {"ffi", lu_open_ffi},
};

/* ---- the sandbox (lurel --sandbox): what a process never gets */
static bool lib_denied(VM *vm, int lib) {
  return vm->sandbox && (lib == LIB_IO || lib == LIB_FFI);
}

static bool inlist(const char *const *list, const char *name) {
  for (; *list; list++) if (strcmp(*list, name) == 0) return true;
  return false;
}

/* field 'name' of library 'lib' (LIB_G: a base function) */
static bool member_denied(VM *vm, int lib, const char *name) {
  static const char *const base[] = { "loadfile", "dofile", NULL };
  static const char *const os[] = { "execute", "exit", "getenv", "remove", "rename", "tmpname", NULL };
  static const char *const package[] = { "loadlib", "searchpath", NULL };
  if (!vm->sandbox) return false;
  switch (lib) {
    case LIB_G: return inlist(base, name);
    case LIB_OS: return inlist(os, name);
    case LIB_PACKAGE: return inlist(package, name);
    case LIB_DEBUG: return strcmp(name, "traceback") != 0;
    default: return false;
  }
}

static int nluamods(void) {
  int n = 0;
  while (lurel_lualibs[n].name && n < 16 && LIB_N + n < LIB_MAX) n++;
  return n;
}

const char *lazy_libname(int i) { return i < LIB_N ? libs[i].name : lurel_lualibs[i - LIB_N].name; }

void lazy_init(Proc *P) {
  (void)P;                     /* globals, package.loaded, the registry: made on first use */
}

Table *proc_globals(Proc *P) {
  if (P->globals == NULL) {
    Table *g = tab_new(P);
    g->marked |= GC_LAZY;
    P->globals = g;
  }
  return P->globals;
}

Table *proc_loaded(Proc *P) {
  ProcExtra *x = proc_extra(P);
  if (x->loaded == NULL) {
    Table *t = tab_new(P);
    t->marked |= GC_LAZY;
    x->loaded = t;
  }
  return x->loaded;
}

Value *proc_registry(Proc *P) {
  ProcExtra *x = proc_extra(P);
  if (val_isnil(&x->registry)) {
    /* [1] = main thread, [2] = globals, _LOADED = package.loaded, as in Lua */
    Table *reg = tab_new(P);
    val_settable(&x->registry, reg);
    Value v;
    val_setthread(&v, proc_mainthread(P));
    tab_setint(P->L, reg, 1, &v);
    val_settable(&v, proc_globals(P));
    tab_setint(P->L, reg, 2, &v);
    val_settable(&v, proc_loaded(P));
    tab_setstr(P->L, reg, str_newz(P, "_LOADED"), &v);
  }
  return &x->registry;
}

int lazy_whichlib(Proc *P, const Table *t) {
  if (t == P->globals) return LIB_G;
  if (t == proc_procinst(P)) return LIB_PROCESS;
  if (P->ex == NULL) return -1;
  for (int i = 1; i < P->ex->nlibinst; i++)
    if (P->ex->libinst[i] == t) return i;
  return -1;
}

/* instances live in a small array, grown to the highest library used;
 * the process library's, which nearly every process has, in its block
 * (ProcBlock); the array is in ProcExtra */
Table *lazy_libinst(lu_State *L, int i) {
  Proc *P = L->P;
  if (i == LIB_G) return proc_globals(P);
  if (i == LIB_PROCESS) {
    Table *t = proc_procinst(P);
    if (t == NULL) {
      t = &proc_block(P)->procinst;
      tab_initinblock(P, t, &proc_block(P)->procnode);
      t->marked |= GC_LAZY;
    }
    return t;
  }
  ProcExtra *x = proc_extra(P);
  if (i >= x->nlibinst) {
    int n = i + 1;
    x->libinst = mem_realloc(P, x->libinst, (size_t)x->nlibinst * sizeof(Table *), (size_t)n * sizeof(Table *));
    for (int j = x->nlibinst; j < n; j++) x->libinst[j] = NULL;
    x->nlibinst = n;
  }
  if (x->libinst[i] == NULL) {
    Table *t = tab_new(P);
    t->marked |= GC_LAZY;
    x->libinst[i] = t;
    if (i == LIB_BIGINT) {
      /* bigint(x): callable from the start, before it is filled */
      Table *mt = tab_new(P);
      t->metatable = mt;
      Value f;
      val_setlcf(&f, lu_bigint_call);
      tab_setstr(L, mt, P->vm->tmname[TM_CALL], &f);
    }
  }
  return x->libinst[i];
}

static int libindex(const char *name) {
  for (int i = 0; i < LIB_N; i++)
    if (strcmp(libs[i].name, name) == 0) return i;
  int n = nluamods();
  for (int j = 0; j < n; j++)
    if (strcmp(lurel_lualibs[j].name, name) == 0) return LIB_N + j;
  return -1;
}

/* raw set that bypasses laziness (t may still be marked) */
static const Value *rawput(lu_State *L, Table *t, const char *k, const Value *v) {
  String *ks = str_newz(L->P, k);
  tab_setstr(L, t, ks, v);
  return tab_getstr(t, ks);
}

static const Value *putlib(lu_State *L, Table *t, const char *k, int lib) {
  Value v;
  val_settable(&v, lazy_libinst(L, lib));
  return rawput(L, t, k, &v);
}

/* the global "require": made by the package library */
static const Value *putrequire(lu_State *L, Table *g) {
  Table *pk = lazy_libinst(L, LIB_PACKAGE);
  if (tab_islazy(pk)) lazy_full(L, pk);
  const Value *req = tab_getstr(val_table(proc_registry(L->P)), str_newz(L->P, "_LUREL_REQUIRE"));
  return rawput(L, g, "require", req);
}

/* one entry of _G, if name is a standard one */
static const Value *globals_entry(lu_State *L, Table *g, const char *name) {
  if (member_denied(L->P->vm, LIB_G, name)) return VAL_ABSENT;
  const lu_Reg *bf = lib_basefuncs();
  for (; bf->name; bf++) {
    if (strcmp(bf->name, name) == 0) {
      Value v;
      val_setlcf(&v, bf->func);
      return rawput(L, g, name, &v);
    }
  }
  if (strcmp(name, "_G") == 0) {
    Value v;
    val_settable(&v, g);
    return rawput(L, g, name, &v);
  }
  if (strcmp(name, "_VERSION") == 0) {
    Value v;
    val_setstr(&v, str_newz(L->P, LUREL_LUA_VERSION));
    return rawput(L, g, name, &v);
  }
  if (strcmp(name, "require") == 0) return putrequire(L, g);
  int i = libindex(name);
  if (i > 0 && !lib_denied(L->P->vm, i)) return putlib(L, g, name, i);
  return VAL_ABSENT;
}

static const Value *loaded_entry(lu_State *L, Table *lt, const char *name) {
  int i = libindex(name);
  if (i >= 0 && !lib_denied(L->P->vm, i)) return putlib(L, lt, name, i);
  return VAL_ABSENT;
}

/* A thread to run library code on: the scratch thread, or a fresh one when
 * the scratch thread is busy (materialising one library can touch another:
 * a Lua library's chunk reads math.floor).  Callers hold pointers into
 * their own stacks (a key, a result slot), which must not move under them,
 * so library code never runs on a stack that is in use. */
static lu_State *scratch_get(Proc *P) {
  ProcExtra *x = proc_extra(P);
  if (x->scratch == NULL) {
    lu_State *S = thread_new(P);
    x->scratch = S;
  }
  if (!P->scratchbusy) {
    P->scratchbusy = 1;
    return x->scratch;
  }
  return thread_new(P);        /* garbage once done */
}

static void scratch_put(Proc *P, lu_State *S) {
  if (P->ex && S == P->ex->scratch) P->scratchbusy = 0;
}

/* Call the function pushed on S (with nargs arguments above it) in
 * protected mode, as P's running thread, its first result (or the error)
 * to *res; S goes back to oldtop/oldci and to the pool. */
static bool scratch_pcall(Proc *P, lu_State *S, int nargs, ptrdiff_t oldtop, CallInfo *oldci,
                          Value *res) {
  lu_State *saved = P->L;
  int32_t reds = P->reds;
  P->L = S;
  ptrdiff_t fo = savestack(S, S->top - nargs - 1);
  int st = do_pcall_sync(S, S->top - nargs - 1, 1);
  P->L = saved;
  P->reds = reds;
  Value *r = restorestack(S, fo);
  if (st == LU_OK) val_copy(res, r); else val_copy(res, &S->errval);
  S->ci = oldci;
  S->top = restorestack(S, oldtop);
  val_setnil(S->top);
  scratch_put(P, S);
  return st == LU_OK;
}

/* fill library instance t (of library i) from its opener */
/* a C closure whose upvalue is table from gets to table to instead */
static void retarget_upvalue(const Value *f, Table *from, Table *to) {
  if (!val_isccl(f)) return;
  CClosure *c = val_ccl(f);
  for (int j = 0; j < c->nupvalues; j++)
    if (val_istable(&c->upvalue[j]) && val_table(&c->upvalue[j]) == from)
      val_settable(&c->upvalue[j], to);
}

static void fill_library(lu_State *L, Table *t, int i) {
  Proc *P = L->P;
  lu_State *S = scratch_get(P);
  ptrdiff_t oldtop = savestack(S, S->top);     /* the stack may move */
  do_ccall(S, libs[i].open);
  Table *n = val_table(S->top - 1);
  Value kv[2];
  val_setnil(&kv[0]);
  while (tab_next(L, n, kv)) {
    if (val_isstr(&kv[0]) && member_denied(P->vm, i, str_data(val_str(&kv[0])))) continue;
    if (tab_get(t, &kv[0]) == VAL_ABSENT) tab_set(L, t, &kv[0], &kv[1]);
  }
  if (n->metatable && t->metatable == NULL) t->metatable = n->metatable;
  if (i == LIB_PACKAGE && P->vm->sandbox) {
    /* require finds preloaded and built-in modules only: no file searchers */
    const Value *s = tab_getstr(t, str_newz(P, "searchers"));
    if (val_istable(s)) {
      Value nil;
      val_setnil(&nil);
      for (lu_Int j = 2; j <= 4; j++) tab_setint(L, val_table(s), j, &nil);
    }
  }
  /* the string library points the string metatable at its table: it must
   * point at the instance */
  if (i == LIB_PROCESS && tab_getstr(t, str_newz(P, "receive")) == VAL_ABSENT) {
    Value f;
    if (lib_prim(L, "receive", &f)) tab_setstr(L, t, str_newz(P, "receive"), &f);
  }
  if (i == LIB_PACKAGE) {
    /* the searchers and require hold the package table as upvalue: it
     * must be the instance, or package.path set by the program is unseen */
    const Value *sv = tab_getstr(t, str_newz(P, "searchers"));
    if (val_istable(sv)) {
      Table *st = val_table(sv);
      for (lu_Int j = 1; j <= 8; j++) retarget_upvalue(tab_getint(st, j), n, t);
    }
    retarget_upvalue(tab_getstr(val_table(proc_registry(P)), str_newz(P, "_LUREL_REQUIRE")), n, t);
  }
  if (i == LIB_STRING && P->strmt) {
    Table *mt = P->strmt;
    const Value *ix = tab_getstr(mt, P->vm->tmname[TM_INDEX]);
    if (val_istable(ix) && val_table(ix) == n) {
      Value v;
      val_settable(&v, t);
      tab_setstr(L, mt, P->vm->tmname[TM_INDEX], &v);
    }
  }
  S->top = restorestack(S, oldtop);
  val_setnil(S->top);
  scratch_put(P, S);
}

/* The receiver's instance of module name (a message or a spawned closure
 * carried the sender's): package.loaded's, or require'd now.  False (and
 * the error in *res) when it cannot be loaded. */
bool lazy_module(lu_State *L, const char *name, Value *res) {
  Proc *P = L->P;
  String *key = str_newz(P, name);
  const Value *v = tab_getstr(proc_loaded(P), key);
  if (val_istable(v)) { val_copy(res, v); return true; }
  Table *pk = lazy_libinst(L, LIB_PACKAGE);
  if (tab_islazy(pk)) lazy_full(L, pk);
  const Value *req = tab_getstr(val_table(proc_registry(P)), str_newz(P, "_LUREL_REQUIRE"));
  lu_State *S = scratch_get(P);
  ptrdiff_t oldtop = savestack(S, S->top);
  CallInfo *oldci = S->ci;
  if (S->stack_last - S->top < 4) stack_grow(S, 4);
  val_copy(S->top, req);
  val_setstr(S->top + 1, key);
  S->top += 2;
  return scratch_pcall(P, S, 1, oldtop, oldci, res);
}

bool lazy_runchunk(lu_State *L, Proto *p, Table *env, Value *res) {
  Proc *P = L->P;
  lu_State *S = scratch_get(P);
  ptrdiff_t oldtop = savestack(S, S->top);
  CallInfo *oldci = S->ci;
  LClosure *cl = lcl_new(P, p->sizeupvalues);
  cl->p = p;
  proto_incref(p);
  if (S->stack_last - S->top < 4) stack_grow(S, 4);
  val_setlcl(S->top, cl);
  S->top++;
  lcl_initupvals(P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, env);
  return scratch_pcall(P, S, 0, oldtop, oldci, res);
}

/* A library written in Lua: its chunk (bytecode compiled at build time)
 * runs once per process, with the process's globals as _ENV; its result
 * table fills the instance. */
static void fill_lualib(lu_State *L, Table *t, int j) {
  Proc *P = L->P;
  VM *vm = P->vm;
  if (vm->luamods[j] == NULL) {
    char err[256];
    char name[64];
    snprintf(name, sizeof name, "=[%s]", lurel_lualibs[j].name);
    vm->luamods[j] = lbc_undump(vm, lurel_lualibs[j].data, lurel_lualibs[j].len, name, err, sizeof err);
    if (vm->luamods[j] == NULL) lu_runerror(L, "internal: cannot load library '%s': %s", lurel_lualibs[j].name, err);
  }
  Value res;
  if (!lazy_runchunk(L, vm->luamods[j], proc_globals(P), &res) || !val_istable(&res)) {
    if (val_isstr(&res))
      lu_runerror(L, "cannot load library '%s': %s", lurel_lualibs[j].name, str_data(val_str(&res)));
    lu_runerror(L, "cannot load library '%s'", lurel_lualibs[j].name);
  }
  Table *n = val_table(&res);
  Value kv[2];
  val_setnil(&kv[0]);
  while (tab_next(L, n, kv)) {
    if (tab_get(t, &kv[0]) == VAL_ABSENT) tab_set(L, t, &kv[0], &kv[1]);
  }
}

void lazy_full(lu_State *L, Table *t) {
  Proc *P = L->P;
  if (!tab_islazy(t)) return;
  t->marked &= (uint8_t)~GC_LAZY;
  if (t == P->globals) {
    for (const lu_Reg *bf = lib_basefuncs(); bf->name; bf++)
      if (tab_getstr(t, str_newz(P, bf->name)) == VAL_ABSENT) globals_entry(L, t, bf->name);
    const char *extra[] = { "_G", "_VERSION", "require" };
    for (int j = 0; j < 3; j++)
      if (tab_getstr(t, str_newz(P, extra[j])) == VAL_ABSENT) globals_entry(L, t, extra[j]);
    for (int i = 1; i < LIB_N + nluamods(); i++)
      if (!lib_denied(P->vm, i) && tab_getstr(t, str_newz(P, lazy_libname(i))) == VAL_ABSENT)
        putlib(L, t, lazy_libname(i), i);
    return;
  }
  if (t == proc_loadedp(P)) {
    for (int i = 0; i < LIB_N + nluamods(); i++)
      if (!lib_denied(P->vm, i) && tab_getstr(t, str_newz(P, lazy_libname(i))) == VAL_ABSENT)
        putlib(L, t, lazy_libname(i), i);
    return;
  }
  int i = lazy_whichlib(P, t);
  if (i >= LIB_N) fill_lualib(L, t, i - LIB_N);
  else if (i > 0 && !lib_denied(P->vm, i)) fill_library(L, t, i);
}

/* the libraries whose entries can come one at a time (their other fields,
 * math.pi or utf8.charpattern, come with the whole library) */
static const lu_Reg *entry_funcs(int lib) {
  switch (lib) {
    case LIB_STRING: return lib_stringfuncs();
    case LIB_TABLE: return lib_tablefuncs();
    case LIB_MATH: return lib_mathfuncs();
    case LIB_COROUTINE: return lib_corofuncs();
    case LIB_OS: return lib_osfuncs();
    case LIB_UTF8: return lib_utf8funcs();
    default: return NULL;
  }
}

/* the process library fills one entry at a time: a process that only
 * calls process.receive pays for one table entry */
static const Value *process_entry(lu_State *L, Table *t, const char *name) {
  if (strcmp(name, "receive") == 0) {
    Value f;
    if (!lib_prim(L, "receive", &f)) return VAL_ABSENT;
    return rawput(L, t, name, &f);
  }
  for (const lu_Reg *r = lib_processfuncs(); r->name; r++) {
    if (strcmp(r->name, name) == 0) {
      Value v;
      val_setlcf(&v, r->func);
      return rawput(L, t, name, &v);
    }
  }
  if (strcmp(name, "_") == 0) {
    Value v;
    val_setlud(&v, lib_wildcard());
    return rawput(L, t, name, &v);
  }
  return VAL_ABSENT;
}

const Value *lazy_miss(lu_State *L, Table *t, const Value *key) {
  Proc *P = L->P;
  if (!val_isstr(key)) {
    if (t != P->globals && t != proc_loadedp(P)) {
      lazy_full(L, t);
      return tab_get(t, key);
    }
    return VAL_ABSENT;
  }
  const char *name = str_data(val_str(key));
  if (t == P->globals) return globals_entry(L, t, name);
  if (t == proc_loadedp(P)) return loaded_entry(L, t, name);
  if (t == proc_procinst(P)) return process_entry(L, t, name);
  {
    /* a library of C functions: just the one asked for (math.floor costs a
     * process one table entry, not the whole library) */
    int i = lazy_whichlib(P, t);
    const lu_Reg *r = i > 0 ? entry_funcs(i) : NULL;
    if (r != NULL) {
      if (member_denied(P->vm, i, name)) return VAL_ABSENT;
      for (; r->name; r++) {
        if (strcmp(r->name, name) == 0) {
          Value v;
          val_setlcf(&v, r->func);
          return rawput(L, t, name, &v);
        }
      }
    }
  }
  lazy_full(L, t);
  return tab_get(t, key);
}

Table *lazy_stringmt(Proc *P) {
  if (P->strmt == NULL) {
    lu_State *L = P->L;
    Table *s = lazy_libinst(L, LIB_STRING);
    lazy_full(L, s);                 /* the string library makes the metatable */
  }
  return P->strmt;
}

const Value *tab_getlazy(lu_State *L, Table *t, const Value *key) {
  const Value *v = tab_get(t, key);
  if (v == VAL_ABSENT && tab_islazy(t)) v = lazy_miss(L, t, key);
  return v;
}
