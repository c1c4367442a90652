/*
 * proc.h — the process runtime: process table, messages and signals,
 * links, monitors, registered names, aliases, the scheduler and timers.
 *
 * Who may touch what (one scheduler thread today; SMP is coming):
 *   - a Proc's heap, threads, private message queue (mq_*), links and
 *     monitors are touched only by the thread running that process;
 *   - a Proc's inbox (inbox_head/inbox_tail) is where other processes put
 *     messages and signals; with SMP it takes P->inbox_lock, and the owner
 *     drains it into mq_* (adopting each message's objects into its heap);
 *   - the VM's process table, name table, alias table, run queue and timer
 *     heap are the scheduler's; with SMP each gets its own lock.
 *   - the poller (vm->poller: watched fds, the tick) belongs to the host
 *     that installs it (the shell, lurel/shell.c); its callbacks run on the
 *     scheduler thread between slices, when no process is current, and may
 *     call sched_ready, set P->interrupt and write to the terminal, but
 *     never run Lua code.  P->interrupt is set there and cleared by the
 *     scheduler when it starts P's next slice (do_interrupt).
 *
 * Messages and signals from one process to another travel through the same
 * inbox in the order sent (BEAM's only ordering guarantee): messages, exit
 * signals, link/unlink requests and monitor DOWNs.
 *
 * A message is copied once, by the sender, into a fragment: a list of
 * objects that belong to no heap, plus fix-ups for references that must
 * become the receiver's own (its globals, its library instances).  The
 * receiver adopts the fragment into its heap when it drains its inbox.
 */
#ifndef LU_PROC_H
#define LU_PROC_H

#include "state.h"
#include "gc.h"

/* ------------------------------------------------------------ messages */

/* SIG_EXIT: process.exit(pid, reason); SIG_LINKEXIT: a linked process
 * ended (the receiver's side of the link goes with it) */
enum { MSG_DATA, SIG_EXIT, SIG_KILL, SIG_LINK, SIG_UNLINK, SIG_DOWN_MSG, SIG_LINKEXIT };

typedef struct Fixup {
  Value *slot;            /* inside a fragment object */
  int16_t lib;            /* library index (lazy.h), or -1: globals, -2: loaded,
                             -3: registry, -4: the module named 'name' */
  char *name;             /* -4: malloc'd module name */
} Fixup;

typedef struct Fragment {
  GCObj *objs;            /* objects, linked through their GC 'next' */
  GCObj *tail;
  size_t bytes;           /* bytes allocated, charged to the receiver on adoption */
  Fixup *fix;
  int nfix, capfix;       /* capfix < 0: fix is the caller's buffer of -capfix (not freed) */
} Fragment;

typedef struct Msg Msg;
struct Msg {
  Msg *next;
  uint8_t kind;
  uint64_t from;          /* sender's pid */
  Value v;                /* the message, or the exit reason */
  Fragment frag;          /* until adopted */
};

/* A message in a process's private queue (mq_*): what proc_drain keeps of
 * a Msg once its fragment is adopted, 40 bytes: in a short queue the Msg's
 * own block, in a longer one a node of its own, the Msg going back to the
 * free lists.  A receive that scans a long queue reads, for most
 * messages it passes, only the first 24 bytes: the link, and 'key', a copy
 * of the message's [1] (a table message) made the first time a receive
 * looks at it (mbox.c).  Queue nodes come from a pool of their own, in
 * runs (mem_takeqmsg), so that consecutive messages tend to sit next to
 * each other in memory: a scan follows links the hardware can prefetch.
 * A queued message is reachable from nothing but its node until Lua code
 * sees it (the Lua matcher): only then could its [1] change, and the copy
 * is dropped for good.  A table with a metatable gets no copy (a weak
 * table's [1] may go with a collection). */
#define MSG_KEYUNSET 0xFF       /* keytt: not looked at yet */
#define MSG_KEYNONE  0xFE       /* keytt: no copy (not a table, or Lua code has seen it) */

typedef struct QMsg QMsg;
struct QMsg {
  QMsg *next;
  uint8_t keytt;          /* the tag of the message's [1], or MSG_KEY* */
  uint8_t inmsg;          /* the node is the block of the Msg that brought it
                             (a short queue: proc.c, mq_append) */
  Val key;                /* the message's [1] (keytt a tag) */
  Value v;                /* the message */
};
_Static_assert(sizeof(QMsg) == MEM_QSIZE, "gc.h's MEM_QSIZE is a queue node's size");
_Static_assert(sizeof(QMsg) <= sizeof(Msg), "a Msg's block can be a queue node");

/* a queue node's block goes back to P's lists */
static inline void mq_freenode(Proc *P, QMsg *m) {
  if (m->inmsg) mem_giveblock(P, m, sizeof(Msg));
  else mem_giveqmsg(P, m);
}

/* Deep-copy v (from process P) into msg's fragment; raises a Lua error in
 * P for values that cannot be sent.  Charges reductions to P. */
void copy_tomsg(lu_State *L, const Value *v, Msg *m);
/* n values at vals into out[0..n-1], their objects in m's fragment (spawn:
 * adopt m before out goes) */
void copy_valuestomsg(lu_State *L, const Value *vals, int n, Msg *m, Value *out);
/* Adopt a message's fragment into P's heap (fix-ups resolved). */
void copy_adopt(Proc *P, Msg *m);
/* Free a message that was never adopted. */
void msg_free(Msg *m);

/* ----------------------------------------------------------- processes */

enum { PS_RUNNABLE, PS_RUNNING, PS_WAITING, PS_EXITING, PS_DEAD,
       PS_FREEING };   /* proc_free at work: freed blocks go straight to malloc */

typedef struct MonEntry { uint64_t ref; uint64_t pid; } MonEntry;

/* links and monitors of a process (P->rel, allocated with the first one) */
typedef struct ProcRel {
  uint64_t *links;
  int nlinks, caplinks;
  MonEntry *mons;         /* monitors this process holds: ref -> target */
  int nmons, capmons;
  MonEntry *watchers;     /* monitors on this process: ref -> watcher */
  int nwatch, capwatch;
} ProcRel;
ProcRel *proc_rel(Proc *P);
void proc_freerel(Proc *P);

/* spawn: copies fn and args (at L's stack) into a new process */
typedef struct SpawnOpts {
  bool link, monitor, trap_exit;
  size_t max_heap_size;
} SpawnOpts;

Proc *proc_create(VM *vm);
/* The max_heap_size a process gets when it asks for m (0: unlimited): with
 * a default (lurel --max-heap, --sandbox) 0 means the default, and in the
 * sandbox no process may go past it. */
size_t proc_heaplimit(VM *vm, size_t m);
void vm_shutdown(VM *vm);
Proc *proc_spawn(lu_State *L, int nargs, const SpawnOpts *o, uint64_t *monref);
Proc *proc_lookup(VM *vm, uint64_t pid);
Proc *proc_slot(VM *vm, size_t j);     /* slot j's live process, or NULL (j < vm->ptab_size) */
uint64_t vm_newref(VM *vm);

/* send: dest is a pid, a registered name or an alias; copies msg */
void proc_send(lu_State *L, const Value *dest, const Value *msg);
/* proc_send for a caller that has no C frame of its own (the interpreter's
 * inline process.send): an error (a message that cannot be sent, no
 * memory) is not raised but undone (nothing was sent; the reductions and
 * L->errval are as before) and false returned; the caller then calls
 * process.send as a function, which raises it from its own frame.  Other
 * throws (the process is killed) go on. */
bool proc_trysend_protected(lu_State *L, const Value *dest, const Value *msg);
/* A number, boolean, pid, ref or atom travels in the message header as it
 * is: no fragment, nothing to copy (proc.c: deliver) */
static inline bool msg_asis(const Value *v) {
  return !val_isnil(v) && (!val_iscollectable(v) || (val_gc(v)->marked & GC_SHARED));
}
/* dest: a pid or an alias (a ref), as the interpreter has checked */
static inline bool proc_trysend(lu_State *L, const Value *dest, const Value *msg) {
  /* to a pid or an alias, a value that travels as it is raises nothing:
   * no protection needed */
  if (msg_asis(msg)) {
    proc_send(L, dest, msg);
    return true;
  }
  return proc_trysend_protected(L, dest, msg);
}
void proc_sendsignal(VM *vm, uint64_t from, uint64_t to, int kind, Msg *m);
/* exit signal from L's process to pid with reason */
void proc_exitsignal(lu_State *L, uint64_t to, const Value *reason);

/* drain the inbox: adopt messages, act on signals; returns false when the
 * process must die (proc_exitreason(P) then says why) */
bool proc_drain(Proc *P);

void proc_link(lu_State *L, uint64_t pid);
void proc_unlink(lu_State *L, uint64_t pid);
uint64_t proc_monitor(lu_State *L, uint64_t pid);
bool proc_demonitor(lu_State *L, uint64_t ref, bool flush);

/* names */
bool proc_register(VM *vm, const char *name, Proc *P);
bool proc_unregister(VM *vm, const char *name);
uint64_t proc_whereis(VM *vm, const char *name);

/* aliases */
void proc_alias(Proc *P, uint64_t ref);
bool proc_unalias(Proc *P, uint64_t ref);

/* The process ended (normally, by error, by exit or kill): tell links and
 * monitors, free it.  reason is a value in P's heap. */
void proc_finish(Proc *P, const Value *reason);

/* ----------------------------------------------------------- scheduler */

void sched_ready(VM *vm, Proc *P);              /* make runnable (if waiting) */
/* Run until the main process ends (or nothing can run); returns the main
 * process's exit status for the command (0 or 1). */
int sched_run(VM *vm, Proc *main);
double sched_now(void);                          /* monotonic ms */
/* a process that ended runs its pending finalizers first (true: started) */
bool sched_startfinalizers(VM *vm, Proc *P, const Value *reason);

/* Watching file descriptors (the shell's terminal).  While at least one fd
 * is watched the scheduler polls: when nothing is runnable it sleeps in
 * poll() until a watched fd is ready or the next timer is due (instead of
 * nanosleep, and instead of reporting a deadlock); while processes run it
 * polls with a 0 timeout between slices, at most every SCHED_POLL_MS.  At
 * each poll the tick runs first (output to show, signal flags to act on),
 * then the callback of every ready fd.  cb NULL stops watching fd. */
#define SCHED_POLL_MS 10.0
typedef void (*SchedFdCb)(VM *vm, int fd, int revents, void *ud);
typedef void (*SchedTick)(VM *vm, void *ud);
bool sched_watchfd(VM *vm, int fd, int events, SchedFdCb cb, void *ud);  /* false: too many */
void sched_settick(VM *vm, SchedTick tick, void *ud);              /* NULL: none */
SchedFdCb sched_fdwatched(VM *vm, int fd);                         /* its callback, or NULL */

/* timers: receive timeouts and send_after */
typedef struct Timer Timer;
Timer *timer_add(VM *vm, double deadline_ms, Proc *P, uint64_t ref, Msg *m, Value *dest);
void timer_cancel(VM *vm, Timer *t);
double timer_cancelref(VM *vm, uint64_t ref);   /* ms left, or -1 if gone */
int timer_check(VM *vm);
void timer_freeall(VM *vm);                     /* VM shutdown: every timer goes, none fires */
#define timer_count(vm) ((vm)->ntimers)             /* timers that can still fire */                        /* 0: heap and ref map consistent (tests) */

/* mbox.c: the receive primitives (RECV* instructions) and the matcher */
int mbox_match(const Value *pat, const Value *v, int depth);   /* 1, 0, or -1: a function (ask Lua) */
void mbox_drain(lu_State *L);             /* adopt messages, act on signals (may end the process) */
void mbox_setmark(lu_State *L, uint64_t ref);
/* RECV: 0 done (see opcodes.def), -1 out of reductions, -2 blocked (run
 * it again: ra[0] is then true) */
int mbox_recv(lu_State *L, Value *ra);
void mbox_recvstart(lu_State *L, Value *ra);   /* RECV's start alone (unit tests) */
const Value *mbox_peek(lu_State *L);      /* the message at the save pointer, or NULL */
/* RECVSCAN: skip messages that cannot match; 0 done (ra[0] message or nil,
 * ra[1] sure match), -1 out of reductions (call again) */
int mbox_scan(lu_State *L, const Value *pat, Value *ra);
void mbox_next(Proc *P);
bool mbox_take(Proc *P, Value *out);
int mbox_wait(lu_State *L, const Value *timeout);   /* 0 new message, 1 timed out, -1 block */

/* crash reports */
/* tostring(v) with __tostring, run on top of L's intact stack; false if it fails */
bool proc_tostring(lu_State *L, const Value *v, Value *out);
void proc_report(Proc *P, lu_State *L, const Value *err, int status);

#endif
