/* test_mbox.c — the mailbox (vm/mbox.c, proc_drain in vm/proc.c): FIFO
 * order, selective receive with its save pointer (messages that do not
 * match keep their order, none is tested twice in one wait), the receive
 * marker of a fresh ref, and signals and messages in one queue.
 *
 * The receive primitives are driven from C the way the RECV* instructions
 * drive them (mbox_recvstart, mbox_scan, mbox_wait, mbox_take); the rest
 * runs Lua programs under the scheduler. */
#include "helpers.h"

/* ------------------------------------------------------------- helpers */

typedef struct { VM *vm; Proc *P, *S; } Box;   /* P receives, S sends */

static Box box(void) {
  Box b;
  b.vm = th_vmnew();
  b.P = proc_create(b.vm);
  b.S = proc_create(b.vm);
  return b;
}

/* S sends the value of the Lua expression expr to P */
static void sendexpr(Box *b, const char *expr) {
  char src[256];
  snprintf(src, sizeof src, "return %s", expr);
  const Value *v = th_eval(b->S, src);
  th_send(b->S, b->P->pid, v);
}

static void sendints(Box *b, int from, int to) {
  for (int i = from; i <= to; i++) {
    Value v;
    val_setint(&v, i);
    th_send(b->S, b->P->pid, &v);
  }
}

static void drain_cb(lu_State *L, void *ud) { (void)ud; mbox_drain(L); }
static void drain(Proc *P) {
  char msg[200];
  cr_assert_eq(th_protect(P, drain_cb, NULL, msg, sizeof msg), LU_OK, "%s", msg);
}

/* the queue as text: integers and strings, tables as their field 1 */
static void qtext(Proc *P, char *buf, size_t n) {
  size_t k = 0;
  buf[0] = '\0';
  int count = 0;
  for (QMsg *m = P->mq_head; m; m = m->next) {
    const Value *v = &m->v;
    if (val_istable(v)) v = tab_getint(val_table(v), 1);
    char one[64];
    if (val_isint(v)) snprintf(one, sizeof one, "%lld", (long long)val_int(v));
    else if (val_isstr(v)) snprintf(one, sizeof one, "%s", str_data(val_str(v)));
    else snprintf(one, sizeof one, "?");
    k += (size_t)snprintf(buf + k, n - k, "%s%s", count++ ? " " : "", one);
    if (k >= n) break;
  }
  cr_assert_eq(count, P->mq_len, "mq_len %d but %d messages queued", P->mq_len, count);
}

/* a receive, step by step: RECVSTART, then RECVSCAN */
typedef struct {
  Value ra[3];                /* pattern, timeout (as RECVSTART leaves them) */
  Value out[2];               /* message (or nil), sure match */
  int r;
} Recv;

static void start_cb(lu_State *L, void *ud) { mbox_recvstart(L, ((Recv *)ud)->ra); }
static void scan_cb(lu_State *L, void *ud) {
  Recv *rv = ud;
  rv->r = mbox_scan(L, &rv->ra[0], rv->out);
}
static void wait_cb(lu_State *L, void *ud) {
  Recv *rv = ud;
  rv->r = mbox_wait(L, &rv->ra[1]);
}

/* start a receive in P with the pattern in P's global PAT (nil: any) */
static void rstart(Proc *P, Recv *rv) {
  val_setnil(&rv->ra[0]);
  val_copy(&rv->ra[1], th_getglobal(P, "PAT"));
  val_setnil(&rv->ra[2]);
  char msg[200];
  cr_assert_eq(th_protect(P, start_cb, rv, msg, sizeof msg), LU_OK, "%s", msg);
}
static int rscan(Proc *P, Recv *rv) {
  char msg[200];
  cr_assert_eq(th_protect(P, scan_cb, rv, msg, sizeof msg), LU_OK, "%s", msg);
  return rv->r;
}
static int rwait(Proc *P, Recv *rv) {
  char msg[200];
  cr_assert_eq(th_protect(P, wait_cb, rv, msg, sizeof msg), LU_OK, "%s", msg);
  return rv->r;
}

static void setpat(Proc *P, const char *expr) {
  char src[256];
  snprintf(src, sizeof src, "PAT = %s return true", expr);
  th_check(P, src);
}

/* a whole receive that must find a message at once: its value */
static Value take(Proc *P, const char *pat) {
  setpat(P, pat);
  Recv rv;
  rstart(P, &rv);
  P->reds = 1 << 30;
  cr_assert_eq(rscan(P, &rv), 0);
  cr_assert(!val_isnil(&rv.out[0]), "nothing matches %s", pat);
  Value v;
  cr_assert(mbox_take(P, &v));
  cr_assert(val_rawequal(&v, &rv.out[0]), "took another message than the one scanned");
  return v;
}

/* ---------------------------------------------------------------- FIFO */

Test(mbox, messages_queue_in_the_order_sent) {
  Box b = box();
  sendints(&b, 1, 1000);
  cr_assert_not_null(b.P->inbox_head, "sent messages wait in the inbox");
  cr_assert_eq(b.P->mq_len, 0);
  drain(b.P);
  cr_assert_null(b.P->inbox_head);
  cr_assert_eq(b.P->mq_len, 1000);
  int i = 1;
  for (QMsg *m = b.P->mq_head; m; m = m->next, i++) {
    cr_assert(val_isint(&m->v));
    cr_assert_eq(val_int(&m->v), i);
  }
  /* and come out in that order */
  for (i = 1; i <= 1000; i++) {
    Value v = take(b.P, "nil");
    cr_assert_eq(val_int(&v), i);
  }
  cr_assert_eq(b.P->mq_len, 0);
  cr_assert_null(b.P->mq_head);
  cr_assert_eq(b.P->mq_tail, &b.P->mq_head, "the tail link of an empty queue");
  /* the emptied queue takes new messages */
  sendints(&b, 7, 8);
  drain(b.P);
  char q[64];
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "7 8");
  th_vmfree(b.vm);
}

Test(mbox, taking_the_last_message_keeps_the_tail) {
  Box b = box();
  sendints(&b, 1, 3);
  drain(b.P);
  Value v = take(b.P, "process.any(3)");
  cr_assert_eq(val_int(&v), 3);
  sendints(&b, 4, 4);
  drain(b.P);
  char q[64];
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "1 2 4");
  v = take(b.P, "process.any(1)");
  sendints(&b, 5, 5);
  drain(b.P);
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "2 4 5");
  v = take(b.P, "process.any(4)");
  v = take(b.P, "process.any(5)");
  v = take(b.P, "process.any(2)");
  cr_assert_eq(b.P->mq_tail, &b.P->mq_head);
  sendints(&b, 6, 6);
  drain(b.P);
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "6");
  th_vmfree(b.vm);
}

/* --------------------------------------------------- selective receive */

Test(mbox, messages_that_do_not_match_keep_their_order) {
  Box b = box();
  sendexpr(&b, "{'a', 1}");
  sendexpr(&b, "{'b', 1}");
  sendexpr(&b, "{'a', 2}");
  sendexpr(&b, "{'b', 2}");
  sendexpr(&b, "{'c'}");
  sendexpr(&b, "{'b'}");
  drain(b.P);
  Value v = take(b.P, "{'b', process._}");
  th_setglobal(b.P, "V", &v);
  th_check(b.P, "return V[1] == 'b', V[2] == 1");
  v = take(b.P, "{'c'}");
  th_setglobal(b.P, "V", &v);
  th_check(b.P, "return V[1] == 'c'");
  char q[64];
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "a a b b");
  v = take(b.P, "{'b', 2}");
  th_setglobal(b.P, "V", &v);
  th_check(b.P, "return V[2] == 2");
  v = take(b.P, "process.any({'b', 2}, {'b'})");
  th_setglobal(b.P, "V", &v);
  th_check(b.P, "return V[1] == 'b', V[2] == nil");
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "a a");
  th_vmfree(b.vm);
}

Test(mbox, one_wait_tests_each_message_once) {
  Box b = box();
  sendints(&b, 1, 5);
  setpat(b.P, "'stop'");
  Recv rv;
  rstart(b.P, &rv);
  /* each message that does not match costs one reduction */
  b.P->reds = 1000;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert(val_isnil(&rv.out[0]));
  cr_assert_eq(b.P->reds, 995);
  cr_assert_null(*b.P->save, "the save pointer is past the five");
  cr_assert_eq(rwait(b.P, &rv), -1, "nothing new: it blocks");
  /* more arrive while it waits: only they are scanned */
  sendints(&b, 6, 7);
  sendexpr(&b, "'stop'");
  sendints(&b, 8, 8);
  cr_assert_eq(rwait(b.P, &rv), 0, "a new message to look at");
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert(val_isstr(&rv.out[0]) && strcmp(str_data(val_str(&rv.out[0])), "stop") == 0);
  cr_assert_eq(b.P->reds, 993, "6 and 7 scanned once each (reds %d)", (int)b.P->reds);
  Value v;
  cr_assert(mbox_take(b.P, &v));
  cr_assert_eq(b.P->save, &b.P->mq_head, "the next receive starts at the head");
  char q[64];
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "1 2 3 4 5 6 7 8");
  /* a scan out of reductions goes on where it stopped */
  setpat(b.P, "'none'");
  rstart(b.P, &rv);
  b.P->reds = 3;
  cr_assert_eq(rscan(b.P, &rv), -1);
  QMsg **at = b.P->save;
  cr_assert_eq(val_int(&(*at)->v), 4, "stopped before the fourth message");
  b.P->reds = 100;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert_eq(b.P->reds, 95, "the rest scanned once (reds %d)", (int)b.P->reds);
  th_vmfree(b.vm);
}

Test(mbox, a_timeout_of_zero_does_not_block) {
  Box b = box();
  sendints(&b, 1, 2);
  th_check(b.P, "PAT = 'x' return true");
  Recv rv;
  rstart(b.P, &rv);
  val_setint(&rv.ra[1], 0);
  b.P->reds = 100;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert(val_isnil(&rv.out[0]));
  cr_assert_eq(rwait(b.P, &rv), 1, "timed out at once");
  cr_assert_null(b.P->timer);
  cr_assert_eq(timer_count(b.vm), 0);
  cr_assert_eq(b.P->mq_len, 2);
  /* a positive timeout arms one timer; the end of the receive cancels it */
  rstart(b.P, &rv);
  val_setint(&rv.ra[1], 100000);
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert_eq(rwait(b.P, &rv), -1);
  cr_assert_not_null(b.P->timer);
  cr_assert_eq(timer_count(b.vm), 1);
  cr_assert_eq(rwait(b.P, &rv), -1, "waking without a message");
  cr_assert_eq(timer_count(b.vm), 1, "still one timer");
  sendexpr(&b, "'x'");
  cr_assert_eq(rwait(b.P, &rv), 0);
  cr_assert_eq(rscan(b.P, &rv), 0);
  Value v;
  cr_assert(mbox_take(b.P, &v));
  cr_assert_null(b.P->timer);
  cr_assert_eq(timer_count(b.vm), 0, "the timer went with the receive");
  cr_assert_eq(timer_check(b.vm), 0);
  th_vmfree(b.vm);
}

/* the same through the scheduler, with a pattern function that records
 * every message it is asked about */
Test(mbox, a_pattern_function_sees_each_message_once) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "for i = 1, 3 do process.send(me, 'x' .. i) end\n"
    "process.spawn(function()\n"
    "  for i = 1, 3 do process.send(me, 'y' .. i) process.yield() end\n"
    "  process.send(me, 'stop')\n"
    "end)\n"
    "SEEN = {}\n"
    "local got = process.receive(function(m) SEEN[#SEEN + 1] = m return m == 'stop' end)\n"
    "assert(got == 'stop')\n"
    "SEEN = table.concat(SEEN, ' ')\n"
    "REST = {}\n"
    "for i = 1, 6 do REST[i] = process.receive(0) end\n"
    "REST = table.concat(REST, ' ')\n");
  cr_assert_eq(st, 0);
  th_check(P, "return SEEN == 'x1 x2 x3 y1 y2 y3 stop' or SEEN, REST == 'x1 x2 x3 y1 y2 y3' or REST");
  th_vmfree(vm);
}

/* ------------------------------------------- the scan's copy of [1] */

/* every message's [1] is copied into its queue node the first time a scan
 * passes it; the copy goes for good when Lua code is shown the message */
Test(mbox, a_scan_keeps_a_copy_of_each_message_s_first_field) {
  Box b = box();
  sendexpr(&b, "{'a', 1}");
  sendexpr(&b, "'s'");
  sendexpr(&b, "{nil, 2}");
  sendexpr(&b, "{7.5}");
  sendexpr(&b, "{'late'}");
  sendexpr(&b, "setmetatable({'weak'}, {__mode = 'v'})");
  drain(b.P);
  for (QMsg *m = b.P->mq_head; m; m = m->next)
    cr_assert_eq(m->keytt, MSG_KEYUNSET, "not looked at yet");
  setpat(b.P, "{'zz'}");
  Recv rv;
  rstart(b.P, &rv);
  b.P->reds = 1000;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert(val_isnil(&rv.out[0]));
  cr_assert_eq(b.P->reds, 994, "a reduction per message (reds %d)", (int)b.P->reds);
  QMsg *m = b.P->mq_head;
  /* the first message is matched in full, without a copy */
  cr_assert_eq(m->keytt, MSG_KEYUNSET);
  m = m->next;
  cr_assert_eq(m->keytt, MSG_KEYNONE, "a string message has no [1]");
  m = m->next;
  cr_assert_eq(m->keytt, T_NIL, "a hole at [1]");
  m = m->next;
  cr_assert_eq(m->keytt, T_FLT);
  cr_assert(m->key.n == 7.5);
  m = m->next;
  cr_assert_eq(m->keytt, T_STR);
  cr_assert_str_eq(str_data((String *)m->key.gc), "late");
  m = m->next;
  cr_assert_eq(m->keytt, MSG_KEYNONE, "a table with a metatable (it may be weak) has no copy");
  th_vmfree(b.vm);
}

Test(mbox, a_message_lua_code_was_shown_is_read_again) {
  Box b = box();
  sendexpr(&b, "{'x'}");
  sendexpr(&b, "{'a', 1}");
  drain(b.P);
  setpat(b.P, "{'zz'}");
  Recv rv;
  rstart(b.P, &rv);
  b.P->reds = 1000;
  cr_assert_eq(rscan(b.P, &rv), 0);
  QMsg *a = b.P->mq_head->next;
  cr_assert_eq(a->keytt, T_STR);
  /* a pattern with a function: the scan stops at the message whose [1]
   * matches and hands it to the Lua matcher */
  setpat(b.P, "{'a', function() return false end}");
  rstart(b.P, &rv);
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert_eq(val_table(&rv.out[0]), val_table(&a->v), "the scan stops at {'a', 1}");
  cr_assert_neq(rv.out[1].tt, T_TRUE, "the Lua matcher must say");
  cr_assert_eq(a->keytt, MSG_KEYNONE, "the copy of [1] is dropped");
  th_setglobal(b.P, "V", &rv.out[0]);
  th_check(b.P, "V[1] = 'b' return true");
  Value v = take(b.P, "{'b', 1}");
  cr_assert_eq(val_table(&v), val_table(&rv.out[0]), "the changed message matches as it is now");
  th_vmfree(b.vm);
}

/* queue nodes: a pool of their own, malloc'd in runs, bounded */
Test(mbox, queue_nodes_come_from_a_pool_of_their_own) {
  Box b = box();
  sendints(&b, 1, 2000);
  drain(b.P);
  cr_assert_eq(b.P->mq_len, 2000);
#if !defined(__SANITIZE_ADDRESS__)
  /* most nodes follow the one before in memory (runs of MEM_QRUN) */
  int near = 0;
  for (QMsg *m = b.P->mq_head; m->next; m = m->next) {
    ptrdiff_t d = (char *)m->next - (char *)m;
    if (d > 0 && d <= 64) near++;
  }
  cr_assert_gt(near, 1800, "%d of 1999 links go to the next block", near);
#endif
  for (int i = 1; i <= 2000; i++) {
    Value v = take(b.P, "nil");
    cr_assert_eq(val_int(&v), i);
  }
  cr_assert_not_null(b.P->fl);
  cr_assert_eq(b.P->fl->nqfree, MEM_QKEEP, "the pool keeps %d nodes, not %u", MEM_QKEEP, b.P->fl->nqfree);
  int n = 0;
  for (void *q = b.P->fl->qfree; q; q = *(void **)q) n++;
  cr_assert_eq(n, MEM_QKEEP);
  /* an idle process gives them back */
  mem_idle(b.P);
  cr_assert_null(b.P->fl);
  sendints(&b, 1, 3);
  drain(b.P);
  char q[64];
  qtext(b.P, q, sizeof q);
  cr_assert_str_eq(q, "1 2 3");
  th_vmfree(b.vm);
}

/* ----------------------------------------------------- receive marker */

static void mark_cb(lu_State *L, void *ud) { mbox_setmark(L, *(uint64_t *)ud); }

Test(mbox, a_fresh_ref_skips_older_messages) {
  Box b = box();
  sendints(&b, 1, 50);
  uint64_t ref = vm_newref(b.vm);
  char msg[200];
  cr_assert_eq(th_protect(b.P, mark_cb, &ref, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_eq(b.P->mq_len, 50, "the messages sent before the ref are behind the marker");
  Value r;
  val_setref(&r, ref);
  th_setglobal(b.S, "REF", &r);
  th_setglobal(b.P, "REF", &r);
  sendexpr(&b, "{'other', 1}");
  sendexpr(&b, "{REF, 'reply'}");
  Recv rv;
  /* a pattern with the ref starts at the marker: only 'other' is scanned */
  setpat(b.P, "{REF, process._}");
  rstart(b.P, &rv);
  cr_assert_eq(b.P->save, b.P->mark);
  b.P->reds = 1000;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert(val_istable(&rv.out[0]));
  cr_assert_eq(b.P->reds, 999, "one message scanned (reds %d)", (int)b.P->reds);
  /* a pattern without it starts at the head */
  setpat(b.P, "{'other', process._}");
  rstart(b.P, &rv);
  cr_assert_eq(b.P->save, &b.P->mq_head);
  b.P->reds = 1000;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert_eq(b.P->reds, 950);
  /* any(): the ref must be in every alternative */
  setpat(b.P, "process.any({REF, 'x'}, 3)");
  rstart(b.P, &rv);
  cr_assert_eq(b.P->save, &b.P->mq_head);
  setpat(b.P, "process.any({REF, 'x'}, {REF, 'reply'})");
  rstart(b.P, &rv);
  cr_assert_eq(b.P->save, b.P->mark);
  b.P->reds = 1000;
  cr_assert_eq(rscan(b.P, &rv), 0);
  cr_assert_eq(b.P->reds, 999);
  Value v;
  cr_assert(mbox_take(b.P, &v));
  cr_assert_null(b.P->mark, "the receive is over: no marker");
  char q[300];
  qtext(b.P, q, sizeof q);
  cr_assert(strncmp(q, "1 2 3", 5) == 0 && strstr(q, "50 other") != NULL, "%s", q);
  th_vmfree(b.vm);
}

Test(mbox, a_flushed_down_before_the_marker_keeps_it_valid) {
  /* monitor a process that dies (its DOWN is queued), make a ref (marker
   * after the DOWN), flush the DOWN: the marker's link is fixed */
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "local p = process.spawn(function() end)\n"
    "local m1 = process.monitor(p)\n"
    "local m2 = process.monitor(p)\n"
    "process.send(me, 'first')\n"
    /* p ends: DOWN m1 then DOWN m2 after 'first' */
    "process.receive({'DOWN', m2, 'process', p, process._})\n"
    "local ref = process.make_ref()\n"
    "process.demonitor(m1, true)\n"
    "process.send(me, {ref, 'mine'})\n"
    "process.send(me, 'last')\n"
    "local got = process.receive({ref, process._})\n"
    "A = got[2]\n"
    "B = process.receive(0) C = process.receive(0) D = process.receive(0)\n");
  cr_assert_eq(st, 0);
  th_check(P, "return A == 'mine', B == 'first', C == 'last', D == nil");
  th_vmfree(vm);
}

/* ------------------------------------------- signals share the queue */

Test(mbox, signals_and_messages_arrive_in_the_order_sent) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "process.flag('trap_exit', true)\n"
    "local me = process.self()\n"
    "local p = process.spawn(function()\n"
    "  process.send(me, 'm1')\n"
    "  process.exit(me, 'sig1')\n"
    "  process.send(me, 'm2')\n"
    "  process.link(me)\n"
    "  process.send(me, 'm3')\n"
    "  process.exit('bye')\n"
    "end)\n"
    "local mref = process.monitor(p)\n"
    "local function show(m)\n"
    "  if type(m) ~= 'table' then return tostring(m) end\n"
    "  assert(m[2] == p or m[2] == mref, 'from p')\n"
    "  return m[1] .. ':' .. tostring(m[#m])\n"
    "end\n"
    /* selective: m2 first, the others keep their order */
    "local out = {show(process.receive('m2'))}\n"
    "for i = 1, 5 do out[#out + 1] = show(process.receive()) end\n"
    "OUT = table.concat(out, ' ')\n");
  cr_assert_eq(st, 0);
  th_check(P, "return OUT == 'm2 m1 EXIT:sig1 m3 EXIT:bye DOWN:bye'"
              " or OUT == 'm2 m1 EXIT:sig1 m3 DOWN:bye EXIT:bye' or OUT");
  th_vmfree(vm);
}

Test(mbox, an_exit_signal_ends_a_receiver_that_does_not_trap) {
  VM *vm = th_vmnew();
  Proc *P = proc_create(vm);
  int st = th_sched(P,
    "local me = process.self()\n"
    "local w = process.spawn(function()\n"
    "  process.receive('never')\n"
    "end)\n"
    "local mref = process.monitor(w)\n"
    "process.send(w, 'a')\n"
    "process.send(w, 'b')\n"
    "process.exit(w, 'stop')\n"
    "local d = process.receive({'DOWN', mref, 'process', w, process._})\n"
    "R = d[5]\n");
  cr_assert_eq(st, 0);
  th_check(P, "return R == 'stop'");
  th_vmfree(vm);
}
