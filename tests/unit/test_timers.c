/* test_timers.c — the timer heap (vm/sched.c): many timers fire in deadline
 * order, equal deadlines in the order the timers were made, cancel works
 * (by ref and directly), and the structure stays consistent under random
 * inserts, cancels and firings, checked against a simple model.  A
 * cancelled timer stays in the heap, marked, until it reaches the top or
 * the cancelled outnumber the live: timer_count() is the live ones.
 *
 * A send_after timer carries a message; the test gives each one a number
 * and a process R receives them.  Timers whose deadline is in the past fire
 * when the scheduler next looks at the heap: th_sched(R, "return true")
 * fires every due timer, then runs R, which drains its inbox (the messages
 * in the order they fired).  Deadlines far in the future never fire. */
#include <math.h>
#include "helpers.h"

#define PAST   (-1.0e9)       /* deadlines from here on are long gone */
#define FUTURE (1.0e15)       /* and from here on never come */

/* a send_after timer to R carrying the integer val; its ref */
static uint64_t addsend(VM *vm, double deadline, Proc *R, lu_Int val) {
  Msg *m = calloc(1, sizeof(Msg));
  cr_assert_not_null(m);
  m->kind = MSG_DATA;
  m->from = R->pid;
  val_setint(&m->v, val);
  uint64_t ref = vm_newref(vm);
  Value dest;
  val_setpid(&dest, R->pid);
  timer_add(vm, deadline, NULL, ref, m, &dest);
  return ref;
}

/* fire what is due; the numbers R received, in order (n of them) */
static lu_Int *fire(Proc *R, size_t *n) {
  int st = th_sched(R, "return true");
  cr_assert_eq(st, 0);
  cr_assert_null(R->inbox_head, "R drained its inbox");
  size_t cap = (size_t)R->mq_len + 1, k = 0;
  lu_Int *out = malloc(cap * sizeof(lu_Int));
  R->save = &R->mq_head;
  Value v;
  while (mbox_take(R, &v)) {
    cr_assert(val_isint(&v));
    cr_assert_lt(k, cap);
    out[k++] = val_int(&v);
  }
  *n = k;
  return out;
}

/* ------------------------------------------------------------ ordering */

Test(timers, many_timers_fire_in_deadline_order) {
  VM *vm = th_vmnew();
  Proc *R = proc_create(vm);
  enum { N = 100000 };
  double *dl = malloc(N * sizeof(double));
  th_Rng rng = { 0x1234567ull };
  for (int i = 0; i < N; i++) {
    dl[i] = PAST + (double)th_randn(&rng, 1000000) + (double)th_randn(&rng, 1000) / 1000.0;
    addsend(vm, dl[i], R, i);
  }
  /* some that never fire */
  for (int i = 0; i < 100; i++) addsend(vm, FUTURE + i, R, -1);
  cr_assert_eq(timer_count(vm), (size_t)N + 100);
  cr_assert_eq(timer_check(vm), 0);
  size_t n;
  lu_Int *got = fire(R, &n);
  cr_assert_eq(n, (size_t)N, "%zu of %d fired", n, N);
  char *seen = calloc(N, 1);
  for (size_t k = 0; k < n; k++) {
    cr_assert(got[k] >= 0 && got[k] < N, "a future timer fired");
    cr_assert(!seen[got[k]], "timer %lld fired twice", (long long)got[k]);
    seen[got[k]] = 1;
    if (k > 0) {
      double a = dl[got[k - 1]], b = dl[got[k]];
      cr_assert(a < b || (a == b && got[k - 1] < got[k]),
                "timer %lld (%.3f) fired before %lld (%.3f)",
                (long long)got[k - 1], a, (long long)got[k], b);
    }
  }
  cr_assert_eq(timer_count(vm), 100);
  cr_assert_eq(timer_check(vm), 0);
  free(seen);
  free(got);
  free(dl);
  th_vmfree(vm);
}

Test(timers, equal_deadlines_fire_in_the_order_made) {
  VM *vm = th_vmnew();
  Proc *R = proc_create(vm);
  /* all equal */
  for (int i = 0; i < 2000; i++) addsend(vm, PAST, R, i);
  size_t n;
  lu_Int *got = fire(R, &n);
  cr_assert_eq(n, 2000);
  for (size_t k = 0; k < n; k++) cr_assert_eq(got[k], (lu_Int)k, "position %zu: %lld", k, (long long)got[k]);
  free(got);
  /* three deadlines, interleaved: a stable sort */
  th_Rng rng = { 99 };
  int cls[3000];
  for (int i = 0; i < 3000; i++) {
    cls[i] = (int)th_randn(&rng, 3);
    addsend(vm, PAST + 10.0 * (2 - cls[i]), R, i);
  }
  got = fire(R, &n);
  cr_assert_eq(n, 3000);
  size_t k = 0;
  for (int c = 2; c >= 0; c--)
    for (int i = 0; i < 3000; i++)
      if (cls[i] == c) {
        cr_assert_eq(got[k], i, "position %zu: %lld, want %d", k, (long long)got[k], i);
        k++;
      }
  free(got);
  cr_assert_eq(timer_count(vm), 0);
  th_vmfree(vm);
}

/* -------------------------------------------------------------- cancel */

Test(timers, cancel) {
  VM *vm = th_vmnew();
  Proc *R = proc_create(vm);
  uint64_t ref[10];
  for (int i = 0; i < 10; i++) ref[i] = addsend(vm, i < 5 ? PAST + i : FUTURE, R, i);
  /* a pending timer: the ms left (0 for one already due) */
  cr_assert_eq(timer_cancelref(vm, ref[2]), 0.0);
  double left = timer_cancelref(vm, ref[7]);
  cr_assert_gt(left, 1e14, "ms left: %g", left);
  /* gone: -1 */
  cr_assert_eq(timer_cancelref(vm, ref[2]), -1.0);
  cr_assert_eq(timer_cancelref(vm, ref[7]), -1.0);
  cr_assert_eq(timer_cancelref(vm, vm_newref(vm)), -1.0, "an unknown ref");
  cr_assert_eq(timer_count(vm), 8);
  cr_assert_eq(timer_check(vm), 0);
  size_t n;
  lu_Int *got = fire(R, &n);
  cr_assert_eq(n, 4);
  cr_assert(got[0] == 0 && got[1] == 1 && got[2] == 3 && got[3] == 4);
  free(got);
  /* fired: -1 */
  cr_assert_eq(timer_cancelref(vm, ref[0]), -1.0);
  cr_assert_eq(timer_cancelref(vm, ref[4]), -1.0);
  /* the future ones cancel */
  for (int i = 5; i < 10; i++)
    if (i != 7) cr_assert_gt(timer_cancelref(vm, ref[i]), 0.0);
  cr_assert_eq(timer_count(vm), 0);
  cr_assert_eq(timer_check(vm), 0);
  /* receive timeouts (no ref) cancel directly */
  Timer *a = timer_add(vm, FUTURE, R, 0, NULL, NULL);
  Timer *b = timer_add(vm, FUTURE - 1, R, 0, NULL, NULL);
  addsend(vm, FUTURE + 1, R, 1);
  cr_assert_eq(timer_count(vm), 3);
  timer_cancel(vm, b);
  cr_assert_eq(timer_check(vm), 0);
  timer_cancel(vm, a);
  cr_assert_eq(timer_count(vm), 1);
  cr_assert_eq(timer_check(vm), 0);
  th_vmfree(vm);
}

/* ------------------------------------------------------- random model */

typedef struct {
  uint64_t ref;
  double deadline;
  uint8_t live, past;
} MTimer;

static int cmp_by_deadline(const void *a, const void *b, void *ctx) {
  const MTimer *ts = ctx;
  lu_Int x = *(const lu_Int *)a, y = *(const lu_Int *)b;
  if (ts[x].deadline != ts[y].deadline) return ts[x].deadline < ts[y].deadline ? -1 : 1;
  return x < y ? -1 : x > y;     /* made first, fires first */
}

Test(timers, random_inserts_and_cancels_match_a_model) {
  VM *vm = th_vmnew();
  Proc *R = proc_create(vm);
  enum { OPS = 30000 };
  MTimer *ts = calloc(OPS, sizeof(MTimer));
  lu_Int *want = malloc(OPS * sizeof(lu_Int));
  Timer *rt[64];                     /* receive timeouts (no ref) */
  int nrt = 0;
  size_t nts = 0, live = 0, fired = 0, cancelled = 0;
  th_Rng rng = { 0xC0FFEEull };
  for (int op = 0; op < OPS; op++) {
    uint32_t r = th_randn(&rng, 100);
    if (r < 55) {
      /* insert: few distinct deadlines, so that many are equal */
      MTimer *t = &ts[nts];
      t->past = th_randn(&rng, 10) < 7;
      t->deadline = (t->past ? PAST : FUTURE) + (double)th_randn(&rng, 200);
      t->ref = addsend(vm, t->deadline, R, (lu_Int)nts);
      t->live = 1;
      nts++;
      live++;
    } else if (r < 80 && live > 0) {
      /* cancel a live one */
      size_t i;
      do i = th_randn(&rng, (uint32_t)nts); while (!ts[i].live);
      double left = timer_cancelref(vm, ts[i].ref);
      if (ts[i].past) cr_assert_eq(left, 0.0);
      else cr_assert_gt(left, 0.0);
      ts[i].live = 0;
      live--;
      cancelled++;
    } else if (r < 88 && nts > live) {
      /* cancel one that is gone */
      size_t i;
      do i = th_randn(&rng, (uint32_t)nts); while (ts[i].live);
      cr_assert_eq(timer_cancelref(vm, ts[i].ref), -1.0);
    } else if (r < 94) {
      /* a receive timeout comes or goes */
      if (nrt < 64 && (nrt == 0 || th_randn(&rng, 2))) {
        rt[nrt++] = timer_add(vm, FUTURE + (double)th_randn(&rng, 200), R, 0, NULL, NULL);
      } else if (nrt > 0) {
        uint32_t i = th_randn(&rng, (uint32_t)nrt);
        timer_cancel(vm, rt[i]);
        rt[i] = rt[--nrt];
      }
    } else if (r < 96) {
      /* fire what is due: the live past ones, by deadline then age */
      size_t nw = 0;
      for (size_t i = 0; i < nts; i++) if (ts[i].live && ts[i].past) want[nw++] = (lu_Int)i;
      qsort_r(want, nw, sizeof(lu_Int), cmp_by_deadline, ts);
      size_t n;
      lu_Int *got = fire(R, &n);
      cr_assert_eq(n, nw, "op %d: %zu fired, %zu due", op, n, nw);
      for (size_t k = 0; k < n; k++) {
        cr_assert_eq(got[k], want[k], "op %d, position %zu: %lld fired, %lld due",
                     op, k, (long long)got[k], (long long)want[k]);
        ts[got[k]].live = 0;
      }
      live -= n;
      fired += n;
      free(got);
    }
    cr_assert_eq(timer_count(vm), live + (size_t)nrt, "op %d: %zu in the heap, %zu + %d live",
                 op, timer_count(vm), live, nrt);
    if (op % 64 == 0) cr_assert_eq(timer_check(vm), 0, "op %d", op);
  }
  cr_assert_gt(fired, 1000);
  cr_assert_gt(cancelled, 1000);
  cr_assert_eq(timer_check(vm), 0);
  /* the rest: each live one cancels once, the others are gone */
  for (size_t i = 0; i < nts; i++) {
    double left = timer_cancelref(vm, ts[i].ref);
    if (ts[i].live) cr_assert_geq(left, 0.0);
    else cr_assert_eq(left, -1.0);
  }
  while (nrt > 0) timer_cancel(vm, rt[--nrt]);
  cr_assert_eq(timer_count(vm), 0);
  cr_assert_eq(timer_check(vm), 0);
  free(ts);
  free(want);
  th_vmfree(vm);
}

/* ----------------------------------------------------- from Lua code */

Test(timers, send_after_and_cancel_timer) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "local t1 = process.send_after(30, me, 'late')\n"
    "local t2 = process.send_after(0, me, 'soon')\n"
    "local t3 = process.send_after(10, me, 'mid')\n"
    "local t4 = process.send_after(20, 'nobody', 'lost')\n"
    "local dead = process.spawn(function() end)\n"
    "local t5 = process.send_after(0, dead, 'lost too')\n"
    "local left = process.cancel_timer(t3)\n"
    "assert(math.type(left) == 'integer' and left > 0 and left <= 10, left)\n"
    "assert(process.cancel_timer(t3) == false)\n"
    "A = process.receive()\n"
    "B = process.receive()\n"
    "C = process.cancel_timer(t1)\n"
    "D = process.receive(40)\n"
    "E = process.cancel_timer(t2)\n");
  cr_assert_eq(st, 0);
  th_check(P, "return A == 'soon', B == 'late', C == false, D == nil, E == false");
  cr_assert_eq(timer_count(vm), 0, "every timer fired or was cancelled");
  cr_assert_null(P->timer);
  th_vmfree(vm);
}

Test(timers, a_receive_timeout_and_sleep) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "local t0 = process.monotonic()\n"
    "A = process.receive('x', 15)\n"
    "B = process.monotonic() - t0 >= 15\n"
    "process.spawn(function() process.send(me, 'x') end)\n"
    "C = process.receive('x', 100000)\n"      /* the message comes first */
    "t0 = process.monotonic()\n"
    "process.sleep(5)\n"
    "D = process.monotonic() - t0 >= 5\n");
  cr_assert_eq(st, 0);
  th_check(P, "return A == nil, B, C == 'x', D");
  cr_assert_eq(timer_count(vm), 0, "the long receive timeout was cancelled");
  th_vmfree(vm);
}

/* send_after and cancel (or firing) over and over, with few timers alive at
 * a time: the ref map's tombstones must not make it grow */
Test(timers, churn_does_not_grow_the_ref_map) {
  VM *vm = th_vmnew();
  Proc *R = proc_create(vm);
  uint64_t live[4] = { 0, 0, 0, 0 };
  for (int i = 0; i < 200000; i++) {
    int k = i % 4;
    if (live[k]) cr_assert_gt(timer_cancelref(vm, live[k]), 0.0);
    live[k] = addsend(vm, FUTURE, R, i);
  }
  cr_assert_eq(timer_count(vm), 4);
  cr_assert_eq(timer_check(vm), 0);
  cr_assert_leq(vm->tmap_size, 256, "the ref map has %zu slots for 4 timers", vm->tmap_size);
  /* cancelled timers wait in the heap only until they outnumber the live */
  cr_assert_leq(vm->theap_n, 4 + 65, "%zu heap entries for 4 timers", vm->theap_n);
  cr_assert_leq(vm->theap_cap, 256, "a heap of %zu entries for 4 timers", vm->theap_cap);
  /* firing leaves tombstones too */
  for (int round = 0; round < 200; round++) {
    for (int i = 0; i < 100; i++) addsend(vm, PAST, R, i);
    size_t n;
    free(fire(R, &n));
    cr_assert_eq(n, 100);
  }
  cr_assert_leq(vm->tmap_size, 1024, "the ref map has %zu slots for 4 timers", vm->tmap_size);
  cr_assert_eq(timer_check(vm), 0);
  th_vmfree(vm);
}

/* A NaN deadline compares false with everything: in the heap it stopped
 * every timer behind it from firing (process.sleep(0/0) hung the VM).  It
 * is taken as infinite: it never fires, and the others do. */
Test(timers, nan_and_infinite_deadlines_never_fire_and_block_nothing) {
  VM *vm = th_vmnew();
  Proc *R = proc_create(vm);
  th_Rng rng = { 7 };
  int nfin = 0, nodd = 0;
  for (int i = 0; i < 500; i++) {
    uint32_t k = th_randn(&rng, 4);
    if (k == 0) { timer_add(vm, NAN, R, 0, NULL, NULL); nodd++; }
    else if (k == 1) { addsend(vm, INFINITY, R, -1); nodd++; }
    else { addsend(vm, PAST + i, R, i); nfin++; }
  }
  cr_assert_eq(timer_check(vm), 0);
  size_t n;
  lu_Int *got = fire(R, &n);
  cr_assert_eq(n, (size_t)nfin, "%zu of %d fired", n, nfin);
  for (size_t k = 1; k < n; k++) cr_assert_lt(got[k - 1], got[k]);
  free(got);
  cr_assert_eq(timer_count(vm), (size_t)nodd);
  cr_assert_eq(timer_check(vm), 0);
  th_vmfree(vm);
}

Test(timers, sleeping_for_nan_ms_does_not_stop_other_timers) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "process.spawn(function() process.sleep(0/0) end)\n"
    "process.spawn(function() process.sleep(0/0) end)\n"
    "process.yield()\n"
    "process.send_after(5, me, 'x')\n"
    "X = process.receive(10000)\n"
    "Y = process.receive(5)\n");
  cr_assert_eq(st, 0);
  th_check(P, "return X == 'x', Y == nil");
  th_vmfree(vm);
}
