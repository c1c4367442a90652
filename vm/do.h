/*
 * do.h — raising errors, stack frames for calls, and the driver that runs a
 * thread for one time slice.
 *
 * The error mechanism (the only one):
 *   lu_throw(L, status) stores nothing itself: the error value is already in
 *   L->errval.  It longjmps to the driver of the current slice (do_run),
 *   which (1) if the nearest protected frame is an xpcall whose handler has
 *   not run yet, calls the handler on top of the intact stack; (2) else
 *   unwinds the thread's frames to the nearest pcall/xpcall frame (closing
 *   upvalues) and continues there with status LU_ERRRUN; (3) else, for a
 *   coroutine, kills it and resumes its resumer; (4) else returns the error
 *   to the caller of do_run (the process dies).  Errors never jump across a
 *   process or scheduler switch.
 */
#ifndef LU_DO_H
#define LU_DO_H

#include "state.h"

/* C functions return a count >= 0, or one of these requests. */
#define LU_SIG_CALL      (-100)   /* call the function on top (lu_callk/lu_pcallk) */
#define LU_SIG_TAILCALL  (-101)   /* replace this C frame by a call (lu_tailcall) */
#define LU_SIG_YIELD     (-102)   /* suspend the coroutine (lu_yieldk) */
#define LU_SIG_RESUME    (-104)   /* switch to the coroutine L->co_target (do_resume) */
#define LU_SIG_BLOCK     (-103)   /* wait for a message or a timer (do_block) */
#define LU_SIG_PREEMPT   (-105)   /* give up the slice, continue later (do_yieldslice) */

LU_NORETURN void lu_throw(lu_State *L, int status);
LU_NORETURN void lu_runerror(lu_State *L, const char *fmt, ...) LU_PRINTF(2, 3);
LU_NORETURN void lu_throwvalue(lu_State *L, const Value *v);

/* Run the thread until its entry frame returns (LU_OK), the reductions run
 * out (LU_PREEMPT), or an error escapes (LU_ERRRUN etc., error in errval). */
int do_run(lu_State *L);
/* do_run, but the slice starts by raising the error "interrupted!" where
 * the running thread stands (a Lua frame's error gets its position), as
 * if its next instruction had raised it: pcall/xpcall catch it.  The
 * scheduler calls this for a process with P->interrupt set. */
int do_interrupt(lu_State *L);
/* Prepare a call of the function at func with args up to L->top as the
 * entry frame of a run; call do_run afterwards. */
void do_callentry(lu_State *L, Value *func, int nresults);
/* Run a complete call to the end (no preemption), for the command and tests. */
int do_pcall_sync(lu_State *L, Value *func, int nresults);
/* the same, giving up (LU_PREEMPT) after maxslices time slices (-1: never);
 * the caller then drops the frames it started from */
int do_pcall_sync_n(lu_State *L, Value *func, int nresults, int maxslices);

/* Coroutines: move nargs values from L's top to co and ask the interpreter
 * to switch to it; the C function returns what this returns.  The
 * continuation k of L's C frame runs when co yields, returns or fails
 * (then with status LU_ERRRUN and the error on top). */
int do_resume(lu_State *L, lu_State *co, int nargs, intptr_t ctx, lu_KFunction k);
/* Suspend the running coroutine, passing nresults values from the top to
 * its resumer; when resumed, k runs with the resume arguments on top
 * (their number in L->nargs_resume). */
int do_yield(lu_State *L, int nresults, intptr_t ctx, lu_KFunction k);

/* Call a C function that never calls Lua (a library opener) in a frame of
 * its own, synchronously; its first result (or nil) is left on top. */
int do_ccall(lu_State *L, lu_CFunction f);

/* Processes: suspend the running C function until woken (a message, a
 * timer), or until its next time slice; k continues it. */
int do_block(lu_State *L, intptr_t ctx, lu_KFunction k);
int do_yieldslice(lu_State *L, intptr_t ctx, lu_KFunction k);

/* Format "chunkname" of a source for messages, like lua5.4. */
void do_chunkid(char *out, const char *source, size_t srclen);
#define LU_IDSIZE 60

#endif
