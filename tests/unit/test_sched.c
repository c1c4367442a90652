/* test_sched.c — the scheduler (vm/sched.c): the run queue, preemption by
 * the reduction budget (busy processes all make progress), waking a
 * waiting process with a send, and the end of the run with the main
 * process. */
#include "helpers.h"

static int rqlen(VM *vm) {
  int n = 0;
  for (Proc *P = vm->rq_head; P; P = P->rq_next) n++;
  return n;
}

/* ------------------------------------------------------------ run queue */

Test(sched, the_run_queue_is_first_come_first_served) {
  VM *vm = th_vmnew();
  Proc *A = proc_create(vm), *B = proc_create(vm), *C = proc_create(vm), *D = proc_create(vm);
  cr_assert_null(vm->rq_head, "a new process is not runnable yet");
  cr_assert_eq(A->pstate, PS_WAITING);
  sched_ready(vm, A);
  sched_ready(vm, B);
  sched_ready(vm, C);
  sched_ready(vm, A);                /* already queued: stays where it is */
  cr_assert_eq(rqlen(vm), 3);
  cr_assert(vm->rq_head == A && A->rq_next == B && B->rq_next == C && vm->rq_tail == C);
  cr_assert(A->inrunq && B->inrunq && C->inrunq && !D->inrunq);
  cr_assert_eq(B->pstate, PS_RUNNABLE);
  /* a message makes a waiting process runnable, once */
  Value v;
  val_setint(&v, 1);
  th_send(A, D->pid, &v);
  th_send(A, D->pid, &v);
  th_send(A, B->pid, &v);
  cr_assert_eq(rqlen(vm), 4);
  cr_assert_eq(vm->rq_tail, D);
  /* a running, exiting or dead process is not queued */
  Proc *E = proc_create(vm);
  E->pstate = PS_RUNNING;
  sched_ready(vm, E);
  E->pstate = PS_EXITING;
  sched_ready(vm, E);
  cr_assert(!E->inrunq);
  cr_assert_eq(rqlen(vm), 4);
  th_vmfree(vm);
}

/* A waiting process blocks in receive; a send wakes it. Driven slice by
 * slice with do_run, the way the scheduler runs a slice. */
Test(sched, a_send_wakes_a_waiting_process) {
  VM *vm = th_vmnew();
  Proc *Q = proc_create(vm), *S = proc_create(vm);
  Q->L = proc_mainthread(Q);
  th_SchedArg a = { "GOT = process.receive({'wake', process._}) DONE = true" };
  char msg[200];
  cr_assert_eq(th_protect(Q, th_schedentry_cb, &a, msg, sizeof msg), LU_OK, "%s", msg);
  vm->current = Q;
  Q->pstate = PS_RUNNING;
  Q->reds = proc_budget(Q);
  int st = do_run(Q->L);
  vm->current = NULL;
  cr_assert_eq(st, LU_BLOCKED, "status %d", st);
  Q->pstate = PS_WAITING;
  cr_assert(!Q->inrunq);
  /* a message that does not match still wakes it (it must look) */
  const Value *v = th_eval(S, "return {'other'}");
  th_send(S, Q->pid, v);
  cr_assert(Q->inrunq && vm->rq_head == Q);
  vm->rq_head = vm->rq_tail = NULL;   /* take it off the queue, as rq_pop does */
  Q->inrunq = 0;
  vm->current = Q;
  Q->pstate = PS_RUNNING;
  st = do_run(Q->L);
  vm->current = NULL;
  cr_assert_eq(st, LU_BLOCKED, "still nothing that matches");
  Q->pstate = PS_WAITING;
  cr_assert_eq(Q->mq_len, 1);
  v = th_eval(S, "return {'wake', 42}");
  th_send(S, Q->pid, v);
  cr_assert(Q->inrunq);
  vm->rq_head = vm->rq_tail = NULL;
  Q->inrunq = 0;
  vm->current = Q;
  Q->pstate = PS_RUNNING;
  st = do_run(Q->L);
  vm->current = NULL;
  cr_assert_eq(st, LU_OK, "status %d", st);
  Q->pstate = PS_WAITING;
  th_check(Q, "return DONE, GOT[2] == 42");
  cr_assert_eq(Q->mq_len, 1, "{'other'} is still there");
  th_vmfree(vm);
}

Test(sched, a_waiting_process_is_woken_by_a_send) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "local q = process.spawn(function()\n"
    "  local m = process.receive()\n"
    "  process.send(m, 'pong')\n"
    "end)\n"
    "process.yield()\n"                   /* q runs and blocks */
    "S1 = process.info(q).status\n"
    "process.send(q, me)\n"
    "S2 = process.info(q).status\n"
    "R = process.receive()\n");
  cr_assert_eq(st, 0);
  th_check(P, "return S1 == 'waiting' or S1, S2 == 'runnable' or S2, R == 'pong'");
  th_vmfree(vm);
}

/* ---------------------------------------------------------- preemption */

static const char *busy_program =
  "local me = process.self()\n"
  "local rounds = ROUNDS\n"
  "local function busy(name)\n"
  "  local n = 0\n"
  "  for i = 1, rounds do\n"
  "    for j = 1, 3000 do n = n + j end\n"   /* no call, no receive */
  "    process.send(me, name)\n"
  "  end\n"
  "end\n"
  "process.spawn(busy, 'a')\n"
  "process.spawn(busy, 'b')\n"
  "local order, switches, firsthalf = {}, 0, {a = 0, b = 0}\n"
  "for i = 1, 2 * ROUNDS do\n"
  "  order[i] = process.receive()\n"
  "  if i > 1 and order[i] ~= order[i - 1] then switches = switches + 1 end\n"
  "  if i <= ROUNDS then firsthalf[order[i]] = firsthalf[order[i]] + 1 end\n"
  "end\n"
  "SWITCHES, FA, FB = switches, firsthalf.a, firsthalf.b\n";

static void busy(int budget, int rounds) {
  VM *vm = th_vmnew();
  vm->budget = budget;
  Proc *P = proc_create(vm);
  if (budget) cr_assert_eq(proc_budget(P), budget);
  char src[64];
  snprintf(src, sizeof src, "ROUNDS = %d return true", rounds);
  th_check(P, src);
  int st = th_sched(P, busy_program);
  cr_assert_eq(st, 0);
  const Value *sw = th_getglobal(P, "SWITCHES"), *fa = th_getglobal(P, "FA"), *fb = th_getglobal(P, "FB");
  cr_assert(val_isint(sw) && val_isint(fa) && val_isint(fb));
  /* without preemption: all of a's, then all of b's (one switch) */
  cr_assert_geq(val_int(sw), rounds / 4, "budget %d: %lld switches", budget, (long long)val_int(sw));
  cr_assert_geq(val_int(fa), rounds / 4, "budget %d: a %lld, b %lld in the first half", budget,
                (long long)val_int(fa), (long long)val_int(fb));
  cr_assert_geq(val_int(fb), rounds / 4, "budget %d: a %lld, b %lld in the first half", budget,
                (long long)val_int(fa), (long long)val_int(fb));
  th_vmfree(vm);
}

Test(sched, busy_processes_share_the_time) {
  busy(0, 100);                /* the default budget */
  busy(500, 100);
  busy(1, 20);                 /* a slice per instruction */
}

Test(sched, reductions_are_counted) {
  VM *vm = th_vmnew();
  vm->budget = 100;
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "local w = process.spawn(function()\n"
    "  local n = 0 for i = 1, 10000 do n = n + i end\n"
    "  process.receive()\n"
    "end)\n"
    "process.yield() process.yield()\n"
    "while process.info(w).status ~= 'waiting' do process.yield() end\n"
    "RW = process.info(w).reductions\n");
  cr_assert_eq(st, 0);
  const Value *rw = th_getglobal(P, "RW");
  cr_assert(val_isint(rw));
  /* 10000 loop iterations cost at least one reduction each */
  cr_assert_geq(val_int(rw), 10000, "%lld", (long long)val_int(rw));
  cr_assert_gt(P->reductions, 0);
  th_vmfree(vm);
}

/* ------------------------------------------------- the end of the run */

Test(sched, the_run_ends_with_the_main_process) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  /* busy forever, waiting forever, and a timer far away: main's end ends it */
  int st = th_sched(P,
    "process.spawn(function() while true do end end)\n"
    "process.spawn(function() local x = 0 while true do x = x + 1 end end)\n"
    "process.spawn(function() process.receive('never') end)\n"
    "process.send_after(1e9, process.self(), 'late')\n"
    "local me = process.self()\n"
    "process.spawn(function() process.send(me, 'hi') end)\n"
    "HI = process.receive()\n");
  cr_assert_eq(st, 0);
  th_check(P, "return HI == 'hi'");
  cr_assert_eq(vm->nprocs, 4, "the others are still there: %d", vm->nprocs);
  cr_assert_eq(timer_count(vm), 1);
  /* the next run goes on with them */
  st = th_sched(P, "return true");
  cr_assert_eq(st, 0);
  th_vmfree(vm);
}

Test(sched, how_the_main_process_ends) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  cr_assert_eq(th_sched(P, "process.exit('normal')"), 0);
  th_vmfree(vm);
  vm = th_vmnew();
  P = proc_create(vm);
  cr_assert_eq(th_sched(P, "process.exit('boom')"), 1);
  th_vmfree(vm);
  vm = th_vmnew();
  P = proc_create(vm);
  cr_assert_eq(th_sched(P, "local x = nil; return x.y"), 1);
  /* after an error the same process runs the next entry */
  cr_assert_eq(th_sched(P, "OK = 1"), 0);
  th_check(P, "return OK == 1");
  th_vmfree(vm);
  /* waiting for a message no process can send: a deadlock ends the run */
  vm = th_vmnew();
  P = proc_create(vm);
  cr_assert_eq(th_sched(P, "process.spawn(function() end) process.receive('never')"), 1);
  th_vmfree(vm);
}

Test(sched, a_linked_crash_ends_the_main_process) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "process.spawn_link(function() process.exit('crash') end)\n"
    "process.receive('never')\n");
  cr_assert_eq(st, 1);
  cr_assert_eq(P->pstate, PS_DEAD);
  th_vmfree(vm);
}

/* processes come and go: the process table's tombstones must not make it
 * grow, and so must not registered names that come and go */
Test(sched, churn_does_not_grow_the_process_and_name_tables) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "for i = 1, 30000 do\n"
    "  local p, r = process.spawn_monitor(function() end)\n"
    "  process.receive({'DOWN', r, 'process', p, process._})\n"
    "end\n"
    "local me = process.self()\n"
    "for i = 1, 30000 do\n"
    "  process.register('n' .. i, me)\n"
    "  assert(process.whereis('n' .. i) == me)\n"
    "  process.unregister('n' .. i)\n"
    "end\n"
    "N = #process.list()\n");
  cr_assert_eq(st, 0);
  th_check(P, "return N == 1");
  cr_assert_eq(vm->nprocs, 1);
  cr_assert_leq(vm->ptab_size, 1024, "the process table has %zu slots for one process", vm->ptab_size);
  cr_assert_leq(vm->names_size, 1024, "the name table has %zu slots for no name", vm->names_size);
  th_vmfree(vm);
}

/* only infinite timeouts left: nothing can ever happen (the scheduler spun
 * on nanosleep(-inf) before) */
Test(sched, an_infinite_timeout_alone_is_a_deadlock) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  cr_assert_eq(th_sched(P, "process.receive('x', math.huge)"), 1);
  cr_assert_eq(th_sched(P, "process.spawn(function() process.sleep(math.huge) end)\n"
                           "process.sleep(math.huge)"), 1);
  /* a finite timer still wakes it */
  cr_assert_eq(th_sched(P, "process.spawn(function() process.sleep(math.huge) end)\n"
                           "local me = process.self()\n"
                           "process.send_after(1, me, 'y')\n"
                           "Y = process.receive('y', math.huge)"), 0);
  th_check(P, "return Y == 'y'");
  th_vmfree(vm);
}
