/*
 * lib.h — the standard libraries: openers and helpers shared between them.
 *
 * Each lu_open_X pushes its module table (the base library pushes _G).
 * lu_openlibs (lib_base.c) opens them all into a process.
 */
#ifndef LU_LIB_H
#define LU_LIB_H

#include "api.h"

/* the base functions (lazy.c puts them into _G on first use) */
const lu_Reg *lib_basefuncs(void);
int lu_open_string(lu_State *L);
int lu_open_table(lu_State *L);
int lu_open_math(lu_State *L);
int lu_open_coroutine(lu_State *L);
int lu_open_package(lu_State *L);
int lu_open_debug(lu_State *L);
int lu_open_process(lu_State *L);
const lu_Reg *lib_processfuncs(void);
/* the function lists of libraries that materialise one entry at a time (lazy.c) */
const lu_Reg *lib_mathfuncs(void);
const lu_Reg *lib_stringfuncs(void);
const lu_Reg *lib_tablefuncs(void);
const lu_Reg *lib_osfuncs(void);
const lu_Reg *lib_corofuncs(void);
const lu_Reg *lib_utf8funcs(void);
const lu_Reg *lib_processprims(void);
int lib_process_send(lu_State *L);   /* process.send */
void *lib_wildcard(void);
int lu_open_io(lu_State *L);
int lu_open_os(lu_State *L);
int lu_open_utf8(lu_State *L);
int lu_open_bigint(lu_State *L);
int lu_bigint_call(lu_State *L);        /* __call of the bigint library: bigint(x) */
int lu_open_ffi(lu_State *L);

/* string.pack, string.packsize, string.unpack, string.dump (lib_strpack.c) */
int lib_str_pack(lu_State *L);
int lib_str_packsize(lu_State *L);
int lib_str_unpack(lu_State *L);
int lib_str_dump(lu_State *L);

/* Tail-call the function 'name' of the built-in Lua library (stdlib/)
 * with all the arguments of the running C function:
 *     return lib_calllualib(L, "name");
 * Used where Lua semantics need metamethods or callbacks (see api.h). */
int lib_calllualib(lu_State *L, const char *name);
/* The table of the process's built-in Lua library (loaded on first use). */
struct Table *lib_lualib(lu_State *L);
/* *out := function 'name' of the built-in Lua library */
void lib_lualibfunc(lu_State *L, const char *name, Value *out);
/* a closure of the built-in primitive function 'name' (stdlib/prims) */
bool lib_prim(lu_State *L, const char *name, Value *out);

/* Push lua5.4's results of a file operation (lib_io.c): true when ok,
 * else nil, "fname: strerror(errno)" (or just the strerror), errno. */
int lib_fileresult(lu_State *L, int ok, const char *fname);
/* Push the results of os.execute / closing a popen file from a wait
 * status: true|nil, "exit"|"signal", code. */
int lib_execresult(lu_State *L, int stat);

/* Calls every pending __gc finalizer (a C function: push it and call it). */
int lib_gcfinalizers(lu_State *L);

/* loadfile: pushes the function, or nil and a message (returns 1 or 2). */
int lib_loadfile(lu_State *L, const char *fname, const char *mode, int envidx);

/* Bytecode compiled at build time from stdlib/ (build/gen/stdlib.c):
 * the private Lua library and the global libraries written in Lua. */
typedef struct LuaLibEmbed { const char *name; const char *data; size_t len; } LuaLibEmbed;
extern const char *const lurel_lualib;
extern const size_t lurel_lualib_len;
extern const LuaLibEmbed lurel_lualibs[];
extern const LuaLibEmbed lurel_prims[];

void lib_io_free(VM *vm);              /* input waits (lib_io.c) */
void lib_package_freecache(VM *vm);   /* compiled modules (lib_package.c) */
void lib_package_inherit(Proc *parent, Proc *child);   /* package.path at spawn */

#endif
