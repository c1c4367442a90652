/* lib_debug.c — the debug library (manual §6.10). */
#include <stdio.h>
#include <string.h>
#include "api.h"
#include "lib.h"
#include "debug.h"
#include "do.h"
#include "func.h"
#include "gc.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "vm.h"

/* optional thread as first argument: returns it and sets *arg to 1 */
static lu_State *getthread(lu_State *L, int *arg) {
  if (lu_type(L, 1) == LU_TTHREAD) {
    *arg = 1;
    return lu_tothread(L, 1);
  }
  *arg = 0;
  return L;
}

static const char *funcsource(const Value *f, int *isC) {
  *isC = !val_islcl(f) || dbg_ishidden(val_lcl(f)->p);   /* the library written in Lua passes for C */
  if (*isC) return "=[C]";
  const Proto *p = val_lcl(f)->p;
  return p->source ? str_data(p->source) : "=?";
}

static void setfield_s(lu_State *L, const char *k, const char *v) { lu_pushstring(L, v); lu_rawsetfield(L, -2, k); }
static void setfield_i(lu_State *L, const char *k, lu_Int v) { lu_pushinteger(L, v); lu_rawsetfield(L, -2, k); }
static void setfield_b(lu_State *L, const char *k, int v) { lu_pushboolean(L, v); lu_rawsetfield(L, -2, k); }

/* Below a process's main function, lua.c has the C function that called
 * it (tracebacks show "[C]: in ?"): that level exists for getinfo too. */
static int host_call(lu_State *L) { (void)L; return 0; }

static bool ishostlevel(lu_State *L1, lu_Int level) {
  if (L1 != proc_mainthread(L1->P)) return false;
  lu_Int n = 0;
  for (CallInfo *ci = dbg_getlevel(L1, 0); ci; ci = dbg_nextlevel(L1, ci)) n++;
  return level == n;
}

static int db_getinfo(lu_State *L) {
  int arg;
  lu_State *L1 = getthread(L, &arg);
  const char *options = lu_optstring(L, arg + 2, "flnSrtu");
  if (options[0] == '>') return lu_argerror(L, arg + 2, "invalid option '>'");
  CallInfo *ci = NULL;
  Value func;
  if (lu_isfunction(L, arg + 1)) {
    val_copy(&func, lu_index2value(L, arg + 1));
  } else {
    lu_Int level = lu_checkinteger(L, arg + 1);
    ci = (level >= 0 && level <= INT32_MAX) ? dbg_getlevel(L1, (int)level) : NULL;
    if (ci != NULL) val_copy(&func, ci->func);
    else if (ishostlevel(L1, level)) val_setlcf(&func, host_call);
    else { lu_pushnil(L); return 1; }
  }
  for (const char *o = options; *o; o++)
    if (strchr("SlnrutfL", *o) == NULL)
      return lu_argerror(L, arg + 2, "invalid option");
  lu_createtable(L, 0, 16);
  int isC;
  const char *src = funcsource(&func, &isC);
  const Proto *p = isC ? NULL : val_lcl(&func)->p;
  if (strchr(options, 'S')) {
    char sbuf[LU_IDSIZE];
    lu_pushstring(L, src);
    lu_rawsetfield(L, -2, "source");
    do_chunkid(sbuf, src, strlen(src));
    setfield_s(L, "short_src", sbuf);
    setfield_i(L, "linedefined", isC ? -1 : p->linedefined);
    setfield_i(L, "lastlinedefined", isC ? -1 : p->lastlinedefined);
    setfield_s(L, "what", isC ? "C" : (p->linedefined == 0 ? "main" : "Lua"));
  }
  if (strchr(options, 'l'))
    setfield_i(L, "currentline", (ci && ci_isLua(ci)) ? dbg_currentline(ci) : -1);
  if (strchr(options, 'u')) {
    int nups = val_islcl(&func) ? val_lcl(&func)->nupvalues : (val_isccl(&func) ? val_ccl(&func)->nupvalues : 0);
    setfield_i(L, "nups", nups);
    setfield_i(L, "nparams", p ? p->numparams : 0);
    setfield_b(L, "isvararg", p ? p->is_vararg : 1);
  }
  if (strchr(options, 'n')) {
    const char *name = NULL, *what = NULL;
    if (ci) what = dbg_funcname(L1, ci, &name);
    if (what) { setfield_s(L, "name", name); setfield_s(L, "namewhat", what); }
    else setfield_s(L, "namewhat", "");
  }
  if (strchr(options, 'r')) {
    bool tran = ci != NULL && (ci->callstatus & CIST_TRAN);
    tran = tran && L1->hook != NULL;
    setfield_i(L, "ftransfer", tran ? L1->hook->ftransfer : 0);
    setfield_i(L, "ntransfer", tran ? L1->hook->ntransfer : 0);
  }
  if (strchr(options, 't')) setfield_b(L, "istailcall", ci ? dbg_istailcall(ci) : 0);
  if (strchr(options, 'L')) {
    if (p == NULL || dbg_ishidden(p)) lu_pushnil(L);
    else if (p->lineinfo == NULL) lu_newtable(L);      /* stripped */
    else {
      lu_newtable(L);
      int start = 0;
      if (p->is_vararg) start = 1;      /* skip VARARGPREP, like lua5.4 */
      for (int j = start; j < p->sizecode; j++) {
        lu_pushboolean(L, 1);
        lu_rawseti(L, -2, p->lineinfo[j]);
      }
    }
    lu_rawsetfield(L, -2, "activelines");
  }
  if (strchr(options, 'f')) {
    lu_pushv(L, &func);
    lu_rawsetfield(L, -2, "func");
  }
  return 1;
}

/* name and slot of local n of frame ci (NULL when there is none) */
static const char *findlocal(lu_State *L1, CallInfo *ci, int n, Value **slot) {
  Value *base = ci->func + 1;
  const char *name = NULL;
  if (ci_isLua(ci)) {
    if (n < 0) {
      /* varargs */
      int nextra = ci->u.l.nextraargs;
      if (ci_lcl(ci)->p->is_vararg && -n <= nextra) {
        *slot = ci->func - nextra + (-n - 1);
        return "(vararg)";
      }
      return NULL;
    }
    name = proto_localname(ci_lcl(ci)->p, n, dbg_currentpc(ci));
  }
  if (name == NULL) {
    Value *limit = (ci == L1->ci) ? L1->top : ci->next->func;
    if (n > 0 && limit - base >= n) name = ci_isLua(ci) ? "(temporary)" : "(C temporary)";
    else return NULL;
  }
  *slot = base + (n - 1);
  return name;
}

static int db_getlocal(lu_State *L) {
  int arg;
  lu_State *L1 = getthread(L, &arg);
  lu_Int n = lu_checkinteger(L, arg + 2);
  if (lu_isfunction(L, arg + 1)) {
    const Value *f = lu_index2value(L, arg + 1);
    if (!val_islcl(f)) { lu_pushnil(L); return 1; }
    const char *name = proto_localname(val_lcl(f)->p, (int)n, 0);
    lu_pushstring(L, name);
    return 1;
  }
  lu_Int level = lu_checkinteger(L, arg + 1);
  CallInfo *ci = (level >= 0 && level < INT32_MAX) ? dbg_getlevel(L1, (int)level) : NULL;
  if (ci == NULL) {
    if (ishostlevel(L1, level)) { lu_pushnil(L); return 1; }   /* the host's C call: no locals */
    return lu_argerror(L, arg + 1, "level out of range");
  }
  Value *slot;
  const char *name = findlocal(L1, ci, (int)n, &slot);
  if (name == NULL) { lu_pushnil(L); return 1; }
  lu_pushstring(L, name);
  lu_pushv(L, slot);
  return 2;
}

static int db_setlocal(lu_State *L) {
  int arg;
  lu_State *L1 = getthread(L, &arg);
  lu_Int level = lu_checkinteger(L, arg + 1);
  lu_Int n = lu_checkinteger(L, arg + 2);
  lu_checkany(L, arg + 3);
  CallInfo *ci = (level >= 0 && level < INT32_MAX) ? dbg_getlevel(L1, (int)level) : NULL;
  if (ci == NULL) {
    if (ishostlevel(L1, level)) { lu_pushnil(L); return 1; }
    return lu_argerror(L, arg + 1, "level out of range");
  }
  Value *slot;
  const char *name = findlocal(L1, ci, (int)n, &slot);
  if (name) val_copy(slot, lu_index2value(L, arg + 3));
  lu_pushstring(L, name);
  return 1;
}

/* upvalue n of the function at index f: name and slot */
static const char *upvalueaux(lu_State *L, int f, int n, Value **slot, UpVal ***uvp) {
  Value *fv = lu_index2value(L, f);
  if (uvp) *uvp = NULL;
  if (val_isccl(fv)) {
    CClosure *c = val_ccl(fv);
    if (n < 1 || n > c->nupvalues) return NULL;
    *slot = &c->upvalue[n - 1];
    return "";
  }
  if (val_islcl(fv)) {
    LClosure *c = val_lcl(fv);
    if (n < 1 || n > c->nupvalues) return NULL;
    *slot = c->upvals[n - 1]->v;
    if (uvp) *uvp = &c->upvals[n - 1];
    const String *name = c->p->upvalues[n - 1].name;
    return name ? str_data(name) : "(no name)";
  }
  return NULL;
}

/* lua5.4's order of checks: the index (argument nup), then the function */
static int checkupindex(lu_State *L, int f, int nup) {
  int n = (int)lu_checkinteger(L, nup);
  lu_checktype(L, f, LU_TFUNCTION);
  return n;
}

static int db_getupvalue(lu_State *L) {
  int n = checkupindex(L, 1, 2);
  Value *slot;
  const char *name = upvalueaux(L, 1, n, &slot, NULL);
  if (name == NULL) return 0;
  lu_pushstring(L, name);
  lu_pushv(L, slot);
  return 2;
}

static int db_setupvalue(lu_State *L) {
  lu_checkany(L, 3);
  int n = checkupindex(L, 1, 2);
  Value *slot;
  const char *name = upvalueaux(L, 1, n, &slot, NULL);
  if (name == NULL) return 0;
  val_copy(slot, lu_index2value(L, 3));
  lu_pushstring(L, name);
  return 1;
}

static int db_upvalueid(lu_State *L) {
  int n = checkupindex(L, 1, 2);
  Value *slot;
  UpVal **uvp;
  const char *name = upvalueaux(L, 1, n, &slot, &uvp);
  if (name == NULL) { lu_pushnil(L); return 1; }   /* 5.4: fail */
  lu_pushlightuserdata(L, uvp ? (void *)*uvp : (void *)slot);
  return 1;
}

static int db_upvaluejoin(lu_State *L) {
  Value *slot;
  int n1 = checkupindex(L, 1, 2);
  lu_argcheck(L, upvalueaux(L, 1, n1, &slot, NULL) != NULL, 2, "invalid upvalue index");
  int n2 = checkupindex(L, 3, 4);
  lu_argcheck(L, upvalueaux(L, 3, n2, &slot, NULL) != NULL, 4, "invalid upvalue index");
  Value *f1 = lu_index2value(L, 1), *f2 = lu_index2value(L, 3);
  lu_argcheck(L, val_islcl(f1), 1, "Lua function expected");
  lu_argcheck(L, val_islcl(f2), 3, "Lua function expected");
  LClosure *c1 = val_lcl(f1), *c2 = val_lcl(f2);
  c1->upvals[n1 - 1] = c2->upvals[n2 - 1];
  return 0;
}

/* deprecated in 5.4 and a no-op there: lua5.4 answers its C-call limit,
 * 200, whatever the argument */
static int db_setcstacklimit(lu_State *L) {
  (void)lu_checkinteger(L, 1);
  lu_pushinteger(L, 200);
  return 1;
}

static int db_traceback(lu_State *L) {
  int arg;
  lu_State *L1 = getthread(L, &arg);
  const char *msg = lu_tostring(L, arg + 1);
  if (msg == NULL && !lu_isnoneornil(L, arg + 1)) {
    lu_pushvalue(L, arg + 1);      /* non-string message: returned untouched */
    return 1;
  }
  int level = (int)lu_optinteger(L, arg + 2, (L == L1) ? 1 : 0);
  dbg_traceback(L, L1, msg, level);
  return 1;
}

static int db_getmetatable(lu_State *L) {
  lu_checkany(L, 1);
  if (!lu_getmetatable(L, 1)) lu_pushnil(L);
  return 1;
}

static int db_setmetatable(lu_State *L) {
  int t = lu_type(L, 2);
  lu_argexpected(L, t == LU_TNIL || t == LU_TTABLE, 2, "nil or table");
  lu_settop(L, 2);
  lu_setmetatable(L, 1);
  return 1;
}

static int db_getregistry(lu_State *L) {
  lu_pushvalue(L, LU_REGISTRYINDEX);
  return 1;
}

static int db_getuservalue(lu_State *L) {
  int n = (int)lu_optinteger(L, 2, 1);
  if (lu_type(L, 1) != LU_TUSERDATA || !val_isudata(lu_index2value(L, 1))) { lu_pushnil(L); return 1; }
  if (lu_getiuservalue(L, 1, n) != LU_TNONE) {
    lu_pushboolean(L, 1);
    return 2;
  }
  return 1;
}

static int db_setuservalue(lu_State *L) {
  lu_checktype(L, 1, LU_TUSERDATA);
  lu_checkany(L, 2);
  lu_settop(L, 2);
  int n = (int)lu_optinteger(L, 3, 1);
  lu_settop(L, 2);
  if (!val_isudata(lu_index2value(L, 1)) || !lu_setiuservalue(L, 1, n)) lu_pushnil(L);
  else lu_settop(L, 1);
  return 1;
}

/* hooks: one per thread; the interpreter calls it with the event name
 * and, for "line", the line number */
static int db_sethook(lu_State *L) {
  int arg;
  lu_State *L1 = getthread(L, &arg);
  int mask = 0, count = 0;
  if (!lu_isnoneornil(L, arg + 1)) {
    const char *smask = lu_checkstring(L, arg + 2);
    lu_checktype(L, arg + 1, LU_TFUNCTION);
    lu_Int c = lu_optinteger(L, arg + 3, 0);
    count = c < 0 ? 0 : c > INT32_MAX ? INT32_MAX : (int)c;
    if (strchr(smask, 'c')) mask |= HOOK_CALL;
    if (strchr(smask, 'r')) mask |= HOOK_RET;
    if (strchr(smask, 'l')) mask |= HOOK_LINE;
    if (count > 0) mask |= HOOK_COUNT;
  }
  if (mask == 0) {
    L1->hookmask = 0;
    if (L1->hook) {
      val_setnil(&L1->hook->f);
      L1->hook->basecount = L1->hook->count = 0;
    }
    return 0;
  }
  if (L1->hook == NULL) {
    ThreadHook *h = mem_alloc(L1->P, sizeof(ThreadHook));
    memset(h, 0, sizeof *h);
    val_setnil(&h->f);
    L1->hook = h;
  }
  val_copy(&L1->hook->f, lu_index2value(L, arg + 1));
  L1->hookmask = (uint8_t)mask;
  L1->hook->basecount = L1->hook->count = count;
  L1->hookcall = 0;
  L1->hookskip = 0;
  return 0;
}

static int db_gethook(lu_State *L) {
  int arg;
  lu_State *L1 = getthread(L, &arg);
  if (!L1->hookmask) { lu_pushnil(L); return 1; }
  char buf[4];
  int n = 0;
  if (L1->hookmask & HOOK_CALL) buf[n++] = 'c';
  if (L1->hookmask & HOOK_RET) buf[n++] = 'r';
  if (L1->hookmask & HOOK_LINE) buf[n++] = 'l';
  buf[n] = 0;
  lu_pushv(L, &L1->hook->f);
  lu_pushstring(L, buf);
  lu_pushinteger(L, L1->hook->basecount);
  return 3;
}

static int db_debug(lu_State *L) {
  for (;;) {
    char buffer[250];
    fprintf(stderr, "%s", "lua_debug> ");
    fflush(stderr);
    if (fgets(buffer, sizeof(buffer), stdin) == NULL || strcmp(buffer, "cont\n") == 0) return 0;
    fprintf(stderr, "debug.debug: interactive evaluation is not available yet\n");
  }
}

static const lu_Reg db_funcs[] = {
  {"debug", db_debug},
  {"getuservalue", db_getuservalue},
  {"gethook", db_gethook},
  {"getinfo", db_getinfo},
  {"getlocal", db_getlocal},
  {"getregistry", db_getregistry},
  {"getmetatable", db_getmetatable},
  {"getupvalue", db_getupvalue},
  {"upvaluejoin", db_upvaluejoin},
  {"upvalueid", db_upvalueid},
  {"setuservalue", db_setuservalue},
  {"sethook", db_sethook},
  {"setlocal", db_setlocal},
  {"setmetatable", db_setmetatable},
  {"setupvalue", db_setupvalue},
  {"setcstacklimit", db_setcstacklimit},
  {"traceback", db_traceback},
  {NULL, NULL}
};

int lu_open_debug(lu_State *L) {
  lu_newlib(L, db_funcs);
  return 1;
}
