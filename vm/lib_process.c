/*
 * lib_process.c — the process library (../shared/api.md): spawn, send,
 * selective receive, links, monitors, names, aliases, timers.
 *
 * receive is a C function with continuations: it scans the private queue
 * from the save pointer (or from the receive marker when the pattern holds
 * the ref made just before), matching data patterns in C, and blocks
 * (do_block) when nothing matches; a new message or the timer wakes it and
 * it goes on from the save pointer, so no message is tested twice in one
 * wait.  Patterns that contain functions run the same loop in Lua
 * (stdlib/lualib/process.lua) over primitives exported here, so the
 * functions can be any (preemptible) Lua code.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "lib.h"
#include "do.h"
#include "gc.h"
#include "lazy.h"
#include "proc.h"
#include "str.h"
#include "table.h"
#include "tm.h"


/* the wildcard: a light userdata with an address of its own */
static const char wildcard_tag = '_';
#define WILDCARD ((void *)&wildcard_tag)

static bool iswild(const Value *v) { return val_islud(v) && val_lud(v) == WILDCARD; }

static uint64_t checkpid(lu_State *L, int arg) {
  const Value *v = lu_index2value(L, arg);
  if (!val_ispid(v)) lu_typeerror(L, arg, "pid");
  return val_pid(v);
}

static void pushpid(lu_State *L, uint64_t pid) { val_setpid(L->top, pid); L->top++; }
static void pushref(lu_State *L, uint64_t ref) { val_setref(L->top, ref); L->top++; }

static void drain(lu_State *L) { mbox_drain(L); }

static int p_match(lu_State *L) {
  lu_checkany(L, 2);
  int r = mbox_match(lu_index2value(L, 2), lu_index2value(L, 1), 0);
  if (r < 0) return lib_calllualib(L, "match");
  lu_pushboolean(L, r);
  return 1;
}

static int p_any(lu_State *L) {
  int n = lu_gettop(L);
  lu_createtable(L, n, 0);
  Table *t = val_table(L->top - 1);
  /* the arguments straight into the array part (a nil stays a hole) */
  for (int j = 0; j < n; j++) val_copy(&t->array[j], L->top - 1 - n + j);
  t->marked |= GC_ANY;
  return 1;
}

/* ---------------------------------------------------------------- spawn */

static int spawn_common(lu_State *L, int fnarg, SpawnOpts *o) {
  lu_checktype(L, fnarg, LU_TFUNCTION);
  int n = lu_gettop(L) - fnarg;
  uint64_t monref = 0;
  /* function and arguments on top */
  lu_checkstack(L, n + 1, "too many arguments");
  lu_pushvalue(L, fnarg);
  for (int j = 1; j <= n; j++) lu_pushvalue(L, fnarg + j);
  Proc *Q = proc_spawn(L, n, o, &monref);
  lu_settop(L, 0);
  pushpid(L, Q->pid);
  if (o && o->monitor) { pushref(L, monref); return 2; }
  return 1;
}

static int p_spawn(lu_State *L) { return spawn_common(L, 1, NULL); }

static int p_spawn_link(lu_State *L) {
  SpawnOpts o = { true, false, false, 0 };
  return spawn_common(L, 1, &o);
}

static int p_spawn_monitor(lu_State *L) {
  SpawnOpts o = { false, true, false, 0 };
  return spawn_common(L, 1, &o);
}

static int p_spawn_opt(lu_State *L) {
  lu_checktype(L, 1, LU_TFUNCTION);
  SpawnOpts o = { false, false, false, 0 };
  if (!lu_isnoneornil(L, 2)) {
    lu_checktype(L, 2, LU_TTABLE);
    /* other keys are ignored (Erlang has more options than these) */
    lu_rawgetfield(L, 2, "link");
    o.link = lu_toboolean(L, -1);
    lu_rawgetfield(L, 2, "monitor");
    o.monitor = lu_toboolean(L, -1);
    lu_rawgetfield(L, 2, "trap_exit");
    o.trap_exit = lu_toboolean(L, -1);
    lu_rawgetfield(L, 2, "max_heap_size");
    if (!lu_isnil(L, -1)) {
      lu_Int m = lu_checkinteger(L, -1);
      o.max_heap_size = m > 0 ? (size_t)m : 0;
    }
    lu_pop(L, 4);
  }
  if (lu_gettop(L) >= 2) lu_remove(L, 2);   /* no opts argument: nothing to remove */
  return spawn_common(L, 1, &o);
}

/* ----------------------------------------------------------------- misc */

static int p_self(lu_State *L) { pushpid(L, L->P->pid); return 1; }

/* (the interpreter does a plain call of it itself: vm_execute's send_inline) */
int lib_process_send(lu_State *L) {
  int n = lu_gettop(L);
  if (lu_unlikely(n < 2)) lu_checkany(L, n + 1);   /* "value expected" */
  Value *args = L->top - n;
  proc_send(L, args, args + 1);
  L->top = args + 2;                  /* returns the message */
  return 1;
}

static int p_make_ref(lu_State *L) {
  uint64_t r = vm_newref(L->P->vm);
  mbox_setmark(L, r);
  pushref(L, r);
  return 1;
}

static int p_alias(lu_State *L) {
  Proc *P = L->P;
  uint64_t r = vm_newref(P->vm);
  proc_alias(P, r);
  mbox_setmark(L, r);
  pushref(L, r);
  return 1;
}

static int p_unalias(lu_State *L) {
  const Value *v = lu_index2value(L, 1);
  if (!val_isref(v)) return lu_typeerror(L, 1, "ref");
  lu_pushboolean(L, proc_unalias(L->P, val_ref(v)));
  return 1;
}

static int p_link(lu_State *L) {
  proc_link(L, checkpid(L, 1));
  lu_pushboolean(L, 1);
  return 1;
}

static int p_unlink(lu_State *L) {
  proc_unlink(L, checkpid(L, 1));
  lu_pushboolean(L, 1);
  return 1;
}

static int p_monitor(lu_State *L) {
  uint64_t pid = checkpid(L, 1);
  drain(L);
  pushref(L, proc_monitor(L, pid));
  return 1;
}

static int p_demonitor(lu_State *L) {
  const Value *v = lu_index2value(L, 1);
  if (!val_isref(v)) return lu_typeerror(L, 1, "ref");
  proc_demonitor(L, val_ref(v), lu_toboolean(L, 2));
  lu_pushboolean(L, 1);
  return 1;
}

static bool isstr(const Value *v, const char *s) {
  return val_isstr(v) && strcmp(str_data(val_str(v)), s) == 0;
}

static int p_exit(lu_State *L) {
  Proc *P = L->P;
  /* exit(pid, reason); a non-pid first argument with a reason is an error
   * (exit("name", "kill") used to end the caller with reason "name") */
  if (lu_gettop(L) >= 2 && (!lu_isnil(L, 2) || val_ispid(lu_index2value(L, 1)))) {
    uint64_t pid = checkpid(L, 1);
    const Value *reason = lu_index2value(L, 2);
    if (pid != P->pid) {
      proc_exitsignal(L, pid, reason);
      lu_pushboolean(L, 1);
      return 1;
    }
    /* an exit signal to oneself acts at once */
    if (isstr(reason, "kill")) {
      val_setstr(proc_setexitreason(P), str_newz(P, "killed"));
      lu_throw(L, LU_KILL);
    }
    if (P->trap_exit) {
      proc_exitsignal(L, pid, reason);
      drain(L);
      lu_pushboolean(L, 1);
      return 1;
    }
    val_copy(proc_setexitreason(P), reason);
    lu_throw(L, LU_KILL);
  }
  lu_checkany(L, 1);
  if (lu_isnil(L, 1)) return lu_argerror(L, 1, "a reason (not nil) expected");
  val_copy(proc_setexitreason(P), lu_index2value(L, 1));
  L->exiterr = 0;
  lu_throw(L, LU_EXIT);
}

static int p_flag(lu_State *L) {
  Proc *P = L->P;
  static const char *const opts[] = { "trap_exit", "max_heap_size", NULL };
  int o = lu_checkoption(L, 1, NULL, opts);
  if (o == 0) {
    lu_checkany(L, 2);
    lu_pushboolean(L, P->trap_exit);
    P->trap_exit = (uint8_t)lu_toboolean(L, 2);
  } else {
    lu_Int m = lu_checkinteger(L, 2);
    lu_pushinteger(L, (lu_Int)proc_maxheap(P));
    proc_setmaxheap(P, proc_heaplimit(P->vm, m > 0 ? (size_t)m : 0));
  }
  return 1;
}

static int p_register(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  uint64_t pid = checkpid(L, 2);
  VM *vm = L->P->vm;
  Proc *Q = proc_lookup(vm, pid);
  if (Q == NULL || Q->pstate == PS_EXITING) return lu_errorf(L, "cannot register '%s': the process is not alive", name);
  if (proc_whereis(vm, name)) return lu_errorf(L, "cannot register '%s': the name is taken", name);
  if (proc_regname(Q)) return lu_errorf(L, "cannot register '%s': the process is already registered as '%s'", name, proc_regname(Q));
  proc_register(vm, name, Q);
  lu_pushboolean(L, 1);
  return 1;
}

static int p_unregister(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  if (!proc_unregister(L->P->vm, name)) return lu_errorf(L, "cannot unregister '%s': no such name", name);
  lu_pushboolean(L, 1);
  return 1;
}

static int p_whereis(lu_State *L) {
  uint64_t pid = proc_whereis(L->P->vm, lu_checkstring(L, 1));
  if (pid) pushpid(L, pid); else lu_pushnil(L);
  return 1;
}

static int p_registered(lu_State *L) {
  VM *vm = L->P->vm;
  lu_newtable(L);
  lu_Int n = 0;
  for (size_t j = 0; j < vm->names_size; j++)
    if (vm->names[j].name && vm->names[j].pid) {
      lu_pushstring(L, vm->names[j].name);
      lu_rawseti(L, -2, ++n);
    }
  return 1;
}

static int sleep_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  Proc *P = L->P;
  drain(L);
  if (P->timedout || P->timer == NULL) {
    P->timedout = 0;
    if (P->timer) { timer_cancel(P->vm, P->timer); P->timer = NULL; }
    return 0;
  }
  return do_block(L, 0, sleep_k);
}

static int sleepforever_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  drain(L);                         /* exit signals still end it */
  return do_block(L, 0, sleepforever_k);
}

static int p_sleep(lu_State *L) {
  Proc *P = L->P;
  /* sleep("infinity") never returns (as timer:sleep(infinity)) */
  bool forever = lu_type(L, 1) == LU_TSTRING && strcmp(lu_tostring(L, 1), "infinity") == 0;
  lu_Num ms = forever ? 0 : lu_checknumber(L, 1);
  if (P->timer) { timer_cancel(P->vm, P->timer); P->timer = NULL; }
  P->timedout = 0;
  if (forever) return do_block(L, 0, sleepforever_k);
  if (ms <= 0) return do_yieldslice(L, 0, sleep_k);
  P->timer = timer_add(P->vm, sched_now() + ms, P, 0, NULL, NULL);
  return do_block(L, 0, sleep_k);
}

static int yield_k(lu_State *L, int status, intptr_t ctx) {
  (void)L; (void)status; (void)ctx;
  return 0;
}

static int p_yield(lu_State *L) { return do_yieldslice(L, 0, yield_k); }

static int p_send_after(lu_State *L) {
  Proc *P = L->P;
  lu_Num ms = lu_checknumber(L, 1);
  /* as erlang:send_after: a negative time (or NaN) is a bad argument */
  if (!(ms >= 0)) return lu_argerror(L, 1, "time must not be negative");
  lu_checkany(L, 2);
  lu_checkany(L, 3);
  const Value *dest = lu_index2value(L, 2);
  if (!val_ispid(dest) && !val_isstr(dest)) return lu_typeerror(L, 2, "pid or name");
  Msg *m = calloc(1, mem_roundup(sizeof(Msg)));   /* the receiver may keep the block */
  if (!m) return lu_errorf(L, "not enough memory");
  m->kind = MSG_DATA;
  m->from = P->pid;
  copy_tomsg(L, lu_index2value(L, 3), m);
  uint64_t ref = vm_newref(P->vm);
  Value d;
  val_copy(&d, dest);
  timer_add(P->vm, sched_now() + ms, NULL, ref, m, &d);
  pushref(L, ref);
  return 1;
}

static int p_cancel_timer(lu_State *L) {
  const Value *v = lu_index2value(L, 1);
  if (!val_isref(v)) return lu_typeerror(L, 1, "timer ref");
  double left = timer_cancelref(L->P->vm, val_ref(v));
  if (left < 0) lu_pushboolean(L, 0);
  else if (ceil(left) < 9223372036854775808.0) lu_pushinteger(L, (lu_Int)ceil(left));
  else lu_pushnumber(L, ceil(left));      /* too far for an integer (math.huge ms) */
  return 1;
}

static int p_monotonic(lu_State *L) {
  lu_pushnumber(L, sched_now());
  return 1;
}

static int p_alive(lu_State *L) {
  Proc *Q = proc_lookup(L->P->vm, checkpid(L, 1));
  lu_pushboolean(L, Q != NULL && Q->pstate != PS_EXITING);
  return 1;
}

static int p_is_pid(lu_State *L) {
  lu_pushboolean(L, val_ispid(lu_index2value(L, 1)));
  return 1;
}

static int p_is_ref(lu_State *L) {
  lu_pushboolean(L, val_isref(lu_index2value(L, 1)));
  return 1;
}

static int cmppid(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

static int p_list(lu_State *L) {
  VM *vm = L->P->vm;
  lu_newtable(L);
  lu_Int n = 0;
  /* in pid order */
  uint64_t *pids = malloc(sizeof(uint64_t) * (vm->ptab_size + 1));
  if (pids == NULL) return lu_errorf(L, "not enough memory");
  size_t k = 0;
  for (size_t j = 0; j < vm->ptab_size; j++) {
    Proc *Q = proc_slot(vm, j);
    if (Q && Q->pstate != PS_EXITING) pids[k++] = Q->pid;
  }
  qsort(pids, k, sizeof(uint64_t), cmppid);
  for (size_t j = 0; j < k; j++) {
    pushpid(L, pids[j]);
    lu_rawseti(L, -2, ++n);
  }
  free(pids);
  return 1;
}

static int p_info(lu_State *L) {
  Proc *self = L->P;
  Proc *Q = proc_lookup(self->vm, checkpid(L, 1));
  if (Q == NULL || Q->pstate == PS_EXITING) { lu_pushnil(L); return 1; }
  lu_createtable(L, 0, 10);
  const char *st = (Q == self) ? "running" : Q->pstate == PS_RUNNABLE ? "runnable" : "waiting";
  lu_pushstring(L, st);
  lu_rawsetfield(L, -2, "status");
  lu_pushinteger(L, (lu_Int)(Q->reductions + (uint64_t)(proc_budget(Q) - Q->reds)));
  lu_rawsetfield(L, -2, "reductions");
  lu_pushinteger(L, (lu_Int)(Q->totalbytes + sizeof(Proc)));
  lu_rawsetfield(L, -2, "memory");
  int qlen = Q->mq_len;
  for (Msg *m = Q->inbox_head; m; m = m->next) if (m->kind == MSG_DATA) qlen++;
  lu_pushinteger(L, qlen);
  lu_rawsetfield(L, -2, "message_queue_len");
  ProcRel *rel = Q->rel;
  lu_createtable(L, rel ? rel->nlinks : 0, 0);
  for (int j = 0; rel && j < rel->nlinks; j++) { pushpid(L, rel->links[j]); lu_rawseti(L, -2, j + 1); }
  lu_rawsetfield(L, -2, "links");
  lu_createtable(L, rel ? rel->nmons : 0, 0);
  for (int j = 0; rel && j < rel->nmons; j++) { pushpid(L, rel->mons[j].pid); lu_rawseti(L, -2, j + 1); }
  lu_rawsetfield(L, -2, "monitors");
  lu_createtable(L, rel ? rel->nwatch : 0, 0);
  for (int j = 0; rel && j < rel->nwatch; j++) { pushpid(L, rel->watchers[j].pid); lu_rawseti(L, -2, j + 1); }
  lu_rawsetfield(L, -2, "monitored_by");
  if (proc_regname(Q)) { lu_pushstring(L, proc_regname(Q)); lu_rawsetfield(L, -2, "registered_name"); }
  lu_pushboolean(L, Q->trap_exit);
  lu_rawsetfield(L, -2, "trap_exit");
  return 1;
}

static int p_pid(lu_State *L) {
  const char *s = lu_checkstring(L, 1);
  unsigned long long a, b, c;
  char tail;
  if (sscanf(s, "<%llu.%llu.%llu>%c", &a, &b, &c, &tail) != 3 || a != 0 || c != 0)
    return lu_argerror(L, 1, "not a pid (expected \"<0.N.0>\")");
  pushpid(L, (uint64_t)b);
  return 1;
}

static const lu_Reg process_funcs[] = {
  {"spawn", p_spawn},
  {"spawn_link", p_spawn_link},
  {"spawn_monitor", p_spawn_monitor},
  {"spawn_opt", p_spawn_opt},
  {"self", p_self},
  {"send", lib_process_send},
  {"match", p_match},
  {"any", p_any},
  {"make_ref", p_make_ref},
  {"alias", p_alias},
  {"unalias", p_unalias},
  {"link", p_link},
  {"unlink", p_unlink},
  {"monitor", p_monitor},
  {"demonitor", p_demonitor},
  {"exit", p_exit},
  {"flag", p_flag},
  {"register", p_register},
  {"unregister", p_unregister},
  {"whereis", p_whereis},
  {"registered", p_registered},
  {"sleep", p_sleep},
  {"send_after", p_send_after},
  {"cancel_timer", p_cancel_timer},
  {"yield", p_yield},
  {"monotonic", p_monotonic},
  {"alive", p_alive},
  {"info", p_info},
  {"list", p_list},
  {"is_pid", p_is_pid},
  {"is_ref", p_is_ref},
  {"pid", p_pid},
  {NULL, NULL}
};

static int p_patkind(lu_State *L) {
  const Value *p = lu_index2value(L, 1);
  const char *k = iswild(p) ? "wild" : val_isfunc(p) ? "function"
                : val_istable(p) ? ((val_table(p)->marked & GC_ANY) ? "any" : "table") : "value";
  lu_pushstring(L, k);
  return 1;
}

/* receive primitives for stdlib/lualib/process.lua (not in the library) */
static const lu_Reg prim_funcs[] = {
  {"pat_kind", p_patkind},
  {NULL, NULL}
};

const lu_Reg *lib_processprims(void) { return prim_funcs; }
const lu_Reg *lib_processfuncs(void) { return process_funcs; }
void *lib_wildcard(void) { return WILDCARD; }

int lu_open_process(lu_State *L) {
  lu_newlib(L, process_funcs);
  lu_pushlightuserdata(L, WILDCARD);
  lu_rawsetfield(L, -2, "_");
  return 1;
}
