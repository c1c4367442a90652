/* test_procmem.c — what a new (idle) process is made of: one block (Proc,
 * main thread, first stack, first CallInfos), nothing made before it is
 * needed, and free lists an idle process gives back. */
#include "helpers.h"
#include "../../vm/lazy.h"

/* the layout budget of docs/internals.md ("memory of a process"): a field
 * added to either struct should be a choice, not an accident */
Test(procmem, struct_sizes) {
  cr_assert_leq(sizeof(Proc), 224, "sizeof(Proc) = %zu", sizeof(Proc));
  cr_assert_leq(sizeof(lu_State), 216, "sizeof(lu_State) = %zu", sizeof(lu_State));
  cr_assert_leq(sizeof(CallInfo), 56, "sizeof(CallInfo) = %zu", sizeof(CallInfo));
  /* the block is one malloc chunk of 768 bytes (glibc: request + 8, in
   * steps of 16): 8 bytes more would make it 784 */
  cr_assert_leq(sizeof(ProcBlock), 760, "sizeof(ProcBlock) = %zu", sizeof(ProcBlock));
}

static bool inside(const void *p, const void *base, size_t n) {
  return (const char *)p >= (const char *)base && (const char *)p < (const char *)base + n;
}

Test(procmem, a_new_process_is_one_block) {
  TEnv e = th_env(0);
  Proc *P = e.P;
  lu_State *L = proc_mainthread(P);
  size_t span = 2048;       /* the block is under a KB; nothing else is this close */
  cr_assert_eq(L->inblock, TH_SELF | TH_STACK | TH_CI);
  cr_assert(inside(L, P, span));
  cr_assert(inside(L->stack, P, span));
  cr_assert(inside(L->base_ci.next, P, span));
  cr_assert_null(L->base_ci.next->next, "one CallInfo in the block: the spawned function's");
  /* made on first use */
  cr_assert_null(P->globals);
  cr_assert_null(P->ex);
  cr_assert_null(P->fl);
  cr_assert_null(P->strt);
  cr_assert_null(proc_procinst(P));
  cr_assert_null(L->hook);
  cr_assert_eq(proc_mainthread(P), L);
  Table *g = proc_globals(P);
  cr_assert_not_null(g);
  cr_assert_eq(proc_globals(P), g, "made once");
  cr_assert(tab_islazy(g));
  th_free(&e);
}

/* an idle process, as bench/mem_idle.lua makes a million of them: waiting
 * in receive with no frame for receive (interp.c, recv_inline), its stack
 * and its one frame still in its block; it gets its message when one comes */
Test(procmem, an_idle_process_stays_in_its_block) {
  VM *vm = th_vmnew();
  Proc *M = proc_create(vm);
  cr_assert_eq(th_sched(M,
    "local P = process\n"
    "IDLE = P.spawn(function() local m = P.receive('die') DONE = m end)\n"
    "P.spawn(function(s) P.send(s, 'ready') end, P.self())\n"
    "P.receive('ready')\n"), 0);
  const Value *pid = th_getglobal(M, "IDLE");
  cr_assert(val_ispid(pid));
  Proc *Q = proc_lookup(vm, val_pid(pid));
  cr_assert_not_null(Q);
  lu_State *L = proc_mainthread(Q);
  cr_assert_eq(Q->pstate, PS_WAITING);
  cr_assert_eq(L->inblock, TH_SELF | TH_STACK | TH_CI, "inblock %d: something left the block", L->inblock);
  cr_assert_eq(L->ci, L->base_ci.next, "one frame: the function's, none for receive");
  cr_assert_eq(L->nci, 1);
  cr_assert_leq(L->top, L->stack_last, "the receive's slots fit in the first stack");
  cr_assert_null(Q->ex);
  cr_assert_null(Q->fl);
  cr_assert_not_null(proc_procinst(Q), "the closure's upvalue: its own process library");
  /* it goes on when the message comes, in its own frame */
  cr_assert_eq(th_sched(M, "process.send(IDLE, 'die') process.send(IDLE, 'die')\n"
                           "local r = process.monitor(IDLE)\n"
                           "local d = process.receive({'DOWN', r, process._, process._, process._})\n"
                           "assert(d[5] == 'normal', tostring(d[5]))\n"), 0);
  cr_assert_null(proc_lookup(vm, val_pid(pid)), "it ended");
  th_vmfree(vm);
}

Test(procmem, a_grown_stack_leaves_the_block) {
  TEnv e = th_env(0);
  lu_State *L = e.L;
  Value *first = L->stack;
  val_setint(L->top, 42); L->top++;
  stack_realloc(L, 100);
  cr_assert_neq(L->stack, first);
  cr_assert_eq(L->inblock, TH_SELF | TH_CI, "the block's stack is no longer freed");
  cr_assert(val_isint(L->stack + 1) && val_int(L->stack + 1) == 42, "contents moved");
  stack_realloc(L, 200);             /* a malloc'd one is freed as usual (ASan) */
  cr_assert_eq(stack_size(L), 200);
  th_free(&e);
}

Test(procmem, block_callinfos_stay_linked) {
  TEnv e = th_env(0);
  lu_State *L = e.L;
  CallInfo *b0 = L->base_ci.next;
  cr_assert_eq(L->nci, 1);
  for (int j = 0; j < 5; j++) (void)ci_next(L);   /* 1 from the block, 4 malloc'd */
  cr_assert_eq(L->nci, 5);
  cr_assert_eq(L->base_ci.next, b0);
  L->ci = &L->base_ci;
  ci_shrink(L);
  cr_assert_eq(L->nci, 1, "only the malloc'd ones are freed");
  cr_assert_eq(L->base_ci.next, b0);
  cr_assert_null(b0->next);
  (void)ci_next(L);
  cr_assert_eq(L->ci, b0, "the block's is used again");
  L->ci = &L->base_ci;
  th_free(&e);
}

Test(procmem, idle_free_lists_go_back) {
  TEnv e = th_env(0);
  Proc *P = e.P;
  void *b[400];
  for (int j = 0; j < 400; j++) b[j] = mem_alloc(P, 40);
  cr_assert_null(P->fl, "nothing freed yet: no free lists");
  cr_assert_not(mem_holdsmuch(P));
  for (int j = 0; j < 400; j++) mem_free(P, b[j], 40);
  cr_assert_not_null(P->fl);
  cr_assert(mem_holdsmuch(P), "400 blocks of 40 bytes are more than the idle bound");
  void *again = mem_alloc(P, 40);         /* from the lists */
  mem_free(P, again, 40);
  mem_idle(P);
  cr_assert_null(P->fl, "given back to malloc");
  cr_assert_not(mem_holdsmuch(P));
  void *small = mem_alloc(P, 40);
  mem_free(P, small, 40);
  mem_idle(P);
  cr_assert_not_null(P->fl, "a few blocks are kept");
  th_free(&e);
}

Test(procmem, size_classes_fit_malloc_chunks) {
  /* 16c + 24 bytes: what glibc serves from a 16c + 32 byte chunk */
  cr_assert_eq(mem_roundup(1), 24);
  cr_assert_eq(mem_roundup(24), 24);
  cr_assert_eq(mem_roundup(25), 40);
  cr_assert_eq(mem_roundup(40), 40);
  cr_assert_eq(mem_roundup(41), 56);
  cr_assert_eq(mem_roundup(64), 72);
  cr_assert_eq(mem_roundup(MEM_SMALL), MEM_SMALL);
  cr_assert_eq(mem_roundup(MEM_SMALL + 1), MEM_SMALL + 1);
}

/* the process library's instance lives in the block with a one-node hash
 * part; filling it moves the hash part out, and the whole process still
 * frees cleanly (ASan) */
Test(procmem, the_process_library_in_the_block) {
  VM *vm = th_vmnew();
  Proc *M = proc_create(vm);
  cr_assert_eq(th_sched(M,
    "local P = process\n"
    "P.spawn(function(s) local r = P.receive  P.send(s, 'one') end, P.self())\n"
    "P.receive('one')\n"
    "P.spawn(function(s) local n = 0 for k in pairs(P) do n = n + 1 end P.send(s, n) end, P.self())\n"
    "N = P.receive()\n"), 0);
  Table *t = proc_procinst(M);
  cr_assert_not_null(t);
  cr_assert_eq((void *)t, (void *)&proc_block(M)->procinst);
  const Value *n = th_getglobal(M, "N");
  cr_assert(val_isint(n) && val_int(n) > 20, "pairs saw the whole library");
  th_vmfree(vm);
}

/* a receive whose pattern needs the Lua matcher goes on in the
 * primitive's own frame; one that is preempted in a long queue or times
 * out stays in the caller's */
Test(procmem, receive_without_a_frame_of_its_own) {
  VM *vm = th_vmnew();
  vm->budget = 3;                 /* preempted while it scans */
  Proc *M = proc_create(vm);
  cr_assert_eq(th_sched(M,
    "local P = process\n"
    "local me = P.self()\n"
    "local a = P.spawn(function() local m, x = P.receive(function(v) return v == 5 end) P.send(me, {m, x}) end)\n"
    "for i = 1, 5 do P.send(a, i) end\n"
    "local r = P.receive() assert(r[1] == 5 and r[2] == nil)\n"
    "local b = P.spawn(function() local m = P.receive('end') P.send(me, m) end)\n"
    "for i = 1, 200 do P.send(b, i) end P.send(b, 'end')\n"
    "assert(P.receive() == 'end')\n"
    "local c = P.spawn(function() P.send(me, {P.receive(1)}) end)\n"
    "assert(#P.receive() == 0)\n"
    "local ok, e = pcall(function() local x = P.receive('x', -1) end)\n"
    "assert(not ok and e:find('timeout must not be negative'), e)\n"), 0);
  th_vmfree(vm);
}
