/* gc.c — per-process allocation accounting and mark & sweep collection. */
#include <stdlib.h>
#include <string.h>
#include "gc.h"
#include "str.h"
#include "table.h"
#include "func.h"
#include "do.h"
#include "proc.h"
#include "tm.h"
#include "bigint.h"


LU_NORETURN void mem_error(Proc *P) {
  lu_State *L = P->L;
  val_setstr(&L->errval, P->vm->memerrmsg);
  lu_throw(L, LU_ERRMEM);
}

/* The process outgrew its max_heap_size: it is killed (no Lua code runs).
 * Checked at safe points after a collection (gc_step), and here, before an
 * allocation that would pass twice the limit (C code allocating in a loop
 * has no safe point).  Raising before allocating leaks nothing and leaves
 * every object consistent. */
static LU_NORETURN void heap_kill(Proc *P) {
  val_setstr(proc_setexitreason(P), P->vm->maxheapmsg);
  P->killed = 1;
  lu_throw(P->L, LU_KILL);
}

static inline void check_maxheap(Proc *P, size_t more) {
  const ProcExtra *x = P->ex;
  if (x->memlimit && P->totalbytes + more > x->memlimit) mem_error(P);
  if (x->maxheap && P->totalbytes + more > 2 * x->maxheap + 65536) heap_kill(P);
}

#define memclass(n) mem_class(n)

/* The VM's pool of small blocks: what processes give back (dying, or
 * idle with full free lists) waits there for the next process that needs
 * a block of its class, up to VM_POOLBYTES; past that, back to malloc.
 * Spawning and ending processes then costs no malloc round trip.
 * The bound is small on purpose.  The pool hands blocks out last in, first
 * out, wherever they are: after many processes have ended, a big pool
 * would give each new process blocks from all over the memory those had
 * used (its closure megabytes away from its block), while malloc, given
 * the blocks back, merges them and carves new ones side by side.  A ring
 * of 1000 processes spawned after 100,000 had ended touched 1035 distinct
 * pages in 3000 hops with a 1 MB pool, 575 with 32 KB, 445 in a fresh VM;
 * spawn+exit costs 5% more instructions than with 1 MB (docs/internals.md). */
#define VM_POOLBYTES (32u << 10)

static void *pool_take(VM *vm, int c) {
  void *b = vm->pool[c];
  if (b == NULL) return malloc(mem_clsize(c));
  vm->pool[c] = *(void **)b;
  vm->poolbytes -= mem_clsize(c);
  return b;
}

static void pool_give(VM *vm, void *b, int c) {
#ifdef __SANITIZE_ADDRESS__
  (void)vm; (void)c;
  free(b);                      /* under ASan every block goes back: use after free stays visible */
  return;
#endif
  if (vm->poolbytes >= VM_POOLBYTES) { free(b); return; }
  *(void **)b = vm->pool[c];
  vm->pool[c] = b;
  vm->poolbytes += mem_clsize(c);
}

void mem_freepool(VM *vm) {
  for (int c = 0; c < MEM_NCLASS; c++) {
    void *b = vm->pool[c];
    while (b) { void *nx = *(void **)b; free(b); b = nx; }
    vm->pool[c] = NULL;
  }
  vm->poolbytes = 0;
}

void mem_releasefree(Proc *P) {
  FreeLists *fl = P->fl;
  if (fl == NULL) return;
  for (int c = 0; c < MEM_NCLASS; c++) {
    void *b = fl->l[c];
    while (b) { void *nx = *(void **)b; pool_give(P->vm, b, c); b = nx; }
  }
  for (void *b = fl->qfree; b; ) { void *nx = *(void **)b; free(b); b = nx; }
  free(fl);
  P->fl = NULL;
}

void mem_idle(Proc *P) {
  if (mem_holdsmuch(P)) mem_releasefree(P);
}

static void *rawalloc(Proc *P, size_t n) {
  void *b = mem_listblock(P, n);
  if (b != NULL) return b;
  return n <= MEM_SMALL ? pool_take(P->vm, memclass(n)) : malloc(n);
}

static FreeLists *newlists(Proc *P) {
  FreeLists *fl = calloc(1, sizeof(FreeLists));
  if (fl == NULL) return NULL;
  fl->cap = P->totalbytes / 2;
  P->fl = fl;
  return fl;
}

/* (mem_giveblock, gc.h, keeps a block inline when P has lists with room) */
void mem_giveblock_slow(Proc *P, void *b, size_t n) {
  /* a process keeps freed small blocks for its own next allocations, up
   * to a bound (a process that receives many messages frees blocks other
   * processes allocated: without the bound its lists would only grow).
   * The lists are made with the first block kept: a process that never
   * freed anything (an idle one) has none. */
  if (n > MEM_SMALL) { free(b); return; }
  int c = memclass(n);
  lu_assert(P->pstate != PS_FREEING || P->fl == NULL);
  if (P->pstate != PS_FREEING) {
    FreeLists *fl = P->fl;
    if (fl == NULL && (fl = newlists(P)) == NULL) { pool_give(P->vm, b, c); return; }
    if (fl_hasroom(fl)) { fl_push(fl, b, c); return; }
  }
  pool_give(P->vm, b, c);
}

void *mem_alloc_slow(Proc *P, size_t n) {
  if (lu_unlikely(P->heaplimits)) check_maxheap(P, n);
  void *b = rawalloc(P, n);
  if (lu_unlikely(b == NULL)) {
    /* not a safe point: no collection; give back the free lists and retry */
    mem_releasefree(P);
    b = rawalloc(P, n);
    if (b == NULL) mem_error(P);
  }
  P->totalbytes += n;
  return b;
}

void *mem_realloc(Proc *P, void *block, size_t oldsize, size_t newsize) {
  if (lu_unlikely(P->heaplimits) && newsize > oldsize) check_maxheap(P, newsize - oldsize);
  void *b;
  if (block == NULL) {
    b = rawalloc(P, newsize);
  } else if (oldsize <= MEM_SMALL || newsize <= MEM_SMALL) {
    if (oldsize <= MEM_SMALL && newsize <= MEM_SMALL && oldsize && newsize &&
        memclass(oldsize) == memclass(newsize)) {
      P->totalbytes += newsize - oldsize;
      return block;
    }
    b = rawalloc(P, newsize);
    if (b != NULL) {
      memcpy(b, block, oldsize < newsize ? oldsize : newsize);
      mem_giveblock(P, block, oldsize);
    }
  } else {
    b = realloc(block, newsize);
  }
  if (lu_unlikely(b == NULL)) mem_error(P);   /* the old block is still valid */
  P->totalbytes += newsize - oldsize;
  return b;
}

/* a block for a message fragment: from the sender's free lists when it
 * has one (the block leaves this heap; the receiver's lists take it back
 * when it dies there), else malloc'd; not counted in this heap */
void *mem_takeblock_slow(Proc *P, size_t n) {
  return rawalloc(P, n);
}

/* the queue node pool (gc.h) when empty: a run of nodes, or one */
#define QCLASS mem_class(MEM_QSIZE)
void *mem_takeqmsg_slow(Proc *P) {
  FreeLists *fl = P->fl;
  size_t sz = mem_clsize(QCLASS);
  if (fl == NULL || fl->qmallocs < MEM_QRUN) {
    if (fl) fl->qmallocs++;
    return malloc(sz);
  }
  void *run[MEM_QRUN];
  int k = 0;
  while (k < MEM_QRUN && (run[k] = malloc(sz)) != NULL) k++;
  if (k == 0) return NULL;
  for (int j = k - 1; j > 0; j--) {
    *(void **)run[j] = fl->qfree;
    fl->qfree = run[j];
  }
  fl->nqfree += (uint32_t)(k - 1);
  fl->bytes += (size_t)(k - 1) * MEM_QCOUNT;
  return run[0];
}

/* a queue node back to the pool, when it is full or P has no lists yet */
void mem_giveqmsg_slow(Proc *P, void *b) {
  FreeLists *fl = P->fl;
  if (fl == NULL && P->pstate != PS_FREEING && (fl = newlists(P)) != NULL) {
    *(void **)b = NULL;
    fl->qfree = b;
    fl->nqfree = 1;
    fl->bytes += MEM_QCOUNT;
    return;
  }
  free(b);
}

/* the one bit mem_alloc tests, after either limit changed */
static void setheaplimits(Proc *P) {
  P->heaplimits = P->ex->memlimit != 0 || P->ex->maxheap != 0;
}

void mem_setlimit(Proc *P, size_t limit) {
  proc_extra(P)->memlimit = limit;
  setheaplimits(P);
}

void proc_setmaxheap(Proc *P, size_t m) {
  if (m == 0 && P->ex == NULL) return;
  proc_extra(P)->maxheap = m;
  setheaplimits(P);
}

void mem_reserve(Proc *P, size_t more) {
  if (lu_unlikely(P->heaplimits)) check_maxheap(P, more);
}

/* ------------------------------------------------------------------- mark */

static inline void markobj(GCWork *w, GCObj *o) {
  if (o->marked & (GC_BLACK | GC_SHARED)) return;
  o->marked |= GC_BLACK;
  switch (o->tt) {
    case T_STR: return;                  /* no children */
    case T_TABLE: ((Table *)o)->gclist = w->gray; break;
    case T_LCL: ((LClosure *)o)->gclist = w->gray; break;
    case T_CCL: ((CClosure *)o)->gclist = w->gray; break;
    case T_UDATA: ((Udata *)o)->gclist = w->gray; break;
    case T_THREAD: ((lu_State *)o)->gclist = w->gray; break;
    case T_UPVAL: {
      /* open or closed, its current value is reachable through it */
      UpVal *uv = (UpVal *)o;
      if (val_iscollectable(uv->v)) markobj(w, val_gc(uv->v));
      return;
    }
    default: return;
  }
  w->gray = o;
}

#define markvalue(w, v) do { const Value *mv_ = (v); \
  if (val_iscollectable(mv_)) markobj(w, val_gc(mv_)); } while (0)

/* strings and non-collectable values are never removed from weak tables */
static inline bool iswhite_weak(const Value *v) {
  return val_iscollectable(v) && v->tt != T_STR && !(val_gc(v)->marked & (GC_BLACK | GC_SHARED));
}
static inline bool keywhite(const Node *n) {
  return n->ktt >= T_FIRSTGC && n->ktt != T_STR && n->ktt != T_DEADKEY &&
         !(n->k.gc->marked & (GC_BLACK | GC_SHARED));
}

/* weak modes from the metatable's __mode: 1 weak keys, 2 weak values */
static int weakmode(Proc *P, Table *t) {
  if (t->metatable == NULL) return 0;
  const Value *m = tm_get(P, t->metatable, TM_MODE);
  if (m == NULL || !val_isstr(m)) return 0;
  const char *s = str_data(val_str(m));
  return (strchr(s, 'k') ? 1 : 0) | (strchr(s, 'v') ? 2 : 0);
}

static void traverseweak(GCWork *w, Table *t, int mode) {
  if (!tab_isdummy(t)) {
    uint32_t size = tab_sizenode(t);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &t->node[i];
      if (val_isnil(node_val(n))) {
        if (n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) n->ktt = T_DEADKEY;
        continue;
      }
      if (!(mode & 1) && n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) markobj(w, n->k.gc);
      if (n->ktt == T_STR) markobj(w, n->k.gc);
      if (!(mode & 2)) {
        /* ephemeron: the value lives if the key does (converged later) */
        if (!keywhite(n)) markvalue(w, node_val(n));
      } else if (node_val(n)->tt == T_STR) markvalue(w, node_val(n));
    }
  }
  if (!(mode & 2)) for (uint32_t i = 0; i < t->asize; i++) markvalue(w, &t->array[i]);
  else for (uint32_t i = 0; i < t->asize; i++) if (t->array[i].tt == T_STR) markvalue(w, &t->array[i]);
  Table **list = mode == 3 ? &w->allweak : mode == 1 ? &w->ephemeron : &w->weak;
  t->gclist = (GCObj *)*list;
  *list = t;
}

static void traversetable(GCWork *w, Table *t) {
  if (t->metatable) markobj(w, (GCObj *)t->metatable);
  int mode = weakmode(w->P, t);
  if (mode) { traverseweak(w, t, mode); return; }
  for (uint32_t i = 0; i < t->asize; i++) markvalue(w, &t->array[i]);
  if (!tab_isdummy(t)) {
    uint32_t size = tab_sizenode(t);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &t->node[i];
      if (val_isnil(node_val(n))) {
        /* dead entry: its key may die; keep it only for 'next' identity */
        if (n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) n->ktt = T_DEADKEY;
      } else {
        if (n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) markobj(w, n->k.gc);
        markvalue(w, node_val(n));
      }
    }
  }
}

static void traversethread(GCWork *w, lu_State *th) {
  Value *o = th->stack;
  if (o == NULL) return;
  for (; o < th->top; o++) markvalue(w, o);
  /* the dead part to nil (T_NIL is 0): one memset, not a store per slot */
  _Static_assert(T_NIL == 0, "a zeroed Value is nil");
  Value *end = th->stack_last + LU_EXTRA_STACK;
  if (o < end) memset(o, 0, (size_t)(end - o) * sizeof(Value));
  markvalue(w, &th->errval);
  if (th->hook) markvalue(w, &th->hook->f);
  for (UpVal *uv = th->openupval; uv; uv = uv->u.open.next) markobj(w, (GCObj *)uv);
  if (th->resumer) markobj(w, (GCObj *)th->resumer);
}

static void propagate(GCWork *w) {
  while (w->gray) {
    GCObj *o = w->gray;
    switch (o->tt) {
      case T_TABLE: { Table *t = (Table *)o; w->gray = t->gclist; t->gclist = NULL; traversetable(w, t); break; }
      case T_LCL: {
        LClosure *cl = (LClosure *)o;
        w->gray = cl->gclist;
        for (int i = 0; i < cl->nupvalues; i++)
          if (cl->upvals[i]) markobj(w, (GCObj *)cl->upvals[i]);
        break;
      }
      case T_CCL: {
        CClosure *cl = (CClosure *)o;
        w->gray = cl->gclist;
        for (int i = 0; i < cl->nupvalues; i++) markvalue(w, &cl->upvalue[i]);
        break;
      }
      case T_UDATA: {
        Udata *u = (Udata *)o;
        w->gray = u->gclist;
        if (u->metatable) markobj(w, (GCObj *)u->metatable);
        for (int i = 0; i < u->nuvalue; i++) markvalue(w, &udata_uv(u)[i]);
        break;
      }
      case T_THREAD: {
        lu_State *th = (lu_State *)o;
        w->gray = th->gclist;
        traversethread(w, th);
        break;
      }
      default: lu_assert(0); w->gray = NULL; break;
    }
  }
}

/* ephemerons: mark values whose keys are marked, until nothing changes */
static void convergeephemerons(GCWork *w) {
  bool changed;
  do {
    changed = false;
    for (Table *t = w->ephemeron; t; t = (Table *)t->gclist) {
      if (tab_isdummy(t)) continue;
      uint32_t size = tab_sizenode(t);
      for (uint32_t i = 0; i < size; i++) {
        Node *n = &t->node[i];
        if (val_isnil(node_val(n)) || keywhite(n)) continue;
        if (iswhite_weak(node_val(n)) || (node_val(n)->tt >= T_FIRSTGC &&
            !(val_gc(node_val(n))->marked & (GC_BLACK | GC_SHARED)))) {
          markvalue(w, node_val(n));
          changed = true;
        }
      }
    }
    if (changed) propagate(w);
  } while (changed);
}

static void clearbyvalues(Table *list) {
  for (Table *t = list; t; t = (Table *)t->gclist) {
    for (uint32_t i = 0; i < t->asize; i++)
      if (iswhite_weak(&t->array[i])) val_setnil(&t->array[i]);
    if (tab_isdummy(t)) continue;
    uint32_t size = tab_sizenode(t);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &t->node[i];
      if (iswhite_weak(node_val(n))) {
        val_setnil(node_val(n));
        if (n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) n->ktt = T_DEADKEY;
      }
    }
  }
}

static void clearbykeys(Table *list) {
  for (Table *t = list; t; t = (Table *)t->gclist) {
    if (tab_isdummy(t)) continue;
    uint32_t size = tab_sizenode(t);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &t->node[i];
      if (!val_isnil(node_val(n)) && keywhite(n)) {
        val_setnil(node_val(n));
        n->ktt = T_DEADKEY;
      } else if (val_isnil(node_val(n)) && n->ktt >= T_FIRSTGC && n->ktt != T_DEADKEY) {
        n->ktt = T_DEADKEY;
      }
    }
  }
}

static void markroots(Proc *P, GCWork *w) {
  if (P->ex) {
    markvalue(w, &P->ex->registry);
    if (P->ex->loaded) markobj(w, (GCObj *)P->ex->loaded);
    if (P->ex->mt) for (int i = 0; i < LU_NUMTYPES; i++) if (P->ex->mt[i]) markobj(w, (GCObj *)P->ex->mt[i]);
    if (P->ex->scratch) markobj(w, (GCObj *)P->ex->scratch);
    markvalue(w, &P->ex->exitreason);
    for (int i = 0; i < P->ex->nlibinst; i++) if (P->ex->libinst[i]) markobj(w, (GCObj *)P->ex->libinst[i]);
  }
  if (P->globals) markobj(w, (GCObj *)P->globals);
  if (P->strmt) markobj(w, (GCObj *)P->strmt);
  if (proc_procinst(P)) markobj(w, (GCObj *)proc_procinst(P));
  markobj(w, (GCObj *)proc_mainthread(P));
  if (P->L) markobj(w, (GCObj *)P->L);
  for (struct QMsg *m = P->mq_head; m; m = m->next) markvalue(w, &m->v);
}

/* ------------------------------------------------------------------ sweep */

void gc_freeobj(Proc *P, GCObj *o) {
  switch (o->tt) {
    case T_STR: str_free(P, (String *)o); break;
    case T_TABLE: tab_free(P, (Table *)o); break;
    case T_LCL: {
      LClosure *cl = (LClosure *)o;
      if (cl->p) proto_decref(cl->p);
      mem_free(P, cl, sizeof(LClosure) + cl->nupvalues * sizeof(UpVal *));
      break;
    }
    case T_CCL: {
      CClosure *cl = (CClosure *)o;
      mem_free(P, cl, sizeof(CClosure) + cl->nupvalues * sizeof(Value));
      break;
    }
    case T_UPVAL: {
      UpVal *uv = (UpVal *)o;
      if (upval_isopen(uv)) upval_unlink(uv);
      mem_free(P, uv, sizeof(UpVal));
      break;
    }
    case T_UDATA: {
      Udata *u = (Udata *)o;
      if (u->release) u->release(udata_mem(u));
      mem_free(P, u, sizeof(Udata) + u->nuvalue * sizeof(Value) + u->len);
      break;
    }
    case T_THREAD: thread_free(P, (lu_State *)o); break;
    case T_BIGINT: big_free(P, (BigInt *)o); break;
    default: lu_assert(0); break;
  }
}

/* A coroutine that is not running gives back the stack it does not use
 * (a yield from a C function left it grown by LU_MINSTACK) and its spare
 * frames: a suspended coroutine stays small.  Every frame keeps its area,
 * so resuming (or a traceback of a dead one) finds what it left. */
static void shrinkstack(Proc *P, lu_State *th) {
  /* only a coroutine that has yielded or ended, and not while library
   * code runs for C code (which may hold a pointer into a coroutine's
   * stack, as debug.traceback does) */
  /* (running threads, the main thread and the scratch thread are never
   * suspended or dead) */
  if (P->scratchbusy || th->stack == NULL ||
      (th->costatus != CO_SUSPENDED && th->costatus != CO_DEAD)) return;
  if (th->ci->next) ci_shrink(th);
  /* the C frame it yielded from needs its LU_MINSTACK slots only when it
   * runs again: do_resume gives them back */
  if (!ci_isLua(th->ci) && th->ci->top > th->top) th->ci->top = th->top;
  /* (the entry frame of a coroutine never runs C code: it needs no room) */
  Value *lim = th->top;
  for (CallInfo *ci = th->ci; ci != &th->base_ci; ci = ci->previous)
    if (ci->top > lim) lim = ci->top;
  int good = (int)(lim - th->stack) + 2;
  if (good < 8) good = 8;
  if (stack_size(th) < good + good / 2 + 4) return;
  if (th->base_ci.top > th->stack + good) th->base_ci.top = th->stack + good;
  size_t bytes = (size_t)(good + LU_EXTRA_STACK) * sizeof(Value);
  Value *ns = rawalloc(P, bytes);
  if (ns == NULL) return;                 /* keep the big one */
  P->totalbytes += bytes;
  stack_move(th, ns, good);
}

static void sweep(Proc *P) {
  GCObj **p = &P->allgc;
  while (*p) {
    GCObj *o = *p;
    if (o->marked & (GC_BLACK | GC_FIXED)) {
      o->marked &= (uint8_t)~GC_BLACK;
      if (o->tt == T_THREAD) shrinkstack(P, (lu_State *)o);
      p = &o->next;
    } else {
      *p = o->next;
      /* (most of what dies is tables: messages received and dropped) */
      if (o->tt == T_TABLE) tab_free(P, (Table *)o);
      else gc_freeobj(P, o);
    }
  }
}

/* unreachable objects with finalizers go to tobefnz, in order; false if
 * there was none */
static bool separatetobefnz(Proc *P, bool all) {
  if (P->ex == NULL || P->ex->finobj == NULL) return false;
  bool moved = false;
  GCObj **p = &P->ex->finobj;
  GCObj **lastnext = &P->ex->tobefnz;
  while (*lastnext) lastnext = &(*lastnext)->next;
  while (*p) {
    GCObj *o = *p;
    if (!all && (o->marked & GC_BLACK)) { p = &o->next; continue; }
    *p = o->next;
    o->next = NULL;
    *lastnext = o;
    lastnext = &o->next;
    moved = true;
  }
  return moved;
}

static void unmarklist(GCObj *o) {
  for (; o; o = o->next) o->marked &= (uint8_t)~GC_BLACK;
}

void gc_fullcollect(Proc *P) {
  if (P->L == NULL) return;
  GCWork work = { P, NULL, NULL, NULL, NULL };
  markroots(P, &work);
  for (GCObj *o = proc_tobefnz(P); o; o = o->next) markobj(&work, o);   /* still to finalize */
  propagate(&work);
  convergeephemerons(&work);
  /* weak values die before finalizers resurrect anything */
  clearbyvalues(work.weak);
  clearbyvalues(work.allweak);
  /* unreachable objects with finalizers come back (marked) to be
   * finalized; with none, nothing new is marked and the weak values are
   * cleared already */
  bool resurrected = separatetobefnz(P, false);
  if (resurrected) {
    for (GCObj *o = proc_tobefnz(P); o; o = o->next) markobj(&work, o);
    propagate(&work);
    convergeephemerons(&work);
  }
  clearbykeys(work.ephemeron);
  clearbykeys(work.allweak);
  if (resurrected) {
    clearbyvalues(work.weak);
    clearbyvalues(work.allweak);
  }
  /* the free lists may hold half of what the heap was before this sweep
   * (measured before, so the order of the frees does not decide which
   * size classes keep their blocks) */
  if (P->fl) P->fl->cap = P->totalbytes / 2;
  str_sweep(P);
  sweep(P);
  unmarklist(proc_finobj(P));
  unmarklist(proc_tobefnz(P));
  size_t pause = (size_t)P->gcpause4 * 4;
  size_t th = P->totalbytes / 100 * (pause < 100 ? 100 : pause);
  P->gcthreshold = th < GC_MINTHRESHOLD ? GC_MINTHRESHOLD : th;
#ifdef LU_STRESS
  P->gcthreshold = P->totalbytes + P->totalbytes / 64;
#endif
  /* shrink the string table when it is mostly empty */
  if (P->strt_nuse < P->strt_size / 4 && P->strt_size > 16) str_resize(P, P->strt_size / 2);
}

void gc_step(lu_State *L) {
  Proc *P = L->P;
  if (P->gcstopped) { P->gcthreshold = P->totalbytes + GC_MINTHRESHOLD; return; }
  gc_fullcollect(P);
  size_t maxheap = proc_maxheap(P);
  if (maxheap) {
    if (P->totalbytes > maxheap) heap_kill(P);
    /* collect before the limit is reached */
    if (P->gcthreshold > maxheap) P->gcthreshold = maxheap;
  }
}

void gc_checkfinalizer(Proc *P, GCObj *o, Table *mt) {
  if (o->marked & GC_FINOBJ) return;                      /* already */
  if (mt == NULL || tm_get(P, mt, TM_GC) == NULL) return;
  /* move o from allgc to finobj (new objects are near the head) */
  for (GCObj **p = &P->allgc; *p; p = &(*p)->next) {
    if (*p == o) {
      *p = o->next;
      ProcExtra *x = proc_extra(P);
      o->next = x->finobj;
      x->finobj = o;
      o->marked |= GC_FINOBJ;
      return;
    }
  }
}

void gc_finalizeall(Proc *P) {
  separatetobefnz(P, true);
}

GCObj *gc_nextfinalize(Proc *P) {
  GCObj *o = proc_tobefnz(P);
  if (o == NULL) return NULL;
  P->ex->tobefnz = o->next;
  o->marked &= (uint8_t)~GC_FINOBJ;       /* finalized once; a new setmetatable re-arms */
  o->next = P->allgc;
  P->allgc = o;
  return o;
}

void gc_freeall(Proc *P) {
  /* objects with finalizers are freed like the others (no Lua code runs here) */
  for (GCObj **lists[2] = { P->ex ? &P->ex->finobj : NULL, P->ex ? &P->ex->tobefnz : NULL },
       ***l = lists; P->ex && l < lists + 2; l++) {
    while (**l) {
      GCObj *o = **l;
      **l = o->next;
      o->next = P->allgc;
      P->allgc = o;
    }
  }
  /* close open upvalues first, so that freeing order does not matter */
  for (GCObj *o = P->allgc; o; o = o->next) {
    if (o->tt == T_UPVAL) {
      UpVal *uv = (UpVal *)o;
      if (upval_isopen(uv)) { upval_unlink(uv); uv->v = &uv->u.value; val_setnil(uv->v); }
    }
  }
  GCObj *o = P->allgc;
  P->allgc = NULL;
  while (o) { GCObj *nx = o->next; gc_freeobj(P, o); o = nx; }
}
