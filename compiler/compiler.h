/*
 * compiler.h — Lua 5.4 source to Lurel bytecode.
 *
 * liblua5.4 parses (lua_load in a private lua_State that never runs code)
 * and dumps its prototypes with debug info (lua_dump); this module reads
 * that binary chunk itself and lowers every prototype to Lurel's own
 * instruction set (vm/opcodes.def).  Constant strings become VM atoms.
 */
#ifndef LU_COMPILER_H
#define LU_COMPILER_H

#include "../vm/state.h"

/* Check once at start-up that the linked liblua is 5.4.x and dumps the
 * format this reader understands.  Returns NULL or an error message. */
const char *compiler_check(void);

/* Compile a chunk.  On success returns a new prototype (refcount 1) whose
 * main function has 'nupvalues' upvalues (1: _ENV).  On a syntax error
 * returns NULL with *errmsg set (malloc'd) to lua5.4's exact message. */
Proto *compiler_compile(VM *vm, const char *src, size_t len, const char *chunkname,
                        char **errmsg);

/* With COMPILE_INTRINSICS (built-in library code only, at build time):
 * a call to a global named __lurel_X compiles to the instruction X, e.g.
 * __lurel_recv_peek() to RECVPEEK.  Such a call must be a plain call of
 * the global with fixed arguments. */
#define COMPILE_INTRINSICS 1
Proto *compiler_compile_flags(VM *vm, const char *src, size_t len, const char *chunkname,
                              int flags, char **errmsg);

#endif
