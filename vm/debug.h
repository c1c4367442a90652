/*
 * debug.h — line information, names of variables and functions for error
 * messages (worked out from Lurel bytecode, the way lua5.4 does from its
 * own), runtime type errors, and tracebacks.
 */
#ifndef LU_DEBUG_H
#define LU_DEBUG_H

#include "state.h"

#define ci_lcl(ci)  ((LClosure *)(ci)->func->v.gc)

int dbg_currentpc(const CallInfo *ci);
int dbg_currentline(const CallInfo *ci);
int dbg_line(const Proto *p, int pc);
/* Kind of name ("local", "global", "field", "upvalue", "constant",
 * "method", "for iterator") of register reg at pc, or NULL. */
const char *dbg_getobjname(const Proto *p, int lastpc, int reg, const char **name);
/* Name of the function running in ci, as its caller called it. */
const char *dbg_funcname(lu_State *L, CallInfo *ci, const char **name);
/* " (local 'x')" etc. for a value slot of the current frame, or "". */
const char *dbg_varinfo(lu_State *L, const Value *o, char *buf, size_t bufsz);

LU_NORETURN void dbg_typeerror(lu_State *L, const Value *o, const char *op);
LU_NORETURN void dbg_callerror(lu_State *L, const Value *o);
LU_NORETURN void dbg_forerror(lu_State *L, const Value *o, const char *what);
LU_NORETURN void dbg_concaterror(lu_State *L, const Value *a, const Value *b);
LU_NORETURN void dbg_opinterror(lu_State *L, const Value *a, const Value *b, const char *msg);
LU_NORETURN void dbg_tointerror(lu_State *L, const Value *a, const Value *b);
LU_NORETURN void dbg_ordererror(lu_State *L, const Value *a, const Value *b);
LU_NORETURN void dbg_arithterror(lu_State *L, int event, const Value *a, const Value *b);

/* "source:line:" of the Lua function at 'level' (0 = current frame);
 * writes "" when that frame is not Lua.  Returns length. */
int dbg_where(lu_State *L, int level, char *buf, size_t bufsz);
/* The position lu_runerror gives to an error in the running Lua function:
 * dbg_where's, and "?:-1: " (as lua5.4) in code loaded stripped. */
int dbg_runwhere(lu_State *L, char *buf, size_t bufsz);
/* A library function written in Lua standing in for one of lua5.4's C
 * functions (lib_base.c hides them: source "=[C]", no line information). */
bool dbg_ishidden(const Proto *p);
/* The frame at 'level' (0 = the running function), or NULL; a run of
 * hidden frames counts as the one C function it stands for (debug.c). */
CallInfo *dbg_getlevel(lu_State *L, int level);
/* The frame one level below ci, or NULL. */
CallInfo *dbg_nextlevel(lu_State *L, CallInfo *ci);
/* Whether ci was tail called (hidden frames never are, for the program). */
bool dbg_istailcall(const CallInfo *ci);
/* Push (on L's stack) the traceback of L1 from level, prefixed by msg. */
void dbg_traceback(lu_State *L, lu_State *L1, const char *msg, int level);
/* Source name of a function for messages (short_src). */
void dbg_shortsrc(const Proto *p, char *out);

#endif
