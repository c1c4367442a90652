/*
 * lazy.h — library tables that materialise on first use (design §3).
 *
 * A new process gets an empty globals table and an empty package.loaded,
 * both marked GC_LAZY.  Reading a standard name from them creates just that
 * entry: a base function (a light C function, no allocation) or a library
 * instance — itself an empty GC_LAZY table that fills completely on its
 * first use.  To Lua code they are ordinary tables: rawget, next/pairs,
 * assignment and monkey-patching behave as in lua5.4, because
 *   - a lookup that misses in a lazy table asks lazy_miss();
 *   - traversal (next) and any write of nil materialise the table fully
 *     first (so a deleted name never comes back);
 *   - other writes go straight in (a user value shadows the library one).
 * Each library instance is created once per process (ProcExtra.libinst, the
 * process library's in the ProcBlock), so _G.string,
 * package.loaded.string and the __index of the string metatable are the same
 * table, and the message copier can map them to the receiver's instances.
 */
#ifndef LU_LAZY_H
#define LU_LAZY_H

#include "state.h"

enum {
  LIB_G, LIB_PROCESS, LIB_STRING, LIB_TABLE, LIB_MATH, LIB_COROUTINE, LIB_PACKAGE,
  LIB_DEBUG, LIB_IO, LIB_OS, LIB_UTF8, LIB_BIGINT, LIB_FFI,
  LIB_N
};

/* global libraries written in Lua (stdlib/lib/NAME.lua) come after LIB_N */
#define LIB_MAX 32

#define tab_islazy(t)  ((t)->marked & GC_LAZY)

/* lurel --sandbox (vm->sandbox): the libraries and functions listed in
 * lazy.c are never materialised, in any process — absent, not stubs.  A
 * library whose opener gives its table a metatable (bigint: callable)
 * keeps it on the instance, which is filled when it is made. */

void lazy_init(Proc *P);
/* The process's instance of library i (created empty and lazy if needed). */
Table *lazy_libinst(lu_State *L, int i);
/* Which library instance t is, or -1. */
int lazy_whichlib(Proc *P, const Table *t);
/* A lookup of key missed in lazy table t: materialise it if it is a library
 * name; returns the slot or VAL_ABSENT. */
const Value *lazy_miss(lu_State *L, Table *t, const Value *key);
/* Materialise everything of t and clear its lazy mark. */
void lazy_full(lu_State *L, Table *t);
/* The metatable of strings (created with the string library). */
Table *lazy_stringmt(Proc *P);
/* Name of library i. */
const char *lazy_libname(int i);

/* package.loaded and the registry, created on first use */
Table *proc_loaded(Proc *P);
Value *proc_registry(Proc *P);

/* Run a chunk that only defines things (built-in library code) to its end,
 * synchronously on the process's scratch thread, with env as _ENV; its
 * first result goes to *res.  False when it failed. */
bool lazy_runchunk(lu_State *L, Proto *p, Table *env, Value *res);
bool lazy_module(lu_State *L, const char *name, Value *res);

/* tab_get that materialises a missing library entry */
const Value *tab_getlazy(lu_State *L, Table *t, const Value *key);

#endif
