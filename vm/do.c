/* do.c — errors and the driver of a time slice (see do.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "do.h"
#include "debug.h"
#include "func.h"
#include "gc.h"
#include "str.h"
#include "vm.h"
#include "api.h"
#include "tm.h"

void lu_throw(lu_State *L, int status) {
  Proc *P = L->P;
  if (P->errorjmp) {
    P->errorjmp->status = status;
    LU_LONGJMP(*P->errorjmp);
  }
  /* no driver: an error outside any run (a bug in the host) */
  fprintf(stderr, "lurel: PANIC: unprotected error: %s\n",
          val_isstr(&L->errval) ? str_data(val_str(&L->errval)) : "(not a string)");
  abort();
}

void lu_throwvalue(lu_State *L, const Value *v) {
  val_copy(&L->errval, v);
  lu_throw(L, LU_ERRRUN);
}

void lu_runerror(lu_State *L, const char *fmt, ...) {
  char where[LU_IDSIZE + 32];
  char small[256];
  va_list ap;
  where[0] = '\0';
  if (ci_isLua(L->ci)) dbg_runwhere(L, where, sizeof where);
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  size_t wl = strlen(where);
  String *s;
  if (n < (int)sizeof small) {
    char buf[sizeof where + sizeof small];
    memcpy(buf, where, wl);
    memcpy(buf + wl, small, (size_t)n);
    s = str_new(L->P, buf, wl + (size_t)n);
  } else {
    s = str_newlong(L->P, wl + (size_t)n);
    char *d = s->u.blob->data;
    memcpy(d, where, wl);
    va_start(ap, fmt);
    vsnprintf(d + wl, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  val_setstr(&L->errval, s);
  lu_throw(L, LU_ERRRUN);
}

/* ------------------------------------------------------------- chunk ids */

#define RETS "..."
#define PRE  "[string \""
#define POS  "\"]"
#define addstr(a, b, l) (memcpy(a, b, (l) * sizeof(char)), a += (l))

void do_chunkid(char *out, const char *source, size_t srclen) {
  size_t bufflen = LU_IDSIZE;
  if (*source == '=') {
    if (srclen <= bufflen) memcpy(out, source + 1, srclen * sizeof(char));
    else { addstr(out, source + 1, bufflen - 1); *out = '\0'; }
  } else if (*source == '@') {
    if (srclen <= bufflen) memcpy(out, source + 1, srclen * sizeof(char));
    else {
      addstr(out, RETS, strlen(RETS));
      bufflen -= strlen(RETS);
      memcpy(out, source + 1 + srclen - bufflen, bufflen * sizeof(char));
    }
  } else {
    const char *nl = strchr(source, '\n');
    addstr(out, PRE, strlen(PRE));
    bufflen -= strlen(PRE RETS POS) + 1;
    if (srclen < bufflen && nl == NULL) {
      addstr(out, source, srclen);
    } else {
      if (nl != NULL) srclen = (size_t)(nl - source);
      if (srclen > bufflen) srclen = bufflen;
      addstr(out, source, srclen);
      addstr(out, RETS, strlen(RETS));
    }
    memcpy(out, POS, (strlen(POS) + 1) * sizeof(char));
  }
}

/* ------------------------------------------------------------ the driver */

/* Nearest protected frame of L at or below L->ci, or NULL. */
static CallInfo *findpcall(lu_State *L) {
  for (CallInfo *ci = L->ci; ci != NULL; ci = ci->previous)
    if (ci->callstatus & CIST_YPCALL) return ci;
  return NULL;
}

/* Unwind L to the protected C frame pci: close upvalues, cut the stack back
 * to where the protected call started, push the error value; the frame's
 * continuation then runs with 'status'. */
static void unwind_to(lu_State *L, CallInfo *pci, int status) {
  Value *oldtop = L->stack + pci->oldtop;
  upval_close(L, oldtop);
  L->ci = pci;
  pci->callstatus &= (uint16_t)~(CIST_YPCALL | CIST_XPCALL | CIST_XPFRAME);
  L->top = oldtop;
  val_copy(L->top, &L->errval);
  L->top++;
  L->entry = ENTRY_RESUME;
  L->kstatus = status;
  if (!L->allowhook) {
    /* the error left a debug hook: hooks run again unless the pcall is
     * itself inside one */
    L->allowhook = 1;
    for (CallInfo *ci = pci; ci; ci = ci->previous)
      if (ci->callstatus & CIST_HOOKED) { L->allowhook = 0; break; }
  }
  L->hookskip = 0;
  /* after a stack overflow, give the extra space back so that the next
   * overflow is reported the same way */
  if (stack_size(L) > LU_MAXSTACK) {
    int inuse = (int)(L->top - L->stack);
    for (CallInfo *ci = L->ci; ci; ci = ci->previous)
      if (ci->top - L->stack > inuse) inuse = (int)(ci->top - L->stack);
    int n = inuse + LU_MINSTACK * 2;
    if (n < LU_MAXSTACK) stack_realloc(L, n);
  }
}

/* Stands in for a __close that cannot be called while an error unwinds:
 * raises lua5.4's error, from a C frame (so without a position) */
static int close_notcallable(lu_State *L) {
  lu_runerror(L, "attempt to call a %s value", tm_objtypename(L->P, lu_index2value(L, 1)));
  return 0;
}

/* If a to-be-closed variable at or above level is pending, set up the call
 * of its __close (the error value saved below it) and return true: the
 * interpreter runs it, then rethrows (CIST_CLOSEERR) to come back here. */
static bool close_next(lu_State *L, Value *level, int status, bool trim) {
  if (!tbc_pending(L, level)) return false;
  if (trim) {
    /* nothing above the variable is live any more (the frames there are
     * being unwound): as lua5.4, close the upvalues there and call the
     * __close right above it, so that closing after a stack overflow has
     * room and the stack does not grow with each variable */
    Value *v = restorestack(L, L->tbc[L->ntbc - 1]);
    upval_close(L, v);
    L->top = v + 1;
  } else if (ci_isLua(L->ci) && L->top < L->ci->top) L->top = L->ci->top;
  if (L->stack_last - L->top < 5) stack_realloc(L, stack_size(L) + LU_MINSTACK);
  Value err;
  if (status == LU_CLOSE || (status == LU_EXIT && !L->exiterr)) val_setnil(&err);
  else val_copy(&err, &L->errval);
  val_copy(L->top, &L->errval);       /* saved error, restored afterwards */
  L->top++;
  tbc_prepclose(L, &err);
  Value *f = L->top - 3;
  if (!val_isfunc(f) && tm_getbyobj(L->P, f, TM_CALL) == NULL) {
    val_copy(f + 1, f);
    val_setlcf(f, close_notcallable);
  }
  L->closestatus = status;
  L->entry = ENTRY_CLOSEERR;
  return true;
}

/* After an error was thrown: decide where execution continues.
 * Returns true to continue running, false when the error escapes. */
/* Does an error thrown now escape a __close run by process.exit?  Then
 * the exit goes on (no pcall may catch it), with the exit's reason. */
static bool escapes_exitclose(lu_State *L) {
  for (CallInfo *ci = L->ci; ci != NULL; ci = ci->previous) {
    if (ci->callstatus & CIST_YPCALL) return false;
    if (ci->callstatus & CIST_EXITCLOSE) return true;
  }
  return false;
}

static bool handle_error(lu_State *L, int status) {
  if (status == LU_KILL) return false;      /* no Lua code runs */
  if (status == LU_EXIT) {
    /* process.exit: close every pending tbc, in every thread up the
     * resume chain; no pcall stops it.  os.exit(code, true) closes only
     * the main thread's, as lua_close does. */
    VM *vm = L->P->vm;
    bool osexit = vm->exitclose && vm->exitpid == L->P->pid;
    for (;;) {
      if ((!osexit || L->resumer == NULL) && close_next(L, L->stack, status, false)) return true;
      lu_State *r = L->resumer;
      if (r == NULL) return false;
      L->costatus = CO_DEAD;
      L->resumer = NULL;
      L->P->L = r;
      if (L->exiterr) { r->exiterr = 1; val_copy(&r->errval, &L->errval); }
      L = r;
    }
  }
  /* coroutine.close of a coroutine dead by an error: its __close
   * methods get that error */
  if (status == LU_CLOSE && L->status != LU_OK) status = L->status;
  bool all = L->closing || status == LU_CLOSE;
  CallInfo *pci = all ? NULL : findpcall(L);
  if (pci && (pci->callstatus & CIST_XPCALL) && status != LU_ERRERR) {
    /* call the message handler on top of the intact stack; its result
     * becomes the error value (see the CIST_ERRH return in interp.c) */
    int depth = 0;
    for (CallInfo *ci = L->ci; ci != pci; ci = ci->previous)
      if (ci->callstatus & CIST_ERRH) depth++;
    if (depth >= 20 || (depth > 0 && stack_size(L) > LU_MAXSTACK)) {
      val_setstr(&L->errval, str_newz(L->P, "error in error handling"));
      status = LU_ERRERR;
      pci->callstatus &= (uint16_t)~CIST_XPCALL;
    } else {
      if (ci_isLua(L->ci)) L->top = L->ci->top;
      if (L->stack_last - L->top < 3) stack_realloc(L, stack_size(L) + 200);
      val_copy(L->top, pci->func + 2);         /* xpcall(f, msgh, ...): msgh */
      val_copy(L->top + 1, &L->errval);
      L->top += 2;
      L->entry = ENTRY_ERRH;
      return true;
    }
  }
  /* close pending to-be-closed variables first, one call at a time */
  if (pci && tbc_pending(L, L->stack + pci->oldtop)) {
    /* the frames above pci are dead (a message handler has seen them):
     * the __close runs right above pci, as in lua5.4, and unwinding
     * many frames with pending variables takes linear time */
    L->ci = pci;
    close_next(L, L->stack + pci->oldtop, status, true);
    /* as in lua5.4, an error raised by that __close goes through the
     * message handler of an xpcall again (closeerr_done clears this) */
    if (pci->callstatus & CIST_XPFRAME) pci->callstatus |= CIST_XPCALL;
    return true;
  }
  if (all && close_next(L, L->stack, status, true)) return true;
  if (pci) {
    unwind_to(L, pci, status);
    return true;
  }
  lu_State *r = L->resumer;
  if (r == NULL) {
    /* the error leaves the main thread: its pending to-be-closed variables
     * are closed first, with the error (lua.c runs chunks under lua_pcall,
     * which does so); the frames stay intact for the traceback */
    if (!all && close_next(L, L->stack, status, false)) return true;
    return false;
  }
  /* the coroutine ends: its resumer continues (resume returns false and
   * the error, or close returns true); a coroutine dead by an error keeps
   * its stack for debug.traceback */
  L->costatus = CO_DEAD;
  L->resumer = NULL;
  r->costatus = CO_RUNNING;
  L->P->L = r;
  if (status == LU_CLOSE) {
    L->status = LU_OK;
    L->closing = 0;
    upval_close(L, L->stack);
    L->ci = &L->base_ci;
    L->top = L->stack + 1;
    r->entry = ENTRY_RESUME;
    r->kstatus = LU_OK;
    return true;
  }
  L->status = (uint8_t)status;
  if (r->stack_last - r->top < 2) stack_realloc(r, stack_size(r) + LU_MINSTACK);
  val_copy(r->top, &L->errval);
  r->top++;
  if (L->closing) {
    /* closed by coroutine.close (or a failed wrap): reset, so that
     * closing it again returns true, as in lua5.4 */
    L->closing = 0;
    upval_close(L, L->stack);
    L->ci = &L->base_ci;
    L->top = L->stack + 1;
    L->status = LU_OK;
    val_setnil(&L->errval);
  }
  r->entry = ENTRY_RESUME;
  r->kstatus = status;
  return true;
}

static int run(lu_State *L, const char *volatile raise) {
  Proc *P = L->P;
  lu_Jmp jb;
  jb.previous = P->errorjmp;
  for (;;) {
    P->errorjmp = &jb;
    jb.status = LU_OK;
    if (LU_SETJMP(jb) == 0) {
      if (raise) {
        const char *msg = raise;
        raise = NULL;
        lu_runerror(P->L, "%s", msg);
      }
      int st = vm_execute(P->L);
      P->errorjmp = jb.previous;
      return st;
    }
    L = P->L;
    if (jb.status != LU_EXIT && jb.status != LU_KILL && escapes_exitclose(L)) {
      /* the exit goes on; the next __close methods get the error, as
       * lua_close gives it */
      jb.status = LU_EXIT;
      L->exiterr = 1;
    }
    if (!handle_error(L, jb.status)) {
      P->errorjmp = jb.previous;
      return jb.status;
    }
  }
}

int do_run(lu_State *L) { return run(L, NULL); }
int do_interrupt(lu_State *L) { return run(L, "interrupted!"); }

int do_resume(lu_State *L, lu_State *co, int nargs, intptr_t ctx, lu_KFunction k) {
  CallInfo *ci = L->ci;
  ci->u.c.k = k;
  ci->u.c.ctx = ctx;
  if (co->stack_last - co->top <= nargs + LU_MINSTACK) stack_grow(co, nargs + LU_MINSTACK);
  for (int j = 0; j < nargs; j++) val_copy(co->top + j, L->top - nargs + j);
  co->top += nargs;
  /* the C frame it yielded from gets its LU_MINSTACK slots back (the
   * collector takes them from a suspended coroutine) */
  if (!ci_isLua(co->ci) && co->ci->top < co->top + LU_MINSTACK) co->ci->top = co->top + LU_MINSTACK;
  L->top -= nargs;
  co->nargs_resume = nargs;
  L->co_target = co;
  return LU_SIG_RESUME;
}

int do_yield(lu_State *L, int nresults, intptr_t ctx, lu_KFunction k) {
  CallInfo *ci = L->ci;
  ci->u.c.k = k;
  ci->u.c.ctx = ctx;
  L->nyield = nresults;
  return LU_SIG_YIELD;
}

int do_block(lu_State *L, intptr_t ctx, lu_KFunction k) {
  L->ci->u.c.k = k;
  L->ci->u.c.ctx = ctx;
  return LU_SIG_BLOCK;
}

int do_yieldslice(lu_State *L, intptr_t ctx, lu_KFunction k) {
  L->ci->u.c.k = k;
  L->ci->u.c.ctx = ctx;
  return LU_SIG_PREEMPT;
}

void do_callentry(lu_State *L, Value *func, int nresults) {
  L->entry = ENTRY_CALL;
  L->entry_func = savestack(L, func);
  L->entry_nres = (int16_t)nresults;
}

int do_pcall_sync(lu_State *L, Value *func, int nresults) {
  return do_pcall_sync_n(L, func, nresults, -1);
}

int do_pcall_sync_n(lu_State *L, Value *func, int nresults, int maxslices) {
  do_callentry(L, func, nresults);
  int st;
  while ((st = do_run(L)) == LU_PREEMPT) {
    if (maxslices >= 0 && maxslices-- == 0) return LU_PREEMPT;   /* the caller abandons it */
    L->P->reds = proc_budget(L->P);
  }
  return st;
}

int do_ccall(lu_State *L, lu_CFunction f) {
  if (L->stack_last - L->top <= LU_MINSTACK + 1) stack_grow(L, LU_MINSTACK + 1);
  Value *func = L->top;
  val_setnil(func);
  L->top++;
  CallInfo *ci = L->ci->next ? L->ci->next : ci_extend(L);
  ci->func = func;
  ci->top = L->top + LU_MINSTACK;
  ci->callstatus = CIST_C;
  ci->nresults = 1;
  ci->u.c.k = NULL;
  ci->oldtop = 0;
  L->ci = ci;
  int n = f(L);
  lu_assert(n >= 0);
  func = ci->func;                  /* the stack may have moved */
  if (n > 0) val_copy(func, L->top - n); else val_setnil(func);
  L->top = func + 1;
  L->ci = ci->previous;
  return n;
}
