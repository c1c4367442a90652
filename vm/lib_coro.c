/* lib_coro.c — the coroutine library (manual §6.2), on the stackless
 * interpreter: resume and yield switch threads inside the one loop. */
#include "api.h"
#include "lib.h"
#include "do.h"
#include "func.h"
#include "str.h"
#include <string.h>

static lu_State *getco(lu_State *L) {
  lu_State *co = lu_tothread(L, 1);
  lu_argexpected(L, co, 1, "thread");
  return co;
}

static const char *statusname(lu_State *L, lu_State *co) {
  if (L == co) return "running";
  switch (co->costatus) {
    case CO_NEW: case CO_SUSPENDED: return "suspended";
    case CO_DEAD: return "dead";
    default: return "normal";
  }
}

/* after the coroutine yielded, returned or failed: true + values, or false + error */
static int resume_k(lu_State *L, int status, intptr_t base) {
  if (status != LU_OK) {
    lu_pushboolean(L, 0);
    lu_pushvalue(L, -2);
    return 2;
  }
  return lu_gettop(L) - (int)base;
}

static int start_resume(lu_State *L, lu_State *co, int nargs, intptr_t ctx, lu_KFunction k,
                        const char **err) {
  if (co->costatus == CO_DEAD) { *err = "cannot resume dead coroutine"; return -1; }
  if (co->costatus == CO_RUNNING || co == L) { *err = "cannot resume non-suspended coroutine"; return -1; }
  if (co->costatus == CO_NEW && co->top == co->stack + 1) { *err = "cannot resume dead coroutine"; return -1; }
  if (stack_size(co) + nargs >= LU_MAXSTACK) { *err = "too many arguments to resume"; return -1; }
  /* coroutines resumed inside coroutines: lua5.4 stops at 200 nested
   * C-level calls; here nothing is on the C stack, but an endless chain
   * would eat memory, so the same limit holds */
  if (L->nCcalls >= LU_MAXCCALLS) { *err = "C stack overflow"; return -1; }
  co->nCcalls = L->nCcalls + 1;
  return do_resume(L, co, nargs, ctx, k);
}

static int co_resume(lu_State *L) {
  lu_State *co = getco(L);
  int nargs = lu_gettop(L) - 1;
  /* stack: co args... -> co true args...; results come after 'true' */
  lu_pushboolean(L, 1);
  lu_insert(L, 2);
  const char *err = NULL;
  int r = start_resume(L, co, nargs, 1, resume_k, &err);
  if (r == -1) {
    lu_pushboolean(L, 0);
    lu_pushstring(L, err);
    return 2;
  }
  return r;
}

static int needs_closing(lu_State *co);
static int start_close(lu_State *L, lu_State *co, intptr_t ctx, lu_KFunction k);

static int wrap_k(lu_State *L, int status, intptr_t base) {
  if (status != LU_OK) {
    lu_State *co = lu_tothread(L, lu_upvalueindex(1));
    if (needs_closing(co)) {
      /* as lua5.4's wrap: close its pending to-be-closed variables
       * (with the error) first; this runs again with the final error */
      lu_pop(L, 1);
      return start_close(L, co, base, wrap_k);
    }
    if (status != LU_ERRMEM && lu_type(L, -1) == LU_TSTRING) {
      lu_where(L, 1);
      lu_insert(L, -2);
      size_t l1, l2;
      const char *a = lu_tolstring(L, -2, &l1);
      const char *b = lu_tolstring(L, -1, &l2);
      lu_Buffer B;
      lu_buffinit(L, &B);
      lu_addlstring(&B, a, l1);
      lu_addlstring(&B, b, l2);
      lu_pushresult(&B);
    }
    return lu_error(L);
  }
  return lu_gettop(L) - (int)base;
}

static int co_wrapped(lu_State *L) {
  lu_State *co = lu_tothread(L, lu_upvalueindex(1));
  int nargs = lu_gettop(L);
  const char *err = NULL;
  int r = start_resume(L, co, nargs, 0, wrap_k, &err);
  if (r == -1) {
    if (co->costatus == CO_DEAD) lu_errorf(L, "cannot resume dead coroutine");
    lu_errorf(L, "%s", err);
  }
  return r;
}

static int co_create(lu_State *L) {
  lu_checktype(L, 1, LU_TFUNCTION);
  lu_State *co = thread_new(L->P);
  Value v;
  val_setthread(&v, co);
  lu_pushv(L, &v);
  /* the function goes to the new thread's stack */
  val_copy(co->top, lu_index2value(L, 1));
  co->top++;
  return 1;
}

static int co_wrap(lu_State *L) {
  co_create(L);
  lu_pushcclosure(L, co_wrapped, 1);
  return 1;
}

static int yield_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  return L->nargs_resume;
}

/* Whether the running coroutine L may yield, as lua5.4 decides: not in the
 * main thread, not while coroutine.close runs its __close methods or a
 * finalizer runs, not inside a call made by a library C function that lua5.4
 * makes with lua_call (CIST_NY), a message handler or a debug hook. */
static int canyield(lu_State *L) {
  if (L->resumer == NULL || L->closing || L->nny) return 0;
  for (CallInfo *ci = L->ci; ci != &L->base_ci; ci = ci->previous)
    if (ci->callstatus & (CIST_NY | CIST_ERRH | CIST_HOOKED)) return 0;
  return 1;
}

static int co_yield(lu_State *L) {
  if (L->resumer != NULL && !canyield(L)) lu_runerror(L, "attempt to yield across a C-call boundary");
  return do_yield(L, lu_gettop(L), 0, yield_k);
}

static int co_status(lu_State *L) {
  lu_State *co = getco(L);
  lu_pushstring(L, statusname(L, co));
  return 1;
}

static int co_running(lu_State *L) {
  lu_pushthread(L);
  lu_pushboolean(L, L == proc_mainthread(L->P));
  return 2;
}

static int co_isyieldable(lu_State *L) {
  lu_State *co = lu_isnone(L, 1) ? L : getco(L);
  /* as lua5.4: any thread but the main one (dead or suspended too) */
  lu_pushboolean(L, co == L ? canyield(L) : co != proc_mainthread(L->P));
  return 1;
}

static int close_k(lu_State *L, int status, intptr_t ctx) {
  (void)ctx;
  if (status != LU_OK) {
    lu_pushboolean(L, 0);
    lu_pushvalue(L, -2);
    return 2;
  }
  lu_pushboolean(L, 1);
  return 1;
}

/* Does co have to-be-closed variables that coroutine.close (or a failed
 * wrap) must close: suspended, or dead by an error (lua5.4 leaves them
 * pending until the thread is reset) */
static int needs_closing(lu_State *co) {
  return co->ntbc > 0 && (co->costatus == CO_SUSPENDED ||
                          (co->costatus == CO_DEAD && co->status != LU_OK));
}

/* Run co's pending __close methods inside it, from its base: its frames
 * are gone, so no pcall of its own can stop the closing; a coroutine dead
 * by an error passes that error to them.  k gets LU_OK, or the error. */
static int start_close(lu_State *L, lu_State *co, intptr_t ctx, lu_KFunction k) {
  Value *hi = co->stack + 1;
  for (int j = 0; j < co->ntbc; j++) {
    Value *v = restorestack(co, co->tbc[j]);
    if (v + 1 > hi) hi = v + 1;
  }
  if (co->top < hi) co->top = hi;
  co->ci = &co->base_ci;
  co->closing = 1;
  return do_resume(L, co, 0, ctx, k);
}

static int co_close(lu_State *L) {
  lu_State *co = getco(L);
  const char *st = statusname(L, co);
  if (co != L && needs_closing(co)) return start_close(L, co, 0, close_k);
  if (strcmp(st, "suspended") == 0 || strcmp(st, "dead") == 0) {
    int failed = (co->costatus == CO_DEAD && co->status != LU_OK);
    if (co->stack) upval_close(co, co->stack);
    co->costatus = CO_DEAD;
    co->ci = &co->base_ci;
    co->top = co->stack + 1;
    if (failed) {
      co->status = LU_OK;
      lu_pushboolean(L, 0);
      lu_pushv(L, &co->errval);
      val_setnil(&co->errval);
      return 2;
    }
    lu_pushboolean(L, 1);
    return 1;
  }
  return lu_errorf(L, "cannot close a %s coroutine", st);
}

static const lu_Reg co_funcs[] = {
  {"create", co_create},
  {"resume", co_resume},
  {"running", co_running},
  {"status", co_status},
  {"wrap", co_wrap},
  {"yield", co_yield},
  {"isyieldable", co_isyieldable},
  {"close", co_close},
  {NULL, NULL}
};

const lu_Reg *lib_corofuncs(void) { return co_funcs; }

int lu_open_coroutine(lu_State *L) {
  lu_newlib(L, co_funcs);
  return 1;
}
