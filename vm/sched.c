/*
 * sched.c — the scheduler: run queue, time slices, timers, sleeping when
 * nothing can run.  One scheduler thread today; the structures it owns are
 * listed in proc.h.
 */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "proc.h"
#include "api.h"
#include "debug.h"
#include "do.h"
#include "gc.h"
#include "lib.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "func.h"
#include "vm.h"

double sched_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* ------------------------------------------------------------ run queue */

void sched_ready(VM *vm, Proc *P) {
  if (P->inrunq || P->pstate == PS_RUNNING || P->pstate == PS_DEAD || P->pstate == PS_EXITING) return;
  P->pstate = PS_RUNNABLE;
  P->inrunq = 1;
  P->rq_next = NULL;
  if (vm->rq_tail) vm->rq_tail->rq_next = P; else vm->rq_head = P;
  vm->rq_tail = P;
}

static Proc *rq_pop(VM *vm) {
  Proc *P = vm->rq_head;
  if (P) {
    vm->rq_head = P->rq_next;
    if (vm->rq_head == NULL) vm->rq_tail = NULL;
    P->inrunq = 0;
  }
  return P;
}

/* --------------------------------------------------------------- timers
 * A 4-ary min-heap of deadlines.  Receive timeouts point at their process;
 * send_after timers carry their message and are also found by ref (tmap)
 * for cancel_timer.
 *
 * The heap's entries hold the deadline next to the timer, so sifting never
 * reads a Timer (with a million timers each read would be a cache miss),
 * and the four children of an entry share one cache line.  A cancelled
 * timer is only marked (its message freed) and stays in the heap until it
 * comes to the top or until the dead outnumber the live, when the heap is
 * rebuilt without them: cancelling is O(1) and nothing needs a timer's
 * place in the heap.  Adding and firing are O(log n). */

struct Timer {
  uint64_t seq;           /* order of creation: equal deadlines fire first come, first served */
  Proc *P;                /* receive timeout: the waiting process */
  uint64_t pid;
  uint64_t ref;           /* send_after: its ref */
  Msg *msg;
  uint64_t destpid;
  char *destname;
  double deadline;
  bool dead;              /* cancelled: left in the heap, freed when it leaves */
};

/* entry i lives at vm->theap[i + HOFF]: with the array 64-byte aligned, the
 * children 4i+1..4i+4 of every entry fill exactly one cache line */
#define HOFF 3
#define H(vm, i) ((vm)->theap[(i) + HOFF])

/* a fires before b */
static inline bool tbefore(const TimerEntry *a, const TimerEntry *b) {
  return a->deadline < b->deadline || (a->deadline == b->deadline && a->t->seq < b->t->seq);
}

static void hup(VM *vm, size_t i) {
  TimerEntry e = H(vm, i);
  while (i > 0) {
    size_t p = (i - 1) / 4;
    if (!tbefore(&e, &H(vm, p))) break;
    H(vm, i) = H(vm, p);
    i = p;
  }
  H(vm, i) = e;
}

static void hdown(VM *vm, size_t i) {
  size_t n = vm->theap_n;
  TimerEntry e = H(vm, i);
  for (;;) {
    size_t c = 4 * i + 1, m = i;
    const TimerEntry *best = &e;
    for (size_t k = c; k < c + 4 && k < n; k++)
      if (tbefore(&H(vm, k), best)) { m = k; best = &H(vm, k); }
    if (m == i) break;
    H(vm, i) = H(vm, m);
    i = m;
  }
  H(vm, i) = e;
}

/* the top entry leaves the heap */
static Timer *hpop(VM *vm) {
  Timer *t = H(vm, 0).t;
  vm->theap_n--;
  if (vm->theap_n > 0) {
    H(vm, 0) = H(vm, vm->theap_n);
    hdown(vm, 0);
  }
  return t;
}

static void timer_free(Timer *t) {
  if (t->msg) msg_free(t->msg);
  free(t->destname);
  free(t);
}

/* without the cancelled timers, heapified again (when they are many) */
static void hcompact(VM *vm) {
  size_t k = 0;
  for (size_t i = 0; i < vm->theap_n; i++) {
    if (H(vm, i).t->dead) timer_free(H(vm, i).t);
    else H(vm, k++) = H(vm, i);
  }
  vm->theap_n = k;
  vm->tdead = 0;
  if (k > 1) for (size_t i = (k - 2) / 4 + 1; i-- > 0;) hdown(vm, i);   /* from the last parent up */
}

/* cancelled timers at the top go: the top is then the next to fire */
static void hpurge(VM *vm) {
  while (vm->theap_n > 0 && H(vm, 0).t->dead) {
    timer_free(hpop(vm));
    vm->tdead--;
  }
}

static void hgrow(VM *vm) {
  size_t nc = vm->theap_cap ? vm->theap_cap * 2 : 64;
  TimerEntry *nh = aligned_alloc(64, (nc + HOFF + 1) * sizeof(TimerEntry));
  if (!nh) abort();
  if (vm->theap) memcpy(nh + HOFF, vm->theap + HOFF, vm->theap_n * sizeof(TimerEntry));
  free(vm->theap);
  vm->theap = nh;
  vm->theap_cap = nc;
}

static size_t tref(uint64_t r, size_t mask) { return (size_t)((r * 0x9E3779B97F4A7C15ull) >> 23) & mask; }

#define TOMB ((Timer *)1)

/* tmap_n counts tombstones too: a rehash drops them and sizes the map by
 * the live timers, so that send_after after send_after (each fired or
 * cancelled) does not grow it */
static void tmap_put(VM *vm, Timer *t) {
  if ((vm->tmap_n + 1) * 2 > vm->tmap_size) {
    size_t live = 0;
    for (size_t j = 0; j < vm->tmap_size; j++)
      if (vm->tmap[j] && vm->tmap[j] != TOMB) live++;
    size_t ns = 64;
    while ((live + 1) * 4 > ns) ns *= 2;
    Timer **nt = calloc(ns, sizeof(Timer *));
    if (!nt) abort();
    size_t n = 0;
    for (size_t j = 0; j < vm->tmap_size; j++) {
      Timer *x = vm->tmap[j];
      if (x && x != TOMB) {
        size_t i = tref(x->ref, ns - 1);
        while (nt[i]) i = (i + 1) & (ns - 1);
        nt[i] = x;
        n++;
      }
    }
    free(vm->tmap);
    vm->tmap = nt;
    vm->tmap_size = ns;
    vm->tmap_n = n;
  }
  size_t i = tref(t->ref, vm->tmap_size - 1);
  while (vm->tmap[i] && vm->tmap[i] != TOMB) i = (i + 1) & (vm->tmap_size - 1);
  if (vm->tmap[i] == NULL) vm->tmap_n++;
  vm->tmap[i] = t;
}

static Timer **tmap_find(VM *vm, uint64_t ref) {
  if (vm->tmap_size == 0) return NULL;
  size_t mask = vm->tmap_size - 1, i = tref(ref, mask);
  while (vm->tmap[i]) {
    if (vm->tmap[i] != TOMB && vm->tmap[i]->ref == ref) return &vm->tmap[i];
    i = (i + 1) & mask;
  }
  return NULL;
}

Timer *timer_add(VM *vm, double deadline, Proc *P, uint64_t ref, Msg *m, Value *dest) {
  Timer *t = calloc(1, sizeof(Timer));
  if (!t) abort();
  /* a NaN deadline (process.sleep(0/0)) compares false with every other:
   * it would stop the heap from firing anything; it never comes */
  t->deadline = isnan(deadline) ? INFINITY : deadline;
  t->seq = ++vm->timer_seq;
  t->P = P;
  t->pid = P ? P->pid : 0;
  t->ref = ref;
  t->msg = m;
  if (dest) {
    if (val_ispid(dest)) t->destpid = val_pid(dest);
    else if (val_isstr(dest)) t->destname = strdup(str_data(val_str(dest)));
  }
  if (vm->theap_n == vm->theap_cap) {
    if (vm->tdead > 0) hcompact(vm);
    if (vm->theap_n == vm->theap_cap) hgrow(vm);
  }
  H(vm, vm->theap_n).deadline = t->deadline;
  H(vm, vm->theap_n).t = t;
  hup(vm, vm->theap_n++);
  vm->ntimers++;
  if (ref) tmap_put(vm, t);
  return t;
}

void timer_cancel(VM *vm, Timer *t) {
  if (t->ref) {
    Timer **slot = tmap_find(vm, t->ref);
    if (slot) *slot = TOMB;
  }
  if (t->msg) { msg_free(t->msg); t->msg = NULL; }
  t->dead = true;
  t->P = NULL;
  vm->ntimers--;
  if (++vm->tdead > 64 && vm->tdead * 2 > vm->theap_n) hcompact(vm);
}

void timer_freeall(VM *vm) {
  for (size_t i = 0; i < vm->theap_n; i++) timer_free(H(vm, i).t);
  vm->theap_n = vm->ntimers = vm->tdead = 0;
}

double timer_cancelref(VM *vm, uint64_t ref) {
  Timer **slot = tmap_find(vm, ref);
  if (slot == NULL) return -1;
  Timer *t = *slot;
  double left = t->deadline - sched_now();
  timer_cancel(vm, t);
  return left < 0 ? 0 : left;
}

/* Do the timer structures hold together?  No entry fires before its
 * parent and each knows its timer's deadline, the live and cancelled
 * counts add up, and the send_after timers alive are exactly those the ref
 * map finds.  0 if so, else the number of the check that failed (for the
 * unit tests). */
int timer_check(VM *vm) {
  size_t withref = 0, live = 0, dead = 0;
  for (size_t i = 0; i < vm->theap_n; i++) {
    const TimerEntry *e = &H(vm, i);
    if (e->deadline != e->t->deadline) return 1;
    if (i > 0 && tbefore(e, &H(vm, (i - 1) / 4))) return 2;
    if (e->t->dead) { dead++; continue; }
    if (e->t->ref) {
      withref++;
      Timer **slot = tmap_find(vm, e->t->ref);
      if (slot == NULL || *slot != e->t) return 3;
    }
  }
  if (dead != vm->tdead || vm->theap_n - dead != vm->ntimers) return 4;
  for (size_t j = 0; j < vm->tmap_size; j++) {
    Timer *t = vm->tmap[j];
    if (t == NULL || t == TOMB) continue;
    live++;
    if (t->dead) return 4;
  }
  return live == withref ? 0 : 5;
}

static void fire(VM *vm, Timer *t) {
  if (t->P) {
    /* a receive timeout: wake the process (if it is still the same) */
    Proc *P = proc_lookup(vm, t->pid);
    if (P && P->timer == t) {
      P->timer = NULL;
      P->timedout = 1;
      sched_ready(vm, P);
    }
  } else {
    uint64_t to = t->destpid;
    if (t->destname) to = proc_whereis(vm, t->destname);
    if (to) {
      proc_sendsignal(vm, t->msg->from, to, MSG_DATA, t->msg);
      t->msg = NULL;
    }
  }
  if (t->ref) {
    Timer **slot = tmap_find(vm, t->ref);
    if (slot) *slot = TOMB;
  }
  timer_free(t);
}

/* ms until the next timer is due (0: now), or -1 if no timer can ever fire
 * (none, or only infinite timeouts) */
static double next_wait(VM *vm) {
  hpurge(vm);
  if (vm->theap_n == 0 || isinf(H(vm, 0).deadline)) return -1;
  double wait = H(vm, 0).deadline - sched_now();
  return wait < 0 ? 0 : wait;
}

static void fire_due(VM *vm, double now) {
  for (hpurge(vm); vm->theap_n > 0 && H(vm, 0).deadline <= now; hpurge(vm)) {
    Timer *t = hpop(vm);
    if (vm->theap_n > 0) __builtin_prefetch(H(vm, 0).t, 1, 3);   /* the next one, while this fires */
    vm->ntimers--;
    fire(vm, t);
  }
}

/* ----------------------------------------------------------- fd polling */

#define SCHED_MAXWATCH 8

struct SchedPoll {
  struct pollfd fds[SCHED_MAXWATCH];
  SchedFdCb cb[SCHED_MAXWATCH];
  void *ud[SCHED_MAXWATCH];
  int n;
  SchedTick tick;
  void *tickud;
  double last;            /* when it last polled */
};

static struct SchedPoll *poller(VM *vm) {
  if (vm->poller == NULL && (vm->poller = calloc(1, sizeof(struct SchedPoll))) == NULL) abort();
  return vm->poller;
}

bool sched_watchfd(VM *vm, int fd, int events, SchedFdCb cb, void *ud) {
  struct SchedPoll *sp = poller(vm);
  int i = 0;
  while (i < sp->n && sp->fds[i].fd != fd) i++;
  if (cb == NULL) {                       /* stop watching */
    if (i < sp->n) {
      sp->n--;
      sp->fds[i] = sp->fds[sp->n];
      sp->cb[i] = sp->cb[sp->n];
      sp->ud[i] = sp->ud[sp->n];
    }
    return true;
  }
  if (i == sp->n) {
    if (sp->n == SCHED_MAXWATCH) return false;
    sp->n++;
  }
  sp->fds[i].fd = fd;
  sp->fds[i].events = (short)events;
  sp->cb[i] = cb;
  sp->ud[i] = ud;
  return true;
}

SchedFdCb sched_fdwatched(VM *vm, int fd) {
  struct SchedPoll *sp = vm->poller;
  if (sp == NULL) return NULL;
  for (int i = 0; i < sp->n; i++)
    if (sp->fds[i].fd == fd) return sp->cb[i];
  return NULL;
}

void sched_settick(VM *vm, SchedTick tick, void *ud) {
  struct SchedPoll *sp = poller(vm);
  sp->tick = tick;
  sp->tickud = ud;
}

static bool watching(VM *vm) { return vm->poller && vm->poller->n > 0; }

/* Run the tick, wait up to timeout ms (-1: no limit) for a watched fd,
 * run the callbacks of the ready ones (which may change the set). */
static void sched_poll(VM *vm, int timeout) {
  struct SchedPoll *sp = vm->poller;
  if (sp->tick) sp->tick(vm, sp->tickud);
  if (vm->rq_head) timeout = 0;           /* the tick woke a process */
  struct pollfd fds[SCHED_MAXWATCH];
  int n = sp->n;
  memcpy(fds, sp->fds, sizeof(struct pollfd) * (size_t)n);
  int r = poll(fds, (nfds_t)n, timeout);
  sp->last = sched_now();
  for (int j = 0; r > 0 && j < n; j++) {
    if (fds[j].revents == 0) continue;
    for (int i = 0; i < sp->n; i++)       /* still watched? */
      if (sp->fds[i].fd == fds[j].fd) { sp->cb[i](vm, fds[j].fd, fds[j].revents, sp->ud[i]); break; }
  }
}

/* ----------------------------------------------------------------- slices */

/* The main process's error, reported the way lua5.4 reports a script's. */
static void report_main(Proc *P, lu_State *L, const Value *err) {
  const char *msg;
  char buf[128];
  Value e;
  val_copy(&e, err);
  if (val_isstr(&e)) msg = str_data(val_str(&e));
  else if (val_isnum(&e)) {             /* lua.c takes it with lua_tostring */
    vm_num2str(&e, buf);
    msg = buf;
  } else if (tm_getbyobj(P, &e, TM_TOSTRING) != NULL && proc_tostring(L, &e, &e)) {
    /* lua.c's message handler gives that string alone, without a traceback */
    fprintf(stderr, "lurel: %s\n", str_data(val_str(&e)));
    fflush(stderr);
    return;
  } else {
    snprintf(buf, sizeof buf, "(error object is a %s value)", tm_objtypename(P, &e));
    msg = buf;
  }
  lu_Jmp jb;
  jb.previous = P->errorjmp;
  P->errorjmp = &jb;
  if (LU_SETJMP(jb) == 0) {
    if (L->stack_last - L->top < 5) stack_realloc(L, stack_size(L) + 10);
    dbg_traceback(L, L, msg, 0);
    fprintf(stderr, "lurel: %s\n", str_data(val_str(L->top - 1)));
  } else {
    fprintf(stderr, "lurel: %s\n", msg);
  }
  P->errorjmp = jb.previous;
  fflush(stderr);
}

/* A process that ended (not killed) runs its pending finalizers first, as
 * lua_close does: a fresh entry on its main thread.  True when started. */
bool sched_startfinalizers(VM *vm, Proc *P, const Value *reason) {
  if (P->killed || P->finalizing || (proc_finobj(P) == NULL && proc_tobefnz(P) == NULL)) return false;
  P->finalizing = 1;
  val_copy(proc_setexitreason(P), reason);
  lu_State *L = proc_mainthread(P);
  P->L = L;
  upval_close(L, L->stack);
  L->ci = &L->base_ci;
  L->top = L->stack + 1;
  L->ntbc = 0;
  L->nny = 0;
  gc_finalizeall(P);
  val_setlcf(L->top, lib_gcfinalizers);
  L->top++;
  do_callentry(L, L->top - 1, 0);
  P->pstate = PS_WAITING;
  sched_ready(vm, P);
  return true;
}

/* ---------------------------------------------- idle processes' free lists
 * A process keeps the blocks its collections free for its next allocations
 * (gc.c).  One that stays blocked in receive gives them back: a process
 * that blocks holding more than a few KB is noted here, and the scheduler
 * looks at the notes every TRIM_SLICES slices, at most once every TRIM_MS
 * milliseconds; a process still blocked without having run since the
 * previous look, or any blocked one when nothing is runnable, releases its
 * lists.  A busy server (blocking and waking all the time) keeps them, and
 * so does a process that runs now and then, however many others run in
 * between (a ring of a thousand: each waits for 999 slices, which looks at
 * 256-slice spacing alone took for idleness, and paid malloc round trips
 * for every message).
 * (SMP: a process's lists are its own; the trimming scheduler must hold the
 * process, as it does when it runs it.) */
#define TRIM_SLICES 256
#define TRIM_MS 500
typedef struct TrimEntry { uint64_t pid; uint32_t nblocks; uint32_t seen; } TrimEntry;

static void trim_note(VM *vm, Proc *P) {
  if (P->trimq || !mem_holdsmuch(P)) return;
  if (vm->trimq_n == vm->trimq_cap) {
    size_t nc = vm->trimq_cap ? vm->trimq_cap * 2 : 64;
    TrimEntry *nq = realloc(vm->trimq, nc * sizeof(TrimEntry));
    if (nq == NULL) return;              /* not noted: it keeps its lists */
    vm->trimq = nq;
    vm->trimq_cap = nc;
  }
  TrimEntry *e = &vm->trimq[vm->trimq_n++];
  e->pid = P->pid;
  e->nblocks = P->nblocks;
  e->seen = 0;
  P->trimq = 1;
}

/* all: nothing is runnable, every blocked process is idle */
static void trim_idle(VM *vm, bool all) {
  vm->trimslices = 0;
  vm->trimlast = sched_now();
  size_t k = 0;
  for (size_t j = 0; j < vm->trimq_n; j++) {
    TrimEntry e = vm->trimq[j];
    Proc *P = proc_lookup(vm, e.pid);
    if (P == NULL) continue;
    bool blocked = P->pstate == PS_WAITING && !P->inrunq && P->inbox_head == NULL;
    if (blocked && P->nblocks == e.nblocks && (all || e.seen)) {
      mem_idle(P);
      P->trimq = 0;
      continue;
    }
    if (P->nblocks != e.nblocks) { e.nblocks = P->nblocks; e.seen = 0; }
    else e.seen = blocked;
    vm->trimq[k++] = e;
  }
  vm->trimq_n = k;
}

/* run P for one slice; returns true when it ended (and was finished) */
static bool runslice(VM *vm, Proc *P, int *mainstatus) {
  int32_t budget = proc_budget(P);       /* (vm->budget is set once, at start) */
  vm->current = P;
  P->pstate = PS_RUNNING;
  P->reds = budget;
  bool ismain = (P == vm->mainproc);
  if (P->inbox_head && !proc_drain(P)) {
    Value r;
    val_copy(&r, proc_exitreason(P));
    if (ismain) *mainstatus = 1;
    proc_finish(P, &r);
    vm->current = NULL;
    return true;
  }
  int st;
  if (lu_unlikely(P->interrupt)) {
    P->interrupt = 0;
    st = do_interrupt(P->L);
  } else st = do_run(P->L);
  vm->current = NULL;
  /* the slice's reductions go to the total (process.info reads
   * reductions + budget - reds) */
  P->reductions += (uint64_t)((int64_t)budget - P->reds);
  P->reds = budget;
  switch (st) {
    case LU_PREEMPT:
      P->pstate = PS_WAITING;
      sched_ready(vm, P);
      return false;
    case LU_BLOCKED:
      P->pstate = PS_WAITING;
      P->nblocks++;
      if (P->inbox_head) sched_ready(vm, P);
      else if (P->fl) trim_note(vm, P);
      return false;
    case LU_OK: {
      if (P->finalizing) {
        Value r;
        val_copy(&r, proc_exitreason(P));
        proc_finish(P, &r);
        return true;
      }
      if (ismain) {
        /* the command's entry (a chunk, -e, -l) finished: the process
         * stays for the next one; the command ends it */
        P->pstate = PS_WAITING;
        *mainstatus = 0;
        return true;
      }
      Value r;
      val_setstr(&r, vm->normalmsg);     /* an atom: nothing to allocate in P */
      if (sched_startfinalizers(vm, P, &r)) return false;
      proc_finish(P, &r);
      return true;
    }
    case LU_EXIT: {
      Value r;
      val_copy(&r, proc_exitreason(P));
      /* the main process's exit status: 0 for "normal", 1 for any other reason */
      if (ismain) *mainstatus = !(val_isstr(&r) && strcmp(str_data(val_str(&r)), "normal") == 0);
      /* (os.exit(code, true) runs the finalizers of the main process too) */
      bool closing = vm->exitclose && P->pid == vm->exitpid;
      /* (called from a finalizer: the remaining ones still run) */
      if (closing) P->finalizing = 0;
      if ((!ismain || closing) && sched_startfinalizers(vm, P, &r)) return false;
      proc_finish(P, &r);
      return true;
    }
    case LU_KILL: {
      Value r;
      val_copy(&r, proc_exitreason(P));
      if (val_isstr(&r) && strcmp(str_data(val_str(&r)), "max_heap_size") == 0)
        proc_report(P, P->L, &r, st);
      if (ismain) *mainstatus = 1;
      proc_finish(P, &r);
      return true;
    }
    default: {
      /* an uncaught error: the stack is intact for the report */
      lu_State *L = P->L;
      Value r;
      val_copy(&r, &L->errval);
      if (ismain) {
        report_main(P, L, &r);
        *mainstatus = 1;
        /* reset its thread: the command decides what comes next */
        upval_close(L, L->stack);
        L->ci = &L->base_ci;
        L->top = L->stack + 1;
        L->ntbc = 0;
        P->pstate = PS_WAITING;
        return true;
      }
      proc_report(P, L, &r, st);
      if (P->finalizing) {                /* an error in the last finalizers */
        Value rr;
        val_copy(&rr, proc_exitreason(P));
        proc_finish(P, &rr);
        return true;
      }
      if (sched_startfinalizers(vm, P, &r)) return false;
      proc_finish(P, &r);
      return true;
    }
  }
}

int sched_run(VM *vm, Proc *main) {
  int mainstatus = 0;
  vm->mainproc = main;
  for (;;) {
    if (vm->exiting) return vm->exitcode;
    if (vm->theap_n > 0) fire_due(vm, sched_now());
    Proc *P = rq_pop(vm);
    /* with others waiting their turn, what they will touch first comes in
     * while this one runs: the block of the fifth in line, and for each one
     * before it one pointer deeper than at the previous slice (state.c) */
    Proc *q = vm->rq_head;
    for (int stage = 4; q && stage >= 0; stage--, q = q->rq_next) proc_prefetch(q, stage);
    if (P && vm->exitclose && P->pid != vm->exitpid) {
      /* os.exit(code, true) is closing a process: no other one runs */
      P->pstate = PS_WAITING;
      continue;
    }
    if (P == NULL) {
      double wait = next_wait(vm);
      if (wait > 1e9) wait = 1e9;         /* far away: wake now and then (ms fit an int) */
      if (vm->trimq_n > 0) trim_idle(vm, true);
      if (watching(vm)) {
        /* sleep until a watched fd is ready or the next timer is due */
        sched_poll(vm, wait < 0 ? -1 : (int)ceil(wait));
        continue;
      }
      if (wait >= 0) {
        if (wait > 0) {
          struct timespec ts;
          ts.tv_sec = (time_t)(wait / 1000.0);
          ts.tv_nsec = (long)((wait - (double)ts.tv_sec * 1000.0) * 1e6);
          while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
        }
        continue;
      }
      /* nothing can ever run again */
      if (vm->exitclose) {          /* the closing process waits for ever */
        vm->exiting = true;
        return vm->exitcode;
      }
      fprintf(stderr, "lurel: deadlock: the main process waits for a message that no process can send\n");
      fflush(stderr);
      return 1;
    }
    uint64_t pid = P->pid;
    bool ended = runslice(vm, P, &mainstatus);
    if (ended && vm->exitclose && pid == vm->exitpid) {
      vm->exiting = true;           /* os.exit(code, true) closed its process */
      return vm->exitcode;
    }
    if (lu_unlikely(++vm->trimslices >= TRIM_SLICES) && vm->trimq_n > 0) {
      if (sched_now() - vm->trimlast >= TRIM_MS) trim_idle(vm, false);
      else vm->trimslices = 0;
    }
    if (ended && P == main) {
      if (vm->exiting) return vm->exitcode;
      return mainstatus;
    }
    if (watching(vm) && sched_now() - vm->poller->last >= SCHED_POLL_MS) sched_poll(vm, 0);
  }
}
