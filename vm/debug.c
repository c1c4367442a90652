/* debug.c — line info, variable and function names, runtime errors, tracebacks. */
#include <stdio.h>
#include <string.h>
#include "debug.h"
#include "opcodes.h"
#include "func.h"
#include "do.h"
#include "str.h"
#include "tm.h"
#include "table.h"
#include "api.h"
#include "vm.h"
#include "lazy.h"
#include "lib.h"

int dbg_currentpc(const CallInfo *ci) {
  LClosure *cl = ci_lcl(ci);
  return (int)(ci->u.l.savedpc - cl->p->code) - 1;
}

int dbg_line(const Proto *p, int pc) {
  if (p->lineinfo == NULL || pc < 0 || pc >= p->sizecode) return -1;
  return p->lineinfo[pc];
}

int dbg_currentline(const CallInfo *ci) {
  return dbg_line(ci_lcl(ci)->p, dbg_currentpc(ci));
}

void dbg_shortsrc(const Proto *p, char *out) {
  if (p->source) do_chunkid(out, str_data(p->source), str_len(p->source));
  else strcpy(out, "?");
}

/* ------------------------------------------------------------ object names */

static bool ci_hidden(const CallInfo *ci);

static const char *upvalname(const Proto *p, int uv) {
  if (uv < p->sizeupvalues && p->upvalues[uv].name) return str_data(p->upvalues[uv].name);
  return "?";
}

/* The pc of the last instruction before lastpc that set register reg, or -1
 * (also -1 when that setting happened under a conditional jump). */
static int findsetreg(const Proto *p, int lastpc, int reg) {
  int setreg = -1, jmptarget = 0;
  for (int pc = 0; pc < lastpc; pc += op_words(GET_OP(p->code[pc]))) {
    Instr i = p->code[pc];
    OpCode op = GET_OP(i);
    int a = GET_A(i);
    bool change;
    switch (op) {
      case OP_LOADNIL: change = (a <= reg && reg <= a + GET_B(i)); break;
      case OP_TFORCALL: change = (reg >= a + 2); break;
      case OP_CALL: case OP_TAILCALL: change = (reg >= a); break;
      case OP_SELF: case OP_SELFK: change = (reg == a || reg == a + 1); break;
      case OP_JMP: {
        int dest = pc + 1 + GET_sJ(i);
        if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
        change = false;
        break;
      }
      default:
        if (op_info[op].flags & OPF_JW) {
          int dest = pc + 2 + GET_sJ(p->code[pc + 1]);
          if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
        }
        change = (op_info[op].flags & OPF_SETA) && reg == a && op_info[op].ka == OK_R;
        break;
    }
    if (change) setreg = (pc < jmptarget) ? -1 : pc;
  }
  return setreg;
}

static const char *kname(const Proto *p, int c, const char **name) {
  const Value *kv = &p->k[c];
  if (val_isstr(kv)) { *name = str_data(val_str(kv)); return "constant"; }
  *name = "?";
  return NULL;
}

static void rname(const Proto *p, int pc, int c, const char **name) {
  const char *what = dbg_getobjname(p, pc, c, name);
  if (!(what && *what == 'c')) *name = "?";
}

static bool isEnv(const Proto *p, int pc, Instr i, bool isup) {
  int t = GET_B(i);
  const char *name;
  if (isup) name = upvalname(p, t);
  else dbg_getobjname(p, pc, t, &name);
  return name && strcmp(name, "_ENV") == 0;
}

const char *dbg_getobjname(const Proto *p, int lastpc, int reg, const char **name) {
  *name = proto_localname(p, reg + 1, lastpc);
  if (*name) return "local";
  int pc = findsetreg(p, lastpc, reg);
  if (pc == -1) return NULL;
  Instr i = p->code[pc];
  switch (GET_OP(i)) {
    case OP_MOVE: {
      int b = GET_B(i);
      if (b < GET_A(i)) return dbg_getobjname(p, pc, b, name);
      break;
    }
    case OP_GETTABUP:
      kname(p, GET_C(i), name);
      return isEnv(p, pc, i, true) ? "global" : "field";
    case OP_GETTABLE:
      rname(p, pc, GET_C(i), name);
      return isEnv(p, pc, i, false) ? "global" : "field";
    case OP_GETI:
      *name = "integer index";
      return "field";
    case OP_GETFIELD:
      kname(p, GET_C(i), name);
      return isEnv(p, pc, i, false) ? "global" : "field";
    case OP_GETUPVAL:
      *name = upvalname(p, GET_B(i));
      return "upvalue";
    case OP_LOADK:
      return kname(p, GET_Bx(i), name);
    case OP_LOADKX:
      return kname(p, (int)p->code[pc + 1], name);
    case OP_SELF:
      rname(p, pc, GET_C(i), name);
      return "method";
    case OP_SELFK:
      kname(p, GET_C(i), name);
      return "method";
    default: break;
  }
  return NULL;
}

static const char *funcnamefromcode(const Proto *p, int pc, const char **name) {
  Instr i = p->code[pc];
  TMS tm;
  switch (GET_OP(i)) {
    case OP_CALL: case OP_TAILCALL:
      return dbg_getobjname(p, pc, GET_A(i), name);
    case OP_TFORCALL:
      *name = "for iterator";
      return "for iterator";
    case OP_SELF: case OP_SELFK: case OP_GETTABUP: case OP_GETTABLE:
    case OP_GETI: case OP_GETFIELD:
      tm = TM_INDEX; break;
    case OP_SETTABUP: case OP_SETTABUPK: case OP_SETTABLE: case OP_SETTABLEK:
    case OP_SETI: case OP_SETIK: case OP_SETFIELD: case OP_SETFIELDK:
      tm = TM_NEWINDEX; break;
    case OP_ADDI: case OP_ADDIF: case OP_ADDK: case OP_ADDKF: case OP_ADD: tm = TM_ADD; break;
    case OP_SUBI: case OP_SUBK: case OP_SUB: tm = TM_SUB; break;
    case OP_MULK: case OP_MULKF: case OP_MUL: tm = TM_MUL; break;
    case OP_MODK: case OP_MOD: tm = TM_MOD; break;
    case OP_POWK: case OP_POW: tm = TM_POW; break;
    case OP_DIVK: case OP_DIV: tm = TM_DIV; break;
    case OP_IDIVK: case OP_IDIV: tm = TM_IDIV; break;
    case OP_BANDK: case OP_BANDKF: case OP_BAND: tm = TM_BAND; break;
    case OP_BORK: case OP_BORKF: case OP_BOR: tm = TM_BOR; break;
    case OP_BXORK: case OP_BXORKF: case OP_BXOR: tm = TM_BXOR; break;
    case OP_SHLI: case OP_SHLIF: case OP_SHL: tm = TM_SHL; break;
    case OP_SHRI: case OP_SHR: tm = TM_SHR; break;
    case OP_UNM: tm = TM_UNM; break;
    case OP_BNOT: tm = TM_BNOT; break;
    case OP_LEN: tm = TM_LEN; break;
    case OP_CONCAT: tm = TM_CONCAT; break;
    case OP_EQ: tm = TM_EQ; break;
    case OP_LT: case OP_LTI: case OP_GTI: tm = TM_LT; break;
    case OP_LE: case OP_LEI: case OP_GEI: tm = TM_LE; break;
    case OP_CLOSE: case OP_RETURN: tm = TM_CLOSE; break;
    default: return NULL;
  }
  *name = tm_names[tm] + 2;
  return "metamethod";
}

/* ------------------------------------------------------------------ levels
 *
 * The library functions written in Lua (dbg_ishidden) pass for C functions.
 * A run of such frames (one calling or tail calling the next) counts as one
 * level, the C function the program called: the outermost frame of the run
 * stands for it.  A run called by a C function to do part of its work (a
 * helper of table.sort or string.gsub, called through a trampoline from a
 * frame marked CIST_HELPER) is no level at all: in lua5.4 the C function
 * does that work in its own frame. */

static bool ci_hidden(const CallInfo *ci) {
  return ci_isLua(ci) && dbg_ishidden(ci_lcl(ci)->p);
}

/* The C function that calls the __gc finalizers: no level (in lua5.4 the
 * collector calls them), and what it calls is metamethod '__gc'. */
static bool ci_gcfin(const CallInfo *ci) {
  return !ci_isLua(ci) && val_islcf(ci->func) && val_lcf(ci->func) == lib_gcfinalizers;
}

/* The outermost frame of the run of hidden frames that starts at ci. */
static CallInfo *hidden_outer(lu_State *L, CallInfo *ci) {
  while (ci->previous != NULL && ci->previous != &L->base_ci && ci_hidden(ci->previous))
    ci = ci->previous;
  return ci;
}

/* The first frame that is a level, from ci towards the bottom (ci itself
 * included), or NULL. */
static CallInfo *visible_from(lu_State *L, CallInfo *ci) {
  while (ci != NULL && ci != &L->base_ci) {
    if (ci_gcfin(ci)) { ci = ci->previous; continue; }
    if (!ci_hidden(ci)) return ci;
    CallInfo *o = hidden_outer(L, ci);
    if (o->previous == NULL || o->previous == &L->base_ci ||
        !(o->previous->callstatus & CIST_HELPER)) return o;
    ci = o->previous;           /* a helper: the C function's frame is the level */
  }
  return NULL;
}

CallInfo *dbg_getlevel(lu_State *L, int level) {
  if (level < 0) return NULL;
  CallInfo *ci = visible_from(L, L->ci);
  while (ci != NULL && level > 0) {
    ci = visible_from(L, ci->previous);
    level--;
  }
  return ci;
}

CallInfo *dbg_nextlevel(lu_State *L, CallInfo *ci) {
  return visible_from(L, ci->previous);
}

bool dbg_istailcall(const CallInfo *ci) {
  return (ci->callstatus & CIST_TAIL) != 0 && !ci_hidden(ci);
}

const char *dbg_funcname(lu_State *L, CallInfo *ci, const char **name) {
  (void)L;
  if (ci->callstatus & CIST_HOOKED) { *name = "?"; return "hook"; }   /* run as a hook */
  if (ci_hidden(ci)) ci = hidden_outer(L, ci);   /* named by the program's call */
  else if (ci->callstatus & CIST_TAIL) return NULL;
  CallInfo *caller = ci->previous;
  if (caller != NULL && ci_gcfin(caller)) { *name = "__gc"; return "metamethod"; }
  if (caller == NULL || !ci_isLua(caller) || ci_hidden(caller)) return NULL;
  return funcnamefromcode(ci_lcl(caller)->p, dbg_currentpc(caller), name);
}

const char *dbg_varinfo(lu_State *L, const Value *o, char *buf, size_t bufsz) {
  CallInfo *ci = L->ci;
  const char *name = NULL, *kind = NULL;
  buf[0] = '\0';
  if (ci_isLua(ci) && !ci_hidden(ci)) {   /* the library in Lua names nothing, as C */
    LClosure *cl = ci_lcl(ci);
    for (int i = 0; i < cl->nupvalues; i++) {
      if (cl->upvals[i] && cl->upvals[i]->v == o) {
        name = upvalname(cl->p, i);
        kind = "upvalue";
        break;
      }
    }
    if (!kind) {
      Value *base = ci->func + 1;
      if (o >= base && o < ci->top)
        kind = dbg_getobjname(cl->p, dbg_currentpc(ci), (int)(o - base), &name);
    }
  }
  if (kind) snprintf(buf, bufsz, " (%s '%s')", kind, name);
  return buf;
}

/* ------------------------------------------------------------- type errors */

static LU_NORETURN void typeerror(lu_State *L, const Value *o, const char *op, const char *extra) {
  const char *t = tm_objtypename(L->P, o);
  lu_runerror(L, "attempt to %s a %s value%s", op, t, extra);
}

void dbg_typeerror(lu_State *L, const Value *o, const char *op) {
  char buf[128];
  typeerror(L, o, op, dbg_varinfo(L, o, buf, sizeof buf));
}

void dbg_callerror(lu_State *L, const Value *o) {
  CallInfo *ci = L->ci;
  const char *name = NULL;
  const char *kind = NULL;
  if (ci_isLua(ci)) kind = funcnamefromcode(ci_lcl(ci)->p, dbg_currentpc(ci), &name);
  if (kind != NULL && (strcmp(kind, "for iterator") == 0 || strcmp(kind, "metamethod") == 0)) {
    char buf[128];
    snprintf(buf, sizeof buf, " (%s '%s')", kind, name);
    typeerror(L, o, "call", buf);
  }
  dbg_typeerror(L, o, "call");
}

void dbg_forerror(lu_State *L, const Value *o, const char *what) {
  lu_runerror(L, "'for' %s must be a number", what);
  (void)o;
}

void dbg_concaterror(lu_State *L, const Value *a, const Value *b) {
  if (val_isstr(a) || val_isnum(a) || val_isbigint(a)) a = b;
  dbg_typeerror(L, a, "concatenate");
}

void dbg_opinterror(lu_State *L, const Value *a, const Value *b, const char *msg) {
  if (!val_isnum(a) && !val_isbigint(a)) b = a;   /* first operand is wrong? */
  dbg_typeerror(L, b, msg);
}

void dbg_tointerror(lu_State *L, const Value *a, const Value *b) {
  lu_Int temp;
  char buf[128];
  if (!vm_tointegerns(a, &temp)) b = a;
  lu_runerror(L, "number%s has no integer representation", dbg_varinfo(L, b, buf, sizeof buf));
}

void dbg_ordererror(lu_State *L, const Value *a, const Value *b) {
  const char *t1 = tm_objtypename(L->P, a);
  const char *t2 = tm_objtypename(L->P, b);
  if (strcmp(t1, t2) == 0) lu_runerror(L, "attempt to compare two %s values", t1);
  else lu_runerror(L, "attempt to compare %s with %s", t1, t2);
}

void dbg_arithterror(lu_State *L, int event, const Value *a, const Value *b) {
  switch (event) {
    case TM_BAND: case TM_BOR: case TM_BXOR: case TM_SHL: case TM_SHR: case TM_BNOT:
      if (val_isnum(a) && val_isnum(b)) dbg_tointerror(L, a, b);
      else dbg_opinterror(L, a, b, "perform bitwise operation on");
    default:
      dbg_opinterror(L, a, b, "perform arithmetic on");
  }
}


int dbg_where(lu_State *L, int level, char *buf, size_t bufsz) {
  CallInfo *ci = dbg_getlevel(L, level);
  if (ci && ci_isLua(ci)) {
    char src[LU_IDSIZE];
    dbg_shortsrc(ci_lcl(ci)->p, src);
    int line = dbg_currentline(ci);
    if (line > 0) return snprintf(buf, bufsz, "%s:%d: ", src, line);
  }
  buf[0] = '\0';
  return 0;
}

bool dbg_ishidden(const Proto *p) {
  return p->lineinfo == NULL && p->source != NULL && str_len(p->source) == 4 &&
         memcmp(str_data(p->source), "=[C]", 4) == 0;
}

int dbg_runwhere(lu_State *L, char *buf, size_t bufsz) {
  CallInfo *ci = L->ci;
  if (ci_isLua(ci)) {
    const Proto *p = ci_lcl(ci)->p;
    if (p->lineinfo == NULL && !dbg_ishidden(p)) {
      char src[LU_IDSIZE];
      dbg_shortsrc(p, src);
      return snprintf(buf, bufsz, "%s:-1: ", src);
    }
  }
  return dbg_where(L, 0, buf, bufsz);
}

/* A library written in Lua that no one has used yet: filling it would run
 * its code (which reads globals, so a user's __index on _G), and until it
 * is filled it holds no function anyone could have. */
static bool unfilled_lualib(lu_State *L, Table *mod) {
  return tab_islazy(mod) && lazy_whichlib(L->P, mod) >= LIB_N;
}

/* A global name for a function value, found in package.loaded (like lua5.4's
 * pushglobalfuncname): "print", "string.rep". */
static bool globalfuncname(lu_State *L, const Value *fp, char *out, size_t outsz) {
  /* the walk may materialise libraries (Lua code, a collection): a copy,
   * since fp may point into a coroutine's stack, which the collector
   * may move */
  Value fv;
  val_copy(&fv, fp);
  const Value *f = &fv;
  Table *loaded = proc_loaded(L->P);
  if (!loaded) return false;
  Value key[2];
  val_setnil(&key[0]);
  while (tab_next(L, loaded, key)) {
    if (!val_isstr(&key[0]) || !val_istable(&key[1])) continue;
    Table *mod = val_table(&key[1]);
    if (unfilled_lualib(L, mod)) continue;
    Value k2[2];
    val_setnil(&k2[0]);
    while (tab_next(L, mod, k2)) {
      if (val_isstr(&k2[0]) && val_rawequal(&k2[1], f)) {
        const char *modname = str_data(val_str(&key[0]));
        if (strcmp(modname, "_G") == 0) snprintf(out, outsz, "%s", str_data(val_str(&k2[0])));
        else snprintf(out, outsz, "%s.%s", modname, str_data(val_str(&k2[0])));
        return true;
      }
    }
  }
  return false;
}

/* Name of the function in ci for messages: like luaL_argerror's lookup. */
const char *dbg_callname(lu_State *L, CallInfo *ci, char *buf, size_t bufsz, const char **namewhat);
const char *dbg_callname(lu_State *L, CallInfo *ci, char *buf, size_t bufsz, const char **namewhat) {
  const char *name = NULL;
  const char *what = dbg_funcname(L, ci, &name);
  *namewhat = what ? what : "";
  if (what) { snprintf(buf, bufsz, "%s", name); return buf; }
  if (globalfuncname(L, ci->func, buf, bufsz)) { *namewhat = "global"; return buf; }
  return NULL;
}

/* A global name for a library function written in Lua, which the program
 * called as 'name' (a global, field or method): the C function of that
 * name in package.loaded, as lua5.4's traceback finds its C function. */
static bool hiddenglobalname(lu_State *L, const char *name, char *out, size_t outsz) {
  Table *loaded = proc_loaded(L->P);
  if (!loaded) return false;
  Value key[2];
  val_setnil(&key[0]);
  while (tab_next(L, loaded, key)) {
    if (!val_isstr(&key[0]) || !val_istable(&key[1])) continue;
    Table *mod = val_table(&key[1]);
    if (unfilled_lualib(L, mod)) continue;
    Value k2[2];
    val_setnil(&k2[0]);
    while (tab_next(L, mod, k2)) {
      if (val_isstr(&k2[0]) && strcmp(str_data(val_str(&k2[0])), name) == 0 &&
          val_isfunc(&k2[1]) && !val_islcl(&k2[1])) {
        const char *modname = str_data(val_str(&key[0]));
        if (strcmp(modname, "_G") == 0) snprintf(out, outsz, "%s", name);
        else snprintf(out, outsz, "%s.%s", modname, name);
        return true;
      }
    }
  }
  return false;
}

/* luaL_traceback: levels from 'level' on, the first 10 and the last 11 when
 * there are more than 22, the bottom one being the host's C call of the main
 * chunk ("[C]: in ?") in the main thread. */
void dbg_traceback(lu_State *L, lu_State *L1, const char *msg, int level) {
  lu_Buffer b;
  lu_buffinit(L, &b);
  if (msg) { lu_addstring(&b, msg); lu_addchar(&b, '\n'); }
  lu_addstring(&b, "stack traceback:");
  int nreal = 0;
  for (CallInfo *ci = dbg_getlevel(L1, 0); ci; ci = dbg_nextlevel(L1, ci)) nreal++;
  int last = nreal - 1 + (L1 == proc_mainthread(L1->P) ? 1 : 0);
  int limit2show = (last - level > 21) ? 10 : -1;
  CallInfo *ci = dbg_getlevel(L1, level);
  int lv = level;
  while (lv >= 0 && lv <= last) {
    char line[256];
    lv++;
    if (limit2show-- == 0) {
      int n = last - lv - 11 + 1;
      snprintf(line, sizeof line, "\n\t...\t(skipping %d levels)", n);
      lu_addstring(&b, line);
      lv += n;
      ci = dbg_getlevel(L1, lv);
      continue;
    }
    if (ci == NULL) {           /* the host's call of the main chunk */
      lu_addstring(&b, "\n\t[C]: in ?");
      continue;
    }
    char src[LU_IDSIZE];
    char nbuf[128];
    bool isC = !ci_isLua(ci) || ci_hidden(ci);
    if (!isC) {
      Proto *p = ci_lcl(ci)->p;
      dbg_shortsrc(p, src);
      int cl = dbg_currentline(ci);
      if (cl > 0) snprintf(line, sizeof line, "\n\t%s:%d: in ", src, cl);
      else snprintf(line, sizeof line, "\n\t%s: in ", src);
    } else {
      snprintf(line, sizeof line, "\n\t[C]: in ");
    }
    lu_addstring(&b, line);
    const char *name = NULL;
    const char *namewhat = NULL;
    if (ci_hidden(ci)) namewhat = dbg_funcname(L1, ci, &name);
    if (globalfuncname(L1, ci->func, nbuf, sizeof nbuf) ||
        (namewhat && (strcmp(namewhat, "global") == 0 || strcmp(namewhat, "field") == 0 ||
                      strcmp(namewhat, "method") == 0) &&
         hiddenglobalname(L1, name, nbuf, sizeof nbuf))) {
      snprintf(line, sizeof line, "function '%s'", nbuf);
    } else {
      if (!ci_hidden(ci)) namewhat = dbg_funcname(L1, ci, &name);
      if (namewhat) snprintf(line, sizeof line, "%s '%s'", namewhat, name);
      else if (!isC && ci_lcl(ci)->p->linedefined == 0) snprintf(line, sizeof line, "main chunk");
      else if (!isC) {
        dbg_shortsrc(ci_lcl(ci)->p, src);
        snprintf(line, sizeof line, "function <%s:%d>", src, ci_lcl(ci)->p->linedefined);
      } else snprintf(line, sizeof line, "?");
    }
    lu_addstring(&b, line);
    if (dbg_istailcall(ci)) lu_addstring(&b, "\n\t(...tail calls...)");
    ci = dbg_nextlevel(L1, ci);
  }
  lu_pushresult(&b);
}
