/* state.c — creating and freeing the VM, processes, threads; stack growth. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "state.h"
#include "gc.h"
#include "str.h"
#include "table.h"
#include "func.h"
#include "do.h"
#include "proc.h"
#include "lib.h"
#include "bigint.h"

/* A new thread's stack: small, because most processes and coroutines stay
 * small.  A process waiting in receive uses the slot of the entry frame,
 * its function, the function's registers and the four slots of the
 * receive, which runs in the caller's frame (interp.c, recv_inline): 6
 * slots when the function has up to 2 registers, as
 * P.spawn(function() P.receive("die") end).  It grows on demand (calls
 * check their frame size, C functions get LU_MINSTACK). */
#define BASIC_STACK_SIZE  PROC_STACK0

VM *vm_new(void) {
  VM *vm = calloc(1, sizeof(VM));
  if (!vm) return NULL;
  vm->seed = 0x2545F491u;
  for (int i = 0; i < TM_N; i++) vm->tmname[i] = atom_newz(vm, tm_names[i]);
  vm->memerrmsg = atom_newz(vm, "not enough memory");
  vm->maxheapmsg = atom_newz(vm, "max_heap_size");
  vm->normalmsg = atom_newz(vm, "normal");
  for (int t = 0; t < LU_NUMTYPES; t++) vm->typenames[t] = atom_newz(vm, val_typename(t));
  vm->next_pid = 0;
  big_setup();                /* GMP's allocator, before any bigint exists */
  return vm;
}

void vm_free(VM *vm) {
  mem_freepool(vm);
  while (vm->blockpool) { void *nx = *(void **)vm->blockpool; free(vm->blockpool); vm->blockpool = nx; }
  /* tables of the process runtime (vm_shutdown empties them first; a
   * cancelled timer may still wait in the heap for its turn) */
  timer_freeall(vm);
  free(vm->theap);
  free(vm->tmap);
  free(vm->trimq);
  free(vm->ptab);
  if (vm->names) for (size_t j = 0; j < vm->names_size; j++) free(vm->names[j].name);
  free(vm->names);
  free(vm->aliases);
  lib_package_freecache(vm);
  lib_io_free(vm);
  free(vm->poller);
  if (vm->lualib) proto_decref(vm->lualib);
  for (int j = 0; j < 16; j++) if (vm->luamods[j]) proto_decref(vm->luamods[j]);
  for (int j = 0; j < 8; j++)
    if (vm->primcl[j]) { proto_decref(vm->primcl[j]->p); free(vm->primcl[j]); }
  for (int j = 0; j < 8; j++) if (vm->prims[j]) proto_decref(vm->prims[j]);    /* before the atoms its constants are */
  atom_freeall(vm);
  free(vm);
}

#define BLOCK_NCI  1

static inline bool ci_inblock(lu_State *L, CallInfo *ci) {
  if (!(L->inblock & TH_CI)) return false;
  CallInfo *b = ((ProcBlock *)L->P)->ci;
  return ci >= b && ci < b + BLOCK_NCI;
}

static void stack_init(Proc *P, lu_State *L1, Value *stack) {
  L1->stack = stack ? stack : mem_newvec(P, BASIC_STACK_SIZE + LU_EXTRA_STACK, Value);
  for (int i = 0; i < BASIC_STACK_SIZE + LU_EXTRA_STACK; i++) val_setnil(&L1->stack[i]);
  L1->top = L1->stack;
  L1->stack_last = L1->stack + BASIC_STACK_SIZE;
  CallInfo *ci = &L1->base_ci;
  ci->next = ci->previous = NULL;
  ci->callstatus = CIST_C;
  ci->func = L1->top;
  ci->u.c.k = NULL;
  ci->oldtop = 0;
  ci->nresults = 0;
  val_setnil(L1->top);    /* 'function' entry for this ci */
  L1->top++;
  ci->top = L1->stack_last;     /* the host pushes with stack_check */
  L1->ci = ci;
}

static void thread_initfields(Proc *P, lu_State *L1) {
  L1->status = LU_OK;
  L1->P = P;
  L1->stack = NULL;
  L1->ci = NULL;
  L1->nci = 0;
  L1->nCcalls = 0;
  L1->openupval = NULL;
  L1->gclist = NULL;
  L1->resumer = NULL;
  L1->co_target = NULL;
  L1->nyield = 0;
  L1->costatus = CO_NEW;
  L1->closestatus = LU_OK;
  L1->tbc = NULL;
  L1->ntbc = L1->tbccap = 0;
  L1->closing = 0;
  L1->nny = 0;
  L1->exiterr = 0;
  L1->hook = NULL;
  L1->hookmask = 0;
  L1->allowhook = 1;
  L1->hookskip = 0;
  L1->hookcall = 0;
  L1->nargs_resume = 0;
  L1->entry = ENTRY_RESUME;
  L1->entry_nres = 0;
  L1->entry_func = 0;
  L1->kstatus = LU_OK;
  L1->inblock = 0;
  val_setnil(&L1->errval);
}

lu_State *thread_new(Proc *P) {
  lu_State *L1 = (lu_State *)gc_newobj(P, T_THREAD, sizeof(lu_State));
  thread_initfields(P, L1);
  stack_init(P, L1, NULL);
  return L1;
}

static void freeci(Proc *P, lu_State *L1) {
  CallInfo *ci = L1->base_ci.next;
  L1->base_ci.next = NULL;
  while (ci) {
    CallInfo *nx = ci->next;
    if (ci_inblock(L1, ci)) P->totalbytes -= sizeof(CallInfo);
    else mem_free(P, ci, sizeof(CallInfo));
    ci = nx;
  }
  L1->nci = 0;
}

void thread_free(Proc *P, lu_State *L1) {
  if (L1->stack) {
    upval_close(L1, L1->stack);
    freeci(P, L1);
    if (L1->inblock & TH_STACK) P->totalbytes -= (size_t)(stack_size(L1) + LU_EXTRA_STACK) * sizeof(Value);
    else mem_freevec(P, L1->stack, stack_size(L1) + LU_EXTRA_STACK, Value);
  }
  if (L1->tbc) mem_freevec(P, L1->tbc, L1->tbccap, ptrdiff_t);
  if (L1->hook) mem_free(P, L1->hook, sizeof(ThreadHook));
  if (L1->inblock & TH_SELF) P->totalbytes -= sizeof(lu_State);   /* freed with its Proc */
  else mem_free(P, L1, sizeof(lu_State));
}

CallInfo *ci_extend(lu_State *L) {
  CallInfo *ci = mem_alloc(L->P, sizeof(CallInfo));
  L->ci->next = ci;
  ci->previous = L->ci;
  ci->next = NULL;
  L->nci++;
  return ci;
}

/* free the unused CallInfos beyond the current one (those in the
 * process's block stay) */
void ci_shrink(lu_State *L) {
  CallInfo *last = L->ci;
  while (last->next && ci_inblock(L, last->next)) last = last->next;
  CallInfo *ci = last->next;
  if (ci == NULL) return;
  last->next = NULL;
  while (ci) {
    CallInfo *nx = ci->next;
    mem_free(L->P, ci, sizeof(CallInfo));
    L->nci--;
    ci = nx;
  }
}

/* Move the stack: every pointer into it (frames, top, open upvalues) is
 * rebased.  The stress build moves it on every growth. */
void stack_realloc(lu_State *L, int newsize) {
  stack_move(L, mem_newvec(L->P, newsize + LU_EXTRA_STACK, Value), newsize);
}

/* the work of stack_realloc, into newstack (newsize + LU_EXTRA_STACK
 * slots, charged to the heap by the caller) */
void stack_move(lu_State *L, Value *newstack, int newsize) {
  int oldsize = stack_size(L);
  Value *oldstack = L->stack;
  int keep = oldsize < newsize ? oldsize : newsize;
  memcpy(newstack, oldstack, (size_t)(keep + LU_EXTRA_STACK) * sizeof(Value));
  for (int i = keep + LU_EXTRA_STACK; i < newsize + LU_EXTRA_STACK; i++) val_setnil(&newstack[i]);
  /* rebase */
  L->top = newstack + (L->top - oldstack);
  for (UpVal *uv = L->openupval; uv; uv = uv->u.open.next)
    uv->v = newstack + (uv->v - oldstack);
  for (CallInfo *ci = L->ci; ci; ci = ci->previous) {
    ci->top = newstack + (ci->top - oldstack);
    ci->func = newstack + (ci->func - oldstack);
  }
  if (L->inblock & TH_STACK) {
    /* the first stack, in the process's block: left there unused */
    L->inblock &= (uint8_t)~TH_STACK;
    L->P->totalbytes -= (size_t)(oldsize + LU_EXTRA_STACK) * sizeof(Value);
  } else {
    mem_freevec(L->P, oldstack, oldsize + LU_EXTRA_STACK, Value);
  }
  L->stack = newstack;
  L->stack_last = newstack + newsize;
}

void stack_grow(lu_State *L, int n) {
  int size = stack_size(L);
  if (lu_unlikely(size > LU_MAXSTACK)) {
    /* already using the extra space reserved for handling an overflow */
    val_setstr(&L->errval, str_newz(L->P, "error in error handling"));
    lu_throw(L, LU_ERRERR);
  }
  int needed = (int)(L->top - L->stack) + n;
  if (needed <= LU_MAXSTACK) {
    int newsize = 2 * size;
    if (newsize > LU_MAXSTACK) newsize = LU_MAXSTACK;
    if (newsize < needed) newsize = needed;
#ifdef LU_STRESS
    stack_realloc(L, newsize);
#else
    stack_realloc(L, newsize);
#endif
    return;
  }
  /* room to handle the error, then raise it */
  stack_realloc(L, LU_MAXSTACK + 200);
  lu_runerror(L, "stack overflow");
}

void proc_settypemt(Proc *P, int t, Table *mt) {
  if (t == LU_TSTRING) { P->strmt = mt; return; }
  if (P->ex == NULL || P->ex->mt == NULL) {
    if (mt == NULL) return;
    ProcExtra *x = proc_extra(P);
    x->mt = calloc(LU_NUMTYPES, sizeof(Table *));
    if (x->mt == NULL) mem_error(P);
  }
  P->ex->mt[t] = mt;
}

ProcExtra *proc_extra(Proc *P) {
  if (P->ex == NULL) {
    ProcExtra *x = calloc(1, sizeof(ProcExtra));
    if (x == NULL) abort();
    val_setnil(&x->registry);
    val_setnil(&x->exitreason);
    P->ex = x;
  }
  return P->ex;
}

/* What the next slice of a waiting process reads first, one pointer deeper
 * at each stage: 0, its block (Proc, main thread, CallInfo, first stack);
 * 1, the stack frames of its running thread's top two calls; 2, the
 * closures in those frames; 3, their upvalues; 4, the objects the
 * upvalues hold (a library table, say).  Each stage reads only what the
 * one before asked for.  With many processes none of it is still in the
 * cache when a process's turn comes: a message to a waiting process asks
 * for stage 0 before the copy and for proc_prefetch_woken's lines after it
 * (proc.c), and the run queue asks for the
 * stages one slice apart, for the next five in line (sched.c). */
static void prefetch_closure(const Value *f, int stage) {
  if (!val_iscollectable(f)) return;
  if (stage == 2) { __builtin_prefetch(val_gc(f), 0, 3); return; }
  if (f->tt != T_LCL) return;
  const LClosure *cl = (const LClosure *)val_gc(f);
  for (int j = 0; j < cl->nupvalues && j < 4; j++) {
    const UpVal *uv = cl->upvals[j];
    if (uv == NULL) continue;
    if (stage == 3) __builtin_prefetch(uv, 0, 3);
    else if (!upval_isopen(uv) && val_iscollectable(uv->v)) __builtin_prefetch(val_gc(uv->v), 0, 3);
  }
}

/* What a process woken by a message reads first beyond its block, asked
 * for when the message is queued (proc.c: deliver, which asked for the
 * block before the copy, so the pointers read here have come in): the
 * registers of the call it waits in, its free lists, the hash part of its
 * process library table, and the closure it waits in, as noted when it
 * blocked (reached through its stack, it would be a miss one load later;
 * its upvalues still are). */
void proc_prefetch_woken(const Proc *P) {
  const lu_State *L = P->L;
  if (L == NULL) return;
  if (P->wakehint) __builtin_prefetch(P->wakehint, 0, 3);
  __builtin_prefetch(L->ci->func, 1, 3);
  __builtin_prefetch(L->ci->func + 4, 1, 3);
  if (P->fl) { __builtin_prefetch(P->fl, 1, 3); __builtin_prefetch((const char *)P->fl + 64, 1, 3); }
  const Table *pi = proc_procinst(P);
  if (pi && pi->node != &proc_block(P)->procnode) __builtin_prefetch(pi->node, 0, 3);
}

void proc_prefetch(const Proc *P, int stage) {
  if (stage == 0) {
    const char *b = (const char *)P;
#pragma GCC unroll 32
    for (size_t off = 0; off < sizeof(ProcBlock); off += 64) __builtin_prefetch(b + off, 1, 3);
    return;
  }
  const lu_State *L = P->L;
  if (L == NULL) return;
  const CallInfo *ci = L->ci;
  for (int k = 0; k < 2 && ci; k++, ci = ci->previous) {
    if (stage > 1) { prefetch_closure(ci->func, stage); continue; }
    const char *a = (const char *)ci->func, *e = (const char *)ci->top;
    if (e - a > 512) e = a + 512;
    for (; a < e; a += 64) __builtin_prefetch(a, 1, 3);
  }
}

/* process blocks that ended wait for the next spawn, up to this many */
#ifdef __SANITIZE_ADDRESS__
#define VM_POOLBLOCKS 0u        /* as in the pool of small blocks (gc.c) */
#else
#define VM_POOLBLOCKS 1024u
#endif

Proc *proc_new(VM *vm) {
  ProcBlock *B = vm->blockpool;
  if (B) {
    vm->blockpool = *(void **)B;
    vm->nblockpool--;
    memset(B, 0, sizeof *B);
  } else if ((B = calloc(1, sizeof(ProcBlock))) == NULL) return NULL;
  Proc *P = &B->P;
  P->vm = vm;
  P->gcpause4 = 200 / 4;
  P->gcgen = 1;
  P->gcthreshold = GC_MINTHRESHOLD;
  P->reds = proc_budget(P);
  P->warn_on = 0;
  /* an empty mailbox (proc.h) */
  P->inbox_tail = &P->inbox_head;
  P->mq_tail = &P->mq_head;
  P->save = &P->mq_head;
  /* the intern table needs P->L for error reporting: allocate with plain
   * accounting (cannot fail usefully this early) */
  P->strt_size = 0;               /* allocated with the first process string */
  P->strt = NULL;
  lu_State *L = &B->L;
  /* the main thread is a heap object like any other (but never freed
   * alone: it is only unreachable when its process is freed) */
  L->tt = T_THREAD;
  L->marked = 0;
  L->next = NULL;
  P->totalbytes += sizeof(lu_State) + sizeof B->ci + sizeof B->stack;   /* (procinst: when made) */
  thread_initfields(P, L);
  L->inblock = TH_SELF | TH_STACK | TH_CI;
  L->costatus = CO_RUNNING;
  /* lua.c runs a script's main chunk 3 C calls deep (its lua_pcall, pmain,
   * the chunk's lua_pcall): counted the same way, coroutines nested from
   * the main chunk meet "C stack overflow" at lua5.4's depth */
  L->nCcalls = 3;
  P->L = L;
  stack_init(P, L, B->stack);
  /* its first CallInfos, linked after base_ci */
  for (int j = 0; j < BLOCK_NCI; j++) {
    B->ci[j].previous = j == 0 ? &L->base_ci : &B->ci[j - 1];
    B->ci[j].next = j + 1 < BLOCK_NCI ? &B->ci[j + 1] : NULL;
  }
  L->base_ci.next = &B->ci[0];
  L->nci = BLOCK_NCI;
  L->next = P->allgc;
  P->allgc = (GCObj *)L;
  return P;
}

void proc_free(Proc *P) {
  /* what the process runtime attached to it (proc.h) */
  if (P->timer) { timer_cancel(P->vm, P->timer); P->timer = NULL; }
  for (struct Msg *m = P->inbox_head; m; ) { struct Msg *nx = m->next; msg_free(m); m = nx; }
  for (struct QMsg *m = P->mq_head; m; ) { struct QMsg *nx = m->next; free(m); m = nx; }
  P->inbox_head = NULL;
  P->mq_head = NULL;
  proc_freerel(P);
  /* from here on every block goes straight back to malloc (not through
   * the free lists, which would only be emptied again below) */
  mem_releasefree(P);
  P->pstate = PS_FREEING;
  gc_freeall(P);
  if (P->strt) mem_freevec(P, P->strt, P->strt_size, String *);
  if (P->ex && P->ex->libinst) mem_freevec(P, P->ex->libinst, P->ex->nlibinst, Table *);
  mem_releasefree(P);
  if (P->ex) {
    free(P->ex->mt);
    free(P->ex->pkgpaths);
    free(P->ex->rng);
    free(P->ex);
  }
  VM *vm = P->vm;
  if (vm->nblockpool + 1 <= VM_POOLBLOCKS) {
    *(void **)P = vm->blockpool;
    vm->blockpool = P;
    vm->nblockpool++;
  } else free(P);
}
