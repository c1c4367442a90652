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
 * The process runtime (proc.h):
 *   VM *vm = th_vmnew();            a VM with the compiler, no process yet
 *   Proc *P = proc_create(vm);      a process (lazy libraries), not runnable
 *   th_sched(P, src)                run src as P's entry under the scheduler
 *                                  with P as the main process, until P's
 *                                  entry ends: sched_run's status (0 ok);
 *                                  SIGALRM ends the test after 120 s
 *   th_getglobal(P, name)           P's global (raw), a pointer into its table
 *   th_setglobal(P, name, &v)       set it (raw)
 *   th_eval(P, src)                 th_run that must succeed: its first result
 *   th_check(P, src)                th_run that must succeed with only true results
 *   th_copyout(P, &v, err, n)       copy_tomsg of P's value v: a new message,
 *                                  or NULL (and the error) if it cannot be sent
 *   th_send(S, pid, &v)             proc_send from S (v is S's value)
 *   th_vmfree(vm)                   vm_shutdown + vm_free
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
#include <unistd.h>
#include "../../vm/state.h"
#include "../../vm/do.h"
#include "../../vm/str.h"
#include "../../vm/table.h"
#include "../../vm/gc.h"
#include "../../vm/func.h"
#include "../../vm/lib.h"
#include "../../vm/api.h"
#include "../../vm/proc.h"
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
  if (LU_SETJMP(jb) == 0) {
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
  e.L = proc_mainthread(e.P);
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
  lu_State *L = proc_mainthread(P);
  LClosure *cl = lcl_new(P, p->sizeupvalues);
  cl->p = p;
  val_setlcl(L->top, cl);
  L->top++;
  lcl_initupvals(P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, proc_globals(P));
  return cl;
}

/* Stack slot where the last th_run's results start. */
static inline Value *th_results(Proc *P) { return proc_mainthread(P)->stack + 1; }

/* Compile and run src (chunkname "=test") on the main thread, to the end.
 * Returns LU_OK (results from th_results(P) to L->top), LU_ERRSYNTAX for
 * a compile error, or the runtime error status (message in msg; the
 * thread is reset). */
static inline int th_run(Proc *P, const char *src, char *msg, size_t msgsz) {
  lu_State *L = proc_mainthread(P);
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

/* ------------------------------------------------ the process runtime */

static inline VM *th_vmnew(void) {
  VM *vm = vm_new();
  cr_assert_not_null(vm);
  vm->compile = compiler_compile;
  return vm;
}

static inline void th_vmfree(VM *vm) {
  vm_shutdown(vm);
  vm_free(vm);
}

typedef struct { const char *src; } th_SchedArg;

static inline void th_schedentry_cb(lu_State *L, void *ud) {
  Proc *P = L->P;
  const char *src = ((th_SchedArg *)ud)->src;
  char *err = NULL;
  Proto *p = compiler_compile(P->vm, src, strlen(src), "=test", &err);
  cr_assert_not_null(p, "compile: %s", err ? err : "?");
  th_pushproto(P, p);
  do_callentry(L, L->top - 1, 0);
}

/* Run src as P's entry under the scheduler (P is the main process: the run
 * ends when src ends; other processes wait for the next run or the VM's
 * end).  Returns sched_run's status: 0 when src ended normally. */
static inline int th_sched(Proc *P, const char *src) {
  lu_State *L = proc_mainthread(P);
  th_reset(L);
  th_SchedArg a = { src };
  char msg[256];
  int st = th_protect(P, th_schedentry_cb, &a, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  P->pstate = PS_WAITING;
  sched_ready(P->vm, P);
  /* a run that never ends (a process that is never preempted) kills the
   * test's worker instead of hanging the suite (criterion's .timeout leaks
   * under LeakSanitizer when several tests use it) */
  unsigned before = alarm(120);
  st = sched_run(P->vm, P);
  alarm(before);
  return st;
}

typedef struct { const char *name; const Value *v; } th_GlobalArg;

static inline void th_setglobal_cb(lu_State *L, void *ud) {
  th_GlobalArg *a = ud;
  Value k;
  val_setstr(&k, str_newz(L->P, a->name));
  tab_set(L, proc_globals(L->P), &k, a->v);
}

static inline void th_setglobal(Proc *P, const char *name, const Value *v) {
  th_GlobalArg a = { name, v };
  char msg[200];
  int st = th_protect(P, th_setglobal_cb, &a, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
}

/* P's global name (raw; the library names are not materialised) */
static inline const Value *th_getglobal(Proc *P, const char *name) {
  Value k;
  val_setstr(&k, str_newz(P, name));
  return tab_get(proc_globals(P), &k);
}

/* th_run in P that must succeed; its first result */
static inline const Value *th_eval(Proc *P, const char *src) {
  char msg[256];
  int st = th_run(P, src, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s\n--- in:\n%s", msg, src);
  cr_assert_gt(proc_mainthread(P)->top, th_results(P), "no result from:\n%s", src);
  return th_results(P);
}

/* th_run in P that must succeed, every result true */
static inline void th_check(Proc *P, const char *src) {
  char msg[256];
  int st = th_run(P, src, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s\n--- in:\n%s", msg, src);
  int n = (int)(proc_mainthread(P)->top - th_results(P));
  cr_assert_gt(n, 0, "no result from:\n%s", src);
  for (int j = 0; j < n; j++)
    cr_assert(!val_isfalsy(&th_results(P)[j]), "result %d is false in:\n%s", j + 1, src);
}

typedef struct { const Value *v; Msg *m; } th_CopyArg;

static inline void th_copy_cb(lu_State *L, void *ud) {
  th_CopyArg *a = ud;
  copy_tomsg(L, a->v, a->m);
}

static inline Msg *th_copyout(Proc *P, const Value *v, char *err, size_t errsz) {
  Msg *m = calloc(1, sizeof(Msg));
  cr_assert_not_null(m);
  m->kind = MSG_DATA;
  m->from = P->pid;
  val_setnil(&m->v);
  th_CopyArg a = { v, m };
  char buf[256];
  int st = th_protect(P, th_copy_cb, &a, buf, sizeof buf);
  if (err && errsz) {
    size_t n = strlen(buf) < errsz - 1 ? strlen(buf) : errsz - 1;
    memcpy(err, buf, n);
    err[n] = '\0';
  }
  if (st != LU_OK) return NULL;          /* copy_tomsg freed the message */
  return m;
}

typedef struct { uint64_t to; const Value *v; } th_SendArg;

static inline void th_send_cb(lu_State *L, void *ud) {
  th_SendArg *a = ud;
  Value d;
  val_setpid(&d, a->to);
  proc_send(L, &d, a->v);
}

static inline void th_send(Proc *S, uint64_t to, const Value *v) {
  th_SendArg a = { to, v };
  char msg[200];
  int st = th_protect(S, th_send_cb, &a, msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "send: %s", msg);
}

/* A deterministic PRNG for tests (xorshift64*). */
typedef struct { uint64_t s; } th_Rng;
static inline uint64_t th_rand(th_Rng *r) {
  r->s ^= r->s >> 12; r->s ^= r->s << 25; r->s ^= r->s >> 27;
  return r->s * 2685821657736338717ull;
}
static inline uint32_t th_randn(th_Rng *r, uint32_t n) { return n ? (uint32_t)(th_rand(r) % n) : 0; }

/* ------------------------------------------------- heap walks (isolation) */

/* A set of objects (open addressing by address). */
typedef struct th_Set { GCObj **slot; size_t size, n; } th_Set;

static inline size_t th_sethash(const void *p, size_t mask) {
  return (size_t)(((uint64_t)(uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 20) & mask;
}
/* true if o was not in s yet */
static inline bool th_setadd(th_Set *s, GCObj *o) {
  if ((s->n + 1) * 2 > s->size) {
    size_t ns = s->size ? s->size * 2 : 1024;
    GCObj **nt = calloc(ns, sizeof(GCObj *));
    for (size_t j = 0; j < s->size; j++)
      if (s->slot[j]) {
        size_t i = th_sethash(s->slot[j], ns - 1);
        while (nt[i]) i = (i + 1) & (ns - 1);
        nt[i] = s->slot[j];
      }
    free(s->slot);
    s->slot = nt;
    s->size = ns;
  }
  size_t i = th_sethash(o, s->size - 1);
  while (s->slot[i]) { if (s->slot[i] == o) return false; i = (i + 1) & (s->size - 1); }
  s->slot[i] = o;
  s->n++;
  return true;
}
static inline bool th_sethas(const th_Set *s, const GCObj *o) {
  if (s->size == 0) return false;
  size_t i = th_sethash(o, s->size - 1);
  while (s->slot[i]) { if (s->slot[i] == o) return true; i = (i + 1) & (s->size - 1); }
  return false;
}
/* every object of P's heap (allgc, finalizer lists) into s */
static inline void th_heapset(Proc *P, th_Set *s) {
  GCObj *lists[3] = { P->allgc, proc_finobj(P), proc_tobefnz(P) };
  for (int l = 0; l < 3; l++)
    for (GCObj *o = lists[l]; o; o = o->next) th_setadd(s, o);
}

/* fn(ud, p) for every collectable object o refers to (p may be NULL) */
typedef void (*th_RefFn)(void *ud, GCObj *p);
static inline void th_refv(th_RefFn fn, void *ud, const Value *v) {
  if (val_iscollectable(v) && v->tt != T_DEADKEY) fn(ud, val_gc(v));
}
static inline void th_eachref(GCObj *o, th_RefFn fn, void *ud) {
  switch (o->tt) {
    case T_TABLE: {
      Table *t = (Table *)o;
      fn(ud, (GCObj *)t->metatable);
      for (uint32_t j = 0; j < t->asize; j++) th_refv(fn, ud, &t->array[j]);
      if (!tab_isdummy(t))
        for (uint32_t j = 0; j < tab_sizenode(t); j++) {
          Node *nd = &t->node[j];
          if (val_isnil(node_val(nd))) continue;
          th_refv(fn, ud, node_val(nd));
          if (nd->ktt >= T_FIRSTGC && nd->ktt != T_DEADKEY) fn(ud, nd->k.gc);
        }
      break;
    }
    case T_LCL: {
      LClosure *cl = (LClosure *)o;
      for (int j = 0; j < cl->nupvalues; j++) fn(ud, (GCObj *)cl->upvals[j]);
      break;
    }
    case T_CCL: {
      CClosure *cl = (CClosure *)o;
      for (int j = 0; j < cl->nupvalues; j++) th_refv(fn, ud, &cl->upvalue[j]);
      break;
    }
    case T_UPVAL: th_refv(fn, ud, ((UpVal *)o)->v); break;
    case T_UDATA: {
      Udata *u = (Udata *)o;
      fn(ud, (GCObj *)u->metatable);
      for (int j = 0; j < u->nuvalue; j++) th_refv(fn, ud, &udata_uv(u)[j]);
      break;
    }
    case T_THREAD: {
      lu_State *th = (lu_State *)o;
      for (Value *v = th->stack; th->stack && v < th->top; v++) th_refv(fn, ud, v);
      for (UpVal *uv = th->openupval; uv; uv = uv->u.open.next) fn(ud, (GCObj *)uv);
      fn(ud, (GCObj *)th->resumer);
      break;
    }
    default: break;
  }
}

#endif
