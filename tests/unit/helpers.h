/*
 * helpers.h — shared set-up for the C unit tests.
 *
 *   TEnv e = th_env(0);            a VM and a process (1: libraries opened)
 *   th_protect(P, fn, ud, msg, n)  run fn(L, ud) with an error handler: the
 *                                  status thrown (LU_OK if none) and the
 *                                  error message, if it is a string
 *   th_run(P, src, msg, n)         compile and run a chunk (no preemption);
 *                                  results stay on the stack from
 *                                  th_results(P) to L->top
 *   th_free(&e)
 *
 * Errors inside VM code longjmp to P->errorjmp (vm/do.h): never call a
 * function that may raise without th_protect around it.
 */
#ifndef LU_TEST_HELPERS_H
#define LU_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../vm/state.h"
#include "../../vm/do.h"
#include "../../vm/str.h"
#include "../../vm/table.h"
#include "../../vm/gc.h"
#include "../../vm/func.h"
#include "../../vm/lib.h"
#include "../../vm/api.h"
#include "../../compiler/compiler.h"

/* Note: under ASan a LeakSanitizer report is printed when a test's worker
 * exits, but criterion has already counted the test as passed: look for
 * "Sanitizer" in the output of build/asan/unit_tests. */

typedef struct TEnv { VM *vm; Proc *P; lu_State *L; } TEnv;
typedef void (*th_Fn)(lu_State *L, void *ud);

/* Copy the error value of L as text into msg. */
static inline void th_errmsg(lu_State *L, char *msg, size_t msgsz) {
  if (msg == NULL || msgsz == 0) return;
  if (val_isstr(&L->errval)) {
    String *s = val_str(&L->errval);
    size_t n = str_len(s) < msgsz - 1 ? str_len(s) : msgsz - 1;
    memcpy(msg, str_data(s), n);
    msg[n] = '\0';
  } else {
    snprintf(msg, msgsz, "(error object is a tag %d value)", L->errval.tt);
  }
}

static inline int th_protect(Proc *P, th_Fn f, void *ud, char *msg, size_t msgsz) {
  lu_Jmp jb;
  jb.previous = P->errorjmp;
  jb.status = LU_OK;
  P->errorjmp = &jb;
  if (msg && msgsz) msg[0] = '\0';
  if (setjmp(jb.b) == 0) {
    f(P->L, ud);
    P->errorjmp = jb.previous;
    return LU_OK;
  }
  P->errorjmp = jb.previous;
  th_errmsg(P->L, msg, msgsz);
  return jb.status;
}

static inline void th_openlibs_cb(lu_State *L, void *ud) { (void)ud; lu_openlibs(L); }

static inline TEnv th_env(int libs) {
  TEnv e;
  e.vm = vm_new();
  cr_assert_not_null(e.vm);
  e.vm->compile = compiler_compile;
  e.P = proc_new(e.vm);
  cr_assert_not_null(e.P);
  e.L = e.P->mainthread;
  if (libs) {
    char msg[200];
    int st = th_protect(e.P, th_openlibs_cb, NULL, msg, sizeof msg);
    cr_assert_eq(st, LU_OK, "lu_openlibs failed: %s", msg);
  }
  return e;
}

static inline void th_free(TEnv *e) {
  proc_free(e->P);
  vm_free(e->vm);
}

/* Back to an empty main thread after an error or a run (as lurel/main.c). */
static inline void th_reset(lu_State *L) {
  upval_close(L, L->stack);
  L->ci = &L->base_ci;
  L->top = L->stack + 1;
  L->P->L = L;
}

/* Push a closure of p (main-chunk style: fresh upvalues, _ENV = globals). */
static inline LClosure *th_pushproto(Proc *P, Proto *p) {
  lu_State *L = P->mainthread;
  LClosure *cl = lcl_new(P, p->sizeupvalues);
  cl->p = p;
  val_setlcl(L->top, cl);
  L->top++;
  lcl_initupvals(P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, proc_globals(P));
  return cl;
}

/* Stack slot where the last th_run's results start. */
static inline Value *th_results(Proc *P) { return P->mainthread->stack + 1; }

/* Compile and run src (chunkname "=test") on the main thread, to the end.
 * Returns LU_OK (results from th_results(P) to L->top), LU_ERRSYNTAX for
 * a compile error, or the runtime error status (message in msg; the
 * thread is reset). */
static inline int th_run(Proc *P, const char *src, char *msg, size_t msgsz) {
  lu_State *L = P->mainthread;
  char *err = NULL;
  if (msg && msgsz) msg[0] = '\0';
  th_reset(L);
  Proto *p = compiler_compile(P->vm, src, strlen(src), "=test", &err);
  if (p == NULL) {
    if (msg && msgsz) snprintf(msg, msgsz, "%s", err ? err : "?");
    free(err);
    return LU_ERRSYNTAX;
  }
  th_pushproto(P, p);             /* the closure owns the reference */
  int st = do_pcall_sync(L, L->top - 1, LU_MULTRET);
  if (st != LU_OK) {
    th_errmsg(L, msg, msgsz);
    th_reset(L);
  }
  return st;
}

/* Is o on P's heap list (i.e. not freed)? */
static inline bool th_alive(Proc *P, const void *o) {
  for (GCObj *g = P->allgc; g; g = g->next)
    if ((const void *)g == o) return true;
  return false;
}

/* A deterministic PRNG for tests (xorshift64*). */
typedef struct { uint64_t s; } th_Rng;
static inline uint64_t th_rand(th_Rng *r) {
  r->s ^= r->s >> 12; r->s ^= r->s << 25; r->s ^= r->s >> 27;
  return r->s * 2685821657736338717ull;
}
static inline uint32_t th_randn(th_Rng *r, uint32_t n) { return n ? (uint32_t)(th_rand(r) % n) : 0; }

#endif
