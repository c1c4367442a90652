/*
 * lurel.h — configuration and basic types shared by every part of Lurel.
 *
 * Everything here is a compile-time constant or a typedef: there is no
 * global mutable state anywhere in the VM (SMP is coming).  Per-process
 * state lives in Proc (state.h); state shared by all processes lives in
 * the VM structure (state.h) and says at its definition who may touch it.
 */
#ifndef LUREL_H
#define LUREL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <limits.h>

#define LUREL_VERSION        "0.1.0"
#define LUREL_LUA_VERSION    "Lua 5.4"
#define LUREL_COPYRIGHT      "Lurel " LUREL_VERSION " (Lua 5.4 semantics; processes after Erlang)"

typedef int64_t  lu_Int;
typedef uint64_t lu_Unsigned;
typedef double   lu_Num;
typedef uint32_t Instr;

#define LU_MAXINT  INT64_MAX
#define LU_MININT  INT64_MIN

/* Reductions given to a process per time slice (BEAM uses 4000). */
#define LU_REDUCTIONS        4000

/* Maximum Lua stack size of one thread, in slots; past it: "stack overflow". */
#define LU_MAXSTACK          1000000
/* Extra slots kept above every frame's top (room for metamethod calls). */
#define LU_EXTRA_STACK       5
/* Slots a C function may use without asking for more. */
#define LU_MINSTACK          20
/* C-level nesting (C function calling C function directly); past it:
 * "C stack overflow", as lua5.4 reports it. */
#define LU_MAXCCALLS         200
/* Length of the longest __index/__newindex chain before giving up. */
#define LU_MAXTAGLOOP        2000
/* Strings up to this length are short: hashed and interned per process. */
#define LU_MAXSHORTLEN       40
/* Size of the stack buffer of lu_Buffer. */
#define LU_BUFFERSIZE        1024
/* Multiple results. */
#define LU_MULTRET           (-1)

/* Status codes of calls, threads and the interpreter driver. */
enum {
  LU_OK = 0,
  LU_YIELD = 1,        /* coroutine yielded */
  LU_ERRRUN = 2,       /* runtime error */
  LU_ERRSYNTAX = 3,
  LU_ERRMEM = 4,
  LU_ERRERR = 5,       /* error in the message handler */
  LU_ERRFILE = 6,
  LU_PREEMPT = 7,      /* reductions used up: resume later */
  LU_BLOCKED = 8,      /* waiting (receive, sleep): resume when woken */
  LU_EXIT = 9,         /* process.exit / killed: unwind everything, no pcall stops it */
  LU_CLOSE = 10,       /* coroutine.close: unwind a suspended coroutine, closing */
  LU_KILL = 11         /* the process is killed: no Lua code runs, nothing is closed */
};

/* Lua's basic types, as type() names them. */
enum {
  LU_TNONE = -1,
  LU_TNIL = 0, LU_TBOOLEAN, LU_TLIGHTUSERDATA, LU_TNUMBER, LU_TSTRING,
  LU_TTABLE, LU_TFUNCTION, LU_TUSERDATA, LU_TTHREAD,
  LU_NUMTYPES
};

typedef struct lu_State lu_State;
typedef struct Proc Proc;
typedef struct VM VM;

/* A C function: arguments are at stack indices 1..lu_gettop(L); it pushes
 * its results and returns how many, or returns what lu_callk/lu_yieldk
 * returned (see api.h). */
typedef int (*lu_CFunction)(lu_State *L);
/* Continuation of a C function after a call it asked for has finished. */
typedef int (*lu_KFunction)(lu_State *L, int status, intptr_t ctx);

#if defined(__GNUC__)
#define lu_likely(x)   __builtin_expect(!!(x), 1)
#define lu_unlikely(x) __builtin_expect(!!(x), 0)
#define LU_NORETURN    __attribute__((noreturn))
#define LU_PRINTF(a,b) __attribute__((format(printf, a, b)))
#define LU_INLINE      static inline __attribute__((always_inline))
#define LU_NOINLINE    __attribute__((noinline))
#else
#define lu_likely(x)   (x)
#define lu_unlikely(x) (x)
#define LU_NORETURN
#define LU_PRINTF(a,b)
#define LU_INLINE      static inline
#define LU_NOINLINE
#endif

/* Internal assertions: on in debug and stress builds (LU_ASSERTS). */
#ifdef LU_ASSERTS
#include <assert.h>
#define lu_assert(c)   assert(c)
#else
#define lu_assert(c)   ((void)0)
#endif

#define cast(t, e)     ((t)(e))

#endif
