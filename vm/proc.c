/* proc.c — processes: table, spawn, send, signals, links, monitors, names,
 * aliases, exit (see proc.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proc.h"
#include "api.h"
#include "debug.h"
#include "do.h"
#include "func.h"
#include "gc.h"
#include "lazy.h"
#include "lib.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "vm.h"

/* ------------------------------------------------------- process table */

/* Pids are handed out in order, so the pid itself is the hash: processes
 * spawned together sit in neighbouring slots, and a walk over them (a ring,
 * a broadcast) reads the table in order instead of missing the cache at
 * every slot.  Live pids collide only when they lie a multiple of the table
 * size apart; linear probing takes those.  A slot holds the pid with the
 * Proc, so that finding a process reads no line of its block: a send asks
 * for the block and copies the message while it comes in (deliver).  Only
 * live processes are in the table (proc_finish takes a process out before
 * it is PS_DEAD). */
struct PtabSlot { uint64_t pid; Proc *p; };
#define PTAB_DELETED(vm) ((Proc *)(vm))     /* a deleted slot's p */

static inline size_t hpid(uint64_t pid, size_t mask) { return (size_t)pid & mask; }

Proc *proc_lookup(VM *vm, uint64_t pid) {
  if (vm->ptab_size == 0) return NULL;
  size_t mask = vm->ptab_size - 1, i = hpid(pid, mask);
  for (;;) {
    const struct PtabSlot *s = &vm->ptab[i];
    if (s->p == NULL) return NULL;
    if (s->pid == pid && s->p != PTAB_DELETED(vm)) return s->p;
    i = (i + 1) & mask;
  }
}

/* ptab_n counts deleted slots too: a rehash drops them and sizes the table
 * by the live processes, so that processes that come and go do not grow it */
static void ptab_insert(VM *vm, Proc *P) {
  if ((vm->ptab_n + 1) * 4 > vm->ptab_size * 3) {
    size_t live = 0;
    for (size_t j = 0; j < vm->ptab_size; j++)
      if (vm->ptab[j].p && vm->ptab[j].p != PTAB_DELETED(vm)) live++;
    size_t ns = 64;
    while ((live + 1) * 2 > ns) ns *= 2;
    struct PtabSlot *nt = calloc(ns, sizeof *nt);
    if (!nt) abort();
    size_t n = 0;
    for (size_t j = 0; j < vm->ptab_size; j++) {
      const struct PtabSlot *s = &vm->ptab[j];
      if (s->p && s->p != PTAB_DELETED(vm)) {
        size_t i = hpid(s->pid, ns - 1);
        while (nt[i].p) i = (i + 1) & (ns - 1);
        nt[i] = *s;
        n++;
      }
    }
    free(vm->ptab);
    vm->ptab = nt;
    vm->ptab_size = ns;
    vm->ptab_n = n;
  }
  size_t i = hpid(P->pid, vm->ptab_size - 1);
  while (vm->ptab[i].p && vm->ptab[i].p != PTAB_DELETED(vm)) i = (i + 1) & (vm->ptab_size - 1);
  if (vm->ptab[i].p == NULL) vm->ptab_n++;
  vm->ptab[i].pid = P->pid;
  vm->ptab[i].p = P;
}

static void ptab_remove(VM *vm, Proc *P) {
  size_t mask = vm->ptab_size - 1, i = hpid(P->pid, mask);
  while (vm->ptab[i].p) {
    if (vm->ptab[i].p == P) { vm->ptab[i].p = PTAB_DELETED(vm); return; }
    i = (i + 1) & mask;
  }
}

/* every live process, in table order (vm_shutdown, process.list) */
Proc *proc_slot(VM *vm, size_t j) {
  Proc *P = vm->ptab[j].p;
  return P == PTAB_DELETED(vm) ? NULL : P;
}

uint64_t vm_newref(VM *vm) { return ++vm->next_ref; }

/* ---------------------------------------------------------------- spawn */

/* A message block is malloc'd with its size class's size, so that the
 * receiver can keep it in its free lists when it is done with it (msgs
 * that P sends come from P's lists first: a process that receives and
 * sends reuses the same blocks) */
static Msg *newmsg(int kind, uint64_t from) {
  Msg *m = calloc(1, mem_roundup(sizeof(Msg)));
  if (!m) abort();
  m->kind = (uint8_t)kind;
  m->from = from;
  val_setnil(&m->v);
  return m;
}

static Msg *msg_new(Proc *P, int kind, uint64_t from) {
  Msg *m = mem_takeblock(P, sizeof(Msg));
  if (!m) abort();
  m->next = NULL;
  m->kind = (uint8_t)kind;
  m->from = from;
  val_setnil(&m->v);
  memset(&m->frag, 0, sizeof m->frag);
  return m;
}

size_t proc_heaplimit(VM *vm, size_t m) {
  size_t d = vm->maxheap_default;
  if (d && (m == 0 || (vm->sandbox && m > d))) return d;
  return m;
}

/* a fresh process with the lazy standard library, not yet runnable */
Proc *proc_create(VM *vm) {
  Proc *P = proc_new(vm);
  if (!P) return NULL;
  P->pid = ++vm->next_pid;
  P->pstate = PS_WAITING;
  P->inbox_tail = &P->inbox_head;
  P->mq_tail = &P->mq_head;
  P->save = &P->mq_head;
  P->mark = NULL;
  proc_setmaxheap(P, vm->maxheap_default);
  lu_openlibs(proc_mainthread(P));
  ptab_insert(vm, P);
  vm->nprocs++;
  return P;
}

Proc *proc_spawn(lu_State *L, int nargs, const SpawnOpts *o, uint64_t *monref) {
  Proc *parent = L->P;
  VM *vm = parent->vm;
  /* copy function and arguments in one go (shared parts stay shared) */
  Value *first = L->top - nargs - 1;
  Msg *m = msg_new(parent, MSG_DATA, parent->pid);
  /* the fix-ups (a closure's library upvalues, globals) start here: m is
   * adopted before this frame goes */
  Fixup fixbuf[4];
  m->frag.fix = fixbuf;
  m->frag.capfix = -4;
  Value argbuf[8], *args = argbuf;
  if (nargs + 1 > 8) {
    args = malloc((size_t)(nargs + 1) * sizeof(Value));
    if (args == NULL) { msg_free(m); lu_errorf(L, "not enough memory"); }
  }
  /* on error copy_valuestomsg frees m and raises: args would leak */
  if (args != argbuf) {
    lu_Jmp jb;
    jb.previous = parent->errorjmp;
    jb.status = LU_OK;
    parent->errorjmp = &jb;
    if (LU_SETJMP(jb) == 0) {
      copy_valuestomsg(L, first, nargs + 1, m, args);
      parent->errorjmp = jb.previous;
    } else {
      parent->errorjmp = jb.previous;
      free(args);
      lu_throw(L, jb.status);
    }
  } else copy_valuestomsg(L, first, nargs + 1, m, args);
  Proc *P = proc_create(vm);
  if (P == NULL) {
    msg_free(m);
    if (args != argbuf) free(args);
    lu_errorf(L, "cannot create a process (out of memory)");
  }
  lib_package_inherit(parent, P);
  if (o) {
    P->trap_exit = o->trap_exit;
    proc_setmaxheap(P, proc_heaplimit(vm, o->max_heap_size));
  }
  /* adopt and unpack onto the new process's main thread */
  lu_State *L1 = proc_mainthread(P);
  P->L = L1;
  copy_adopt(P, m);
  mem_giveblock(parent, m, sizeof(Msg));   /* for the parent's next spawn or send */
  stack_check(L1, nargs + 2);
  for (int j = 0; j <= nargs; j++) { val_copy(L1->top, &args[j]); L1->top++; }
  if (args != argbuf) free(args);
  do_callentry(L1, L1->top - nargs - 1, 0);
  if (o && o->link) {
    /* linked before it runs, atomically */
    proc_link(L, P->pid);
  }
  if (o && o->monitor && monref) *monref = proc_monitor(L, P->pid);
  P->pstate = PS_WAITING;
  sched_ready(vm, P);
  return P;
}

/* ---------------------------------------------------------------- names */

static size_t hname(const char *s, size_t mask) {
  return (size_t)str_hashbytes(s, strlen(s), 0x9747b28c) & mask;
}

uint64_t proc_whereis(VM *vm, const char *name) {
  if (vm->names_size == 0) return 0;
  size_t mask = vm->names_size - 1, i = hname(name, mask);
  while (vm->names[i].name) {
    if (vm->names[i].pid && strcmp(vm->names[i].name, name) == 0) return vm->names[i].pid;
    i = (i + 1) & mask;
  }
  return 0;
}

bool proc_register(VM *vm, const char *name, Proc *P) {
  if (proc_whereis(vm, name) || proc_regname(P)) return false;
  /* names_n counts unregistered names (pid 0) too: a rehash drops them
   * and sizes the table by the registered ones */
  if ((vm->names_n + 1) * 2 > vm->names_size) {
    size_t live = 0;
    for (size_t j = 0; j < vm->names_size; j++)
      if (vm->names[j].name && vm->names[j].pid) live++;
    size_t ns = 32;
    while ((live + 1) * 4 > ns) ns *= 2;
    NameEntry *nt = calloc(ns, sizeof(NameEntry));
    if (!nt) abort();
    size_t n = 0;
    for (size_t j = 0; j < vm->names_size; j++) {
      if (vm->names[j].name && vm->names[j].pid) {
        size_t i = hname(vm->names[j].name, ns - 1);
        while (nt[i].name) i = (i + 1) & (ns - 1);
        nt[i] = vm->names[j];
        n++;
      } else free(vm->names[j].name);
    }
    free(vm->names);
    vm->names = nt;
    vm->names_size = ns;
    vm->names_n = n;
  }
  size_t i = hname(name, vm->names_size - 1);
  while (vm->names[i].name) i = (i + 1) & (vm->names_size - 1);
  vm->names[i].name = strdup(name);
  vm->names[i].pid = P->pid;
  vm->names_n++;
  proc_extra(P)->regname = vm->names[i].name;
  return true;
}

bool proc_unregister(VM *vm, const char *name) {
  if (vm->names_size == 0) return false;
  size_t mask = vm->names_size - 1, i = hname(name, mask);
  while (vm->names[i].name) {
    if (vm->names[i].pid && strcmp(vm->names[i].name, name) == 0) {
      Proc *P = proc_lookup(vm, vm->names[i].pid);
      if (P && P->ex) P->ex->regname = NULL;
      vm->names[i].pid = 0;      /* tombstone: the name string stays until a rehash */
      return true;
    }
    i = (i + 1) & mask;
  }
  return false;
}

/* -------------------------------------------------------------- aliases */

static size_t href(uint64_t r, size_t mask) { return hpid(r ^ 0x5555, mask); }

static uint64_t alias_owner(VM *vm, uint64_t ref) {
  if (vm->aliases_size == 0) return 0;
  size_t mask = vm->aliases_size - 1, i = href(ref, mask);
  while (vm->aliases[i].ref) {
    if (vm->aliases[i].ref == ref) return vm->aliases[i].pid;
    i = (i + 1) & mask;
  }
  return 0;
}

void proc_alias(Proc *P, uint64_t ref) {
  VM *vm = P->vm;
  /* aliases_n counts tombstones too: a rehash drops them and sizes the
   * table by the live entries, so churn (an alias per gen_server call)
   * does not grow it */
  if ((vm->aliases_n + 1) * 2 > vm->aliases_size) {
    size_t live = 0;
    for (size_t j = 0; j < vm->aliases_size; j++)
      if (vm->aliases[j].ref && vm->aliases[j].pid) live++;
    size_t ns = 32;
    while ((live + 1) * 4 > ns) ns *= 2;
    AliasEntry *nt = calloc(ns, sizeof(AliasEntry));
    size_t n = 0;
    for (size_t j = 0; j < vm->aliases_size; j++) {
      if (vm->aliases[j].ref && vm->aliases[j].pid) {
        size_t i = href(vm->aliases[j].ref, ns - 1);
        while (nt[i].ref) i = (i + 1) & (ns - 1);
        nt[i] = vm->aliases[j];
        n++;
      }
    }
    free(vm->aliases);
    vm->aliases = nt;
    vm->aliases_size = ns;
    vm->aliases_n = n;
  }
  size_t i = href(ref, vm->aliases_size - 1);
  while (vm->aliases[i].ref) i = (i + 1) & (vm->aliases_size - 1);
  vm->aliases[i].ref = ref;
  vm->aliases[i].pid = P->pid;
  vm->aliases_n++;
  P->naliases++;
}

bool proc_unalias(Proc *P, uint64_t ref) {
  VM *vm = P->vm;
  if (vm->aliases_size == 0) return false;
  size_t mask = vm->aliases_size - 1, i = href(ref, mask);
  while (vm->aliases[i].ref) {
    if (vm->aliases[i].ref == ref && vm->aliases[i].pid == P->pid) {
      vm->aliases[i].pid = 0;     /* tombstone */
      P->naliases--;
      return true;
    }
    i = (i + 1) & mask;
  }
  return false;
}

/* all aliases of a process that ends */
static void unalias_all(Proc *P) {
  VM *vm = P->vm;
  if (P->naliases == 0) return;     /* the usual case: no scan of the table */
  P->naliases = 0;
  for (size_t j = 0; j < vm->aliases_size; j++)
    if (vm->aliases[j].ref && vm->aliases[j].pid == P->pid) vm->aliases[j].pid = 0;
}

/* ----------------------------------------------------------------- send */

void proc_sendsignal(VM *vm, uint64_t from, uint64_t to, int kind, Msg *m) {
  Proc *Q = proc_lookup(vm, to);
  if (Q == NULL || Q->pstate == PS_EXITING) {
    if (m) msg_free(m);
    return;
  }
  if (m == NULL) m = newmsg(kind, from);
  m->kind = (uint8_t)kind;
  m->from = from;
  m->next = NULL;
  *Q->inbox_tail = m;
  Q->inbox_tail = &m->next;
  sched_ready(vm, Q);
}

static void deliver(lu_State *L, uint64_t to, const Value *msg) {
  Proc *P = L->P;
  Proc *Q = proc_lookup(P->vm, to);
  if (Q == NULL) return;                 /* dead: dropped silently */
  proc_prefetch(Q, 0);                   /* not read until the copy is made */
  Msg *m = msg_new(P, MSG_DATA, P->pid);
  if (msg_asis(msg))
    val_copy(&m->v, msg);
  else
    copy_tomsg(L, msg, m);               /* frees m when it raises */
  if (Q->pstate == PS_EXITING) {         /* sent, never received */
    msg_free(m);
    return;
  }
  *Q->inbox_tail = m;
  Q->inbox_tail = &m->next;
  if (Q->pstate == PS_WAITING) proc_prefetch_woken(Q);
  sched_ready(P->vm, Q);
}

static inline void sendto(lu_State *L, const Value *dest, const Value *msg) {
  VM *vm = L->P->vm;
  if (val_ispid(dest)) deliver(L, val_pid(dest), msg);
  else if (val_isstr(dest)) {
    uint64_t pid = proc_whereis(vm, str_data(val_str(dest)));
    if (pid == 0) lu_errorf(L, "no process registered as '%s'", str_data(val_str(dest)));
    deliver(L, pid, msg);
  } else if (val_isref(dest)) {
    uint64_t pid = alias_owner(vm, val_ref(dest));
    if (pid) deliver(L, pid, msg);       /* inactive alias: dropped */
  } else {
    lu_errorf(L, "bad destination (a %s value)", tm_objtypename(L->P, dest));
  }
}

void proc_send(lu_State *L, const Value *dest, const Value *msg) { sendto(L, dest, msg); }

bool proc_trysend_protected(lu_State *L, const Value *dest, const Value *msg) {
  Proc *P = L->P;
  int32_t reds = P->reds;
  Value errval;
  val_copy(&errval, &L->errval);
  lu_Jmp jb;
  jb.previous = P->errorjmp;
  jb.status = LU_OK;
  P->errorjmp = &jb;
  if (LU_SETJMP(jb) == 0) {
    sendto(L, dest, msg);
    P->errorjmp = jb.previous;
    return true;
  }
  /* the copy freed what it had made before raising, and nothing was
   * queued: deliver links the message to the receiver only once its copy
   * is made (which this relies on) */
  P->errorjmp = jb.previous;
  if (jb.status != LU_ERRRUN && jb.status != LU_ERRMEM) lu_throw(L, jb.status);
  P->reds = reds;
  val_copy(&L->errval, &errval);
  return false;
}

void proc_exitsignal(lu_State *L, uint64_t to, const Value *reason) {
  Proc *P = L->P;
  bool kill = val_isstr(reason) && strcmp(str_data(val_str(reason)), "kill") == 0;
  Msg *m = newmsg(kill ? SIG_KILL : SIG_EXIT, P->pid);
  copy_tomsg(L, reason, m);
  proc_sendsignal(P->vm, P->pid, to, m->kind, m);
}

/* --------------------------------------------------------------- links */

ProcRel *proc_rel(Proc *P) {
  if (P->rel == NULL) {
    P->rel = calloc(1, sizeof(ProcRel));
    if (P->rel == NULL) abort();
  }
  return P->rel;
}

void proc_freerel(Proc *P) {
  if (P->rel) {
    free(P->rel->links);
    free(P->rel->mons);
    free(P->rel->watchers);
    free(P->rel);
    P->rel = NULL;
  }
}

static bool haslink(Proc *P, uint64_t pid) {
  if (!P->rel) return false;
  for (int j = 0; j < P->rel->nlinks; j++) if (P->rel->links[j] == pid) return true;
  return false;
}

static void addlink(Proc *P, uint64_t pid) {
  if (haslink(P, pid)) return;
  ProcRel *r = proc_rel(P);
  if (r->nlinks == r->caplinks) {
    int nc = r->caplinks ? r->caplinks * 2 : 4;
    r->links = realloc(r->links, (size_t)nc * sizeof(uint64_t));
    r->caplinks = nc;
  }
  r->links[r->nlinks++] = pid;
}

static void dellink(Proc *P, uint64_t pid) {
  if (!P->rel) return;
  ProcRel *r = P->rel;
  for (int j = 0; j < r->nlinks; j++)
    if (r->links[j] == pid) { r->links[j] = r->links[--r->nlinks]; return; }
}

/* a "normal"/"noproc" style reason as a message value */
static Msg *reasonmsg(int kind, uint64_t from, const char *reason) {
  Msg *m = newmsg(kind, from);
  /* a short string in the fragment */
  size_t len = strlen(reason);
  String *s = malloc(mem_roundup(sizeof(String) + len + 1));
  s->tt = T_STR;
  s->marked = 0;
  s->next = NULL;
  s->islong = 0;
  s->hashed = 1;
  s->hash = str_hashbytes(reason, len, 0x2545F491u);
  s->len = len;
  s->u.hnext = NULL;
  memcpy(s->data, reason, len + 1);
  m->frag.objs = m->frag.tail = (GCObj *)s;
  m->frag.bytes = sizeof(String) + len + 1;
  val_setstr(&m->v, s);
  return m;
}

void proc_link(lu_State *L, uint64_t pid) {
  Proc *P = L->P;
  if (pid == P->pid) return;
  Proc *Q = proc_lookup(P->vm, pid);
  if (Q == NULL || Q->pstate == PS_EXITING) {
    /* linking to a dead process: an exit signal with reason "noproc" */
    proc_sendsignal(P->vm, pid, P->pid, SIG_EXIT, reasonmsg(SIG_EXIT, pid, "noproc"));
    return;
  }
  addlink(P, pid);
  addlink(Q, P->pid);   /* single scheduler: both sides at once (SMP: a SIG_LINK) */
}

void proc_unlink(lu_State *L, uint64_t pid) {
  Proc *P = L->P;
  dellink(P, pid);
  Proc *Q = proc_lookup(P->vm, pid);
  if (Q) dellink(Q, P->pid);
}

/* ------------------------------------------------------------ monitors */

static void addmon(MonEntry **arr, int *n, int *cap, uint64_t ref, uint64_t pid) {
  if (*n == *cap) {
    int nc = *cap ? *cap * 2 : 4;
    *arr = realloc(*arr, (size_t)nc * sizeof(MonEntry));
    *cap = nc;
  }
  (*arr)[*n].ref = ref;
  (*arr)[*n].pid = pid;
  (*n)++;
}

static bool delmon(MonEntry *arr, int *n, uint64_t ref, uint64_t *pid) {
  for (int j = 0; j < *n; j++)
    if (arr[j].ref == ref) {
      if (pid) *pid = arr[j].pid;
      arr[j] = arr[--*n];
      return true;
    }
  return false;
}

/* {"DOWN", ref, "process", pid, reason} built in a fragment from reason */
static Msg *downmsg(lu_State *L, uint64_t ref, uint64_t pid, const Value *reason) {
  Proc *P = L->P;
  Table *t = tab_new(P);
  Value tv, v;
  val_settable(&tv, t);
  tab_resize(P, t, 5, 0);
  val_setstr(&v, str_newz(P, "DOWN"));
  val_copy(&t->array[0], &v);
  val_setref(&t->array[1], ref);
  val_setstr(&v, str_newz(P, "process"));
  val_copy(&t->array[2], &v);
  val_setpid(&t->array[3], pid);
  val_copy(&t->array[4], reason);
  Msg *m = newmsg(MSG_DATA, pid);
  copy_tomsg(L, &tv, m);
  return m;
}

uint64_t proc_monitor(lu_State *L, uint64_t pid) {
  Proc *P = L->P;
  VM *vm = P->vm;
  uint64_t ref = vm_newref(vm);
  /* receive marker: a receive for this ref skips older messages */
  P->mark = P->mq_tail;
  P->mark_ref = ref;
  Proc *Q = proc_lookup(vm, pid);
  if (Q == NULL || Q->pstate == PS_EXITING) {
    Value r;
    val_setstr(&r, str_newz(P, "noproc"));
    Msg *m = downmsg(L, ref, pid, &r);
    proc_sendsignal(vm, pid, P->pid, MSG_DATA, m);
    return ref;
  }
  ProcRel *pr = proc_rel(P), *qr = proc_rel(Q);
  addmon(&pr->mons, &pr->nmons, &pr->capmons, ref, pid);
  addmon(&qr->watchers, &qr->nwatch, &qr->capwatch, ref, P->pid);
  return ref;
}

/* is m a DOWN message for ref? (an adopted message in P's queue) */
static bool isdown(Proc *P, QMsg *m, uint64_t ref) {
  if (!val_istable(&m->v)) return false;
  Table *t = val_table(&m->v);
  const Value *a = tab_getint(t, 1), *b = tab_getint(t, 2);
  (void)P;
  return val_isstr(a) && strcmp(str_data(val_str(a)), "DOWN") == 0 && val_isref(b) && val_ref(b) == ref;
}

static void mq_unlink(Proc *P, QMsg **link);

bool proc_demonitor(lu_State *L, uint64_t ref, bool flush) {
  Proc *P = L->P;
  uint64_t pid;
  bool had = P->rel && delmon(P->rel->mons, &P->rel->nmons, ref, &pid);
  if (had) {
    Proc *Q = proc_lookup(P->vm, pid);
    if (Q && Q->rel) delmon(Q->rel->watchers, &Q->rel->nwatch, ref, NULL);
  }
  /* A monitor that was still active had no DOWN sent for it (the target's
   * exit removes the monitor before it sends the DOWN): nothing to flush,
   * and no scan of a long queue. */
  if (flush && !had) {
    /* an exit signal found in the inbox may end the process here */
    if (P->inbox_head && !proc_drain(P)) lu_throw(L, LU_KILL);
    for (QMsg **l = &P->mq_head; *l; ) {
      if (isdown(P, *l, ref)) mq_unlink(P, l);
      else l = &(*l)->next;
    }
  }
  return true;
}

/* ---------------------------------------------------- the private queue */

static void mq_unlink(Proc *P, QMsg **link) {
  QMsg *m = *link;
  *link = m->next;
  if (P->mq_tail == &m->next) P->mq_tail = link;
  if (P->save == &m->next) P->save = link;
  if (P->mark == &m->next) P->mark = link;
  P->mq_len--;
  mq_freenode(P, m);
}

/* An adopted message joins the queue.  In a short queue its Msg becomes
 * its node (the block is at hand, just written by the sender: a ring or a
 * server pays nothing more); in a longer one, where a receive may have to
 * scan, the value moves to a compact node from the pool and the Msg goes
 * back to the free lists (for P's next send). */
#define MQ_SHORT 8
static void mq_link(Proc *P, QMsg *q, const Value *v) {
  q->next = NULL;
  q->keytt = MSG_KEYUNSET;
  val_copy(&q->v, v);
  *P->mq_tail = q;
  P->mq_tail = &q->next;
  P->mq_len++;
}

static void mq_appendnode(Proc *P, Msg *m) {
  QMsg *q = mem_takeqmsg(P);
  if (q == NULL) abort();
  q->inmsg = 0;
  mq_link(P, q, &m->v);
  mem_giveblock(P, m, sizeof(Msg));
}

static inline void mq_append(Proc *P, Msg *m) {
  if (lu_unlikely(P->mq_len >= MQ_SHORT)) { mq_appendnode(P, m); return; }
  Value v;
  val_copy(&v, &m->v);
  QMsg *q = (QMsg *)(void *)m;
  q->inmsg = 1;
  mq_link(P, q, &v);
}

/* Act on the signals in the inbox; adopt messages.  An exit signal that
 * ends the process sets its exit reason and returns false. */
bool proc_drain(Proc *P) {
  Msg *m = P->inbox_head;
  P->inbox_head = NULL;
  P->inbox_tail = &P->inbox_head;
  bool alive = true;
  while (m) {
    Msg *next = m->next;
    if (!alive) { msg_free(m); m = next; continue; }
    switch (m->kind) {
      case MSG_DATA:
        if (m->frag.objs || m->frag.nfix) copy_adopt(P, m);   /* not for a scalar */
        mq_append(P, m);
        break;
      case SIG_KILL:
        msg_free(m);
        val_setstr(proc_setexitreason(P), str_newz(P, "killed"));
        P->killed = 1;
        alive = false;
        break;
      case SIG_EXIT:
      case SIG_LINKEXIT: {
        copy_adopt(P, m);
        Value reason;
        val_copy(&reason, &m->v);
        bool normal = val_isstr(&reason) && strcmp(str_data(val_str(&reason)), "normal") == 0;
        bool fromself = (m->from == P->pid);
        if (m->kind == SIG_LINKEXIT) dellink(P, m->from);   /* exit/2 leaves links alone */
        if (P->trap_exit) {
          /* becomes {"EXIT", from, reason} */
          Table *t = tab_new(P);
          tab_resize(P, t, 3, 0);
          Value v;
          val_setstr(&v, str_newz(P, "EXIT"));
          val_copy(&t->array[0], &v);
          val_setpid(&t->array[1], m->from);
          val_copy(&t->array[2], &reason);
          val_settable(&m->v, t);
          m->kind = MSG_DATA;
          mq_append(P, m);
        } else if (!normal || fromself) {
          val_copy(proc_setexitreason(P), &reason);
          free(m);
          alive = false;
        } else {
          free(m);
        }
        break;
      }
      default:
        msg_free(m);
        break;
    }
    m = next;
  }
  return alive;
}

/* ------------------------------------------------------------------ exit */

/* tostring(v) honouring __tostring, run on top of the intact stack */
bool proc_tostring(lu_State *L, const Value *v, Value *out) {
  const lu_Reg *bf = lib_basefuncs();
  while (bf->name && strcmp(bf->name, "tostring") != 0) bf++;
  if (bf->name == NULL) return false;
  if (L->stack_last - L->top < 4) stack_realloc(L, stack_size(L) + 10);
  ptrdiff_t ctop = savestack(L, L->top);
  CallInfo *saved = L->ci;
  val_setlcf(L->top, bf->func);
  val_copy(L->top + 1, v);
  L->top += 2;
  ptrdiff_t f = savestack(L, L->top - 2);
  /* a __tostring that runs on and on is given up after a few slices: a
   * crash report must not hold up the VM */
  int st = do_pcall_sync_n(L, L->top - 2, 1, 25);
  if (st == LU_PREEMPT) {
    L->P->L = L;
    upval_close(L, restorestack(L, ctop));
    while (L->ntbc > 0 && L->tbc[L->ntbc - 1] >= ctop) L->ntbc--;
  }
  Value *res = restorestack(L, f);
  bool ok = (st == LU_OK && val_isstr(res));
  if (ok) val_copy(out, res);
  L->ci = saved;
  L->top = restorestack(L, ctop);
  return ok;
}

/* A compact rendering of a non-string error value for a crash report:
 * numbers, booleans, pids, refs, quoted strings and tables as
 * {a, b, k = v} (a few levels, a few items); other values by type. */
typedef struct { char *b; size_t n, cap; } RBuf;

static void radd(RBuf *r, const char *s, size_t len) {
  while (len-- > 0 && r->n + 1 < r->cap) r->b[r->n++] = *s++;
  r->b[r->n] = '\0';
}
static void radds(RBuf *r, const char *s) { radd(r, s, strlen(s)); }

static void render(Proc *P, lu_State *L, RBuf *r, const Value *v, int depth) {
  char tmp[LU_NUMBUF + 32];
  if (val_isnil(v)) radds(r, "nil");
  else if (val_isbool(v)) radds(r, v->tt == T_FALSE ? "false" : "true");
  else if (val_isnum(v)) { vm_num2str(v, tmp); radds(r, tmp); }
  else if (val_ispid(v)) { snprintf(tmp, sizeof tmp, "<0.%llu.0>", (unsigned long long)val_pid(v)); radds(r, tmp); }
  else if (val_isref(v)) { snprintf(tmp, sizeof tmp, "#Ref<0.0.0.%llu>", (unsigned long long)val_ref(v)); radds(r, tmp); }
  else if (val_isstr(v)) {
    const String *s = val_str(v);
    radds(r, "\"");
    for (size_t j = 0; j < s->len && j < 200; j++) {
      char c = str_data(s)[j];
      if (c == '"' || c == '\\') { radds(r, "\\"); radd(r, &c, 1); }
      else if (c == '\n') radds(r, "\\n");
      else radd(r, &c, 1);
    }
    radds(r, "\"");
  } else if (val_istable(v) && depth < 4) {
    Table *t = val_table(v);
    lu_Unsigned n = tab_len(t);
    int items = 0;
    radds(r, "{");
    for (lu_Unsigned j = 1; j <= n; j++) {
      if (items > 0) radds(r, ", ");
      if (++items > 20) { radds(r, "..."); break; }
      render(P, L, r, tab_getint(t, (lu_Int)j), depth + 1);
    }
    Value kv[2];
    val_setnil(&kv[0]);
    while (items <= 20 && tab_next(L, t, kv)) {
      if (val_isint(&kv[0]) && val_int(&kv[0]) >= 1 && (lu_Unsigned)val_int(&kv[0]) <= n) continue;
      if (items > 0) radds(r, ", ");
      if (++items > 20) { radds(r, "..."); break; }
      if (val_isstr(&kv[0])) radds(r, str_data(val_str(&kv[0])));
      else { radds(r, "["); render(P, L, r, &kv[0], depth + 1); radds(r, "]"); }
      radds(r, " = ");
      render(P, L, r, &kv[1], depth + 1);
    }
    radds(r, "}");
  } else radds(r, tm_objtypename(P, v));
}

void proc_report(Proc *P, lu_State *L, const Value *err, int status) {
  (void)status;
  char pidbuf[64];
  snprintf(pidbuf, sizeof pidbuf, "<0.%llu.0>", (unsigned long long)P->pid);
  const char *msg;
  char buf[256];
  Value e;
  val_copy(&e, err);
  char rbuf[1024];
  if (val_isstr(&e)) msg = str_data(val_str(&e));
  else if (tm_getbyobj(P, &e, TM_TOSTRING) != NULL && proc_tostring(L, &e, &e))
    msg = str_data(val_str(&e));
  else if (val_istable(&e) || val_isnum(&e) || val_isbool(&e) || val_ispid(&e) || val_isref(&e)) {
    /* (a table error is shown with its contents, as Erlang shows a term) */
    RBuf r = { rbuf, 0, sizeof rbuf };
    rbuf[0] = '\0';
    lu_Jmp rj;
    rj.previous = P->errorjmp;
    P->errorjmp = &rj;
    if (LU_SETJMP(rj) == 0) render(P, L, &r, &e, 0);
    P->errorjmp = rj.previous;
    msg = rbuf;
  } else {
    snprintf(buf, sizeof buf, "(error object is a %s value)", tm_objtypename(P, &e));
    msg = buf;
  }
  fprintf(stderr, "=ERROR REPORT==== process %s%s%s%s crashed:\n%s\n", pidbuf,
          proc_regname(P) ? " (registered as '" : "", proc_regname(P) ? proc_regname(P) : "",
          proc_regname(P) ? "')" : "", msg);
  /* the traceback, computed on the intact stack */
  lu_Jmp jb;
  jb.previous = P->errorjmp;
  P->errorjmp = &jb;
  if (LU_SETJMP(jb) == 0) {
    if (L->stack_last - L->top < 5) stack_realloc(L, stack_size(L) + 10);
    dbg_traceback(L, L, NULL, 0);
    fprintf(stderr, "%s\n", str_data(val_str(L->top - 1)));
    L->top--;
  }
  P->errorjmp = jb.previous;
  fflush(stderr);
}

/* A reason that cannot be sent (nil, a coroutine, an open file, a table
 * holding one) is replaced by its description, as in a crash report, so
 * that links and monitors still hear of the end. */
static void sendable_reason(Proc *P, lu_State *L, Value *r) {
  if (val_isstr(r)) return;
  Msg *probe = newmsg(MSG_DATA, P->pid);
  lu_Jmp jb;
  jb.previous = P->errorjmp;
  P->errorjmp = &jb;
  if (LU_SETJMP(jb) == 0) {
    copy_tomsg(L, r, probe);            /* frees probe when it fails */
    msg_free(probe);
  } else {
    char buf[64];
    snprintf(buf, sizeof buf, "(error object is a %s value)", tm_objtypename(P, r));
    val_setstr(r, str_newz(P, buf));
  }
  P->errorjmp = jb.previous;
}

void proc_finish(Proc *P, const Value *reason) {
  VM *vm = P->vm;
  P->pstate = PS_EXITING;
  lu_State *L = proc_mainthread(P);
  P->L = L;
  /* a clean thread for building the messages below */
  L->ci = &L->base_ci;
  L->top = L->stack + 1;
  lu_Jmp jb;
  jb.previous = NULL;
  P->errorjmp = &jb;
  if (LU_SETJMP(jb) == 0) {
    Value r;
    val_copy(&r, reason);
    val_copy(L->top, &r);      /* keep it reachable */
    L->top++;
    sendable_reason(P, L, &r);
    val_copy(L->top - 1, &r);
    /* the name is freed before exit signals and DOWN messages go out */
    if (proc_regname(P)) proc_unregister(vm, proc_regname(P));
    unalias_all(P);
    /* links get the reason as it is: a process that ended by
     * process.exit("kill") sends "kill" through its links, an ordinary
     * (trappable) exit signal, as in Erlang; only process.exit(pid, "kill")
     * is untrappable and ends its target with "killed" */
    Value lr;
    val_copy(&lr, &r);
    ProcRel *rel = P->rel;
    for (int j = 0; rel && j < rel->nlinks; j++) {
      Proc *Q = proc_lookup(vm, rel->links[j]);
      if (!Q) continue;
      Msg *m = newmsg(SIG_LINKEXIT, P->pid);
      copy_tomsg(L, &lr, m);
      proc_sendsignal(vm, P->pid, Q->pid, SIG_LINKEXIT, m);
    }
    for (int j = 0; rel && j < rel->nwatch; j++) {
      Proc *Q = proc_lookup(vm, rel->watchers[j].pid);
      if (!Q) continue;
      if (Q->rel) delmon(Q->rel->mons, &Q->rel->nmons, rel->watchers[j].ref, NULL);
      Msg *m = downmsg(L, rel->watchers[j].ref, P->pid, &r);
      proc_sendsignal(vm, P->pid, Q->pid, MSG_DATA, m);
    }
    for (int j = 0; rel && j < rel->nmons; j++) {
      Proc *Q = proc_lookup(vm, rel->mons[j].pid);
      if (Q && Q->rel) delmon(Q->rel->watchers, &Q->rel->nwatch, rel->mons[j].ref, NULL);
    }
  }
  P->errorjmp = NULL;
  /* the process is gone */
  if (P->timer) { timer_cancel(vm, P->timer); P->timer = NULL; }
  ptab_remove(vm, P);
  vm->nprocs--;
  P->pstate = PS_DEAD;
  /* messages still queued */
  if (P != vm->mainproc) proc_free(P);
}

void vm_shutdown(VM *vm) {
  /* a finished main process is no longer in the table */
  Proc *deadmain = (vm->mainproc && vm->mainproc->pstate == PS_DEAD) ? vm->mainproc : NULL;
  /* the other processes end with the VM */
  for (size_t j = 0; j < vm->ptab_size; j++) {
    Proc *P = proc_slot(vm, j);
    vm->ptab[j].p = NULL;
    if (P) proc_free(P);
  }
  if (deadmain) proc_free(deadmain);
  vm->mainproc = NULL;
  timer_freeall(vm);
  free(vm->theap);
  free(vm->tmap);
  free(vm->trimq);
  vm->trimq = NULL;
  vm->trimq_n = vm->trimq_cap = 0;
  free(vm->ptab);
  for (size_t j = 0; j < vm->names_size; j++) free(vm->names[j].name);
  free(vm->names);
  free(vm->aliases);
  vm->theap = NULL; vm->tmap = NULL; vm->ptab = NULL; vm->names = NULL; vm->aliases = NULL;
}
