/*
 * gc.h — per-process memory and garbage collection.
 *
 * Every byte a process allocates is counted in P->totalbytes (off-heap
 * bytes such as long-string blobs included), which paces the collector and
 * enforces max_heap_size.  The collector is a stop-the-process mark and
 * sweep with an explicit gray list (no C recursion).  It runs only at safe
 * points of the interpreter (gc_check), never inside a C function, so C
 * library code may hold raw object pointers between its allocations.
 * It never touches another process: shared objects (GC_SHARED) are skipped.
 *
 * Invariant: a stack slot never refers to a freed object.  Marking a
 * thread marks [stack, top) and clears the rest of the stack to nil; at a
 * safe point L->top covers every live value of the running frame.
 */
#ifndef LU_GC_H
#define LU_GC_H

#include "state.h"

/* Small blocks (up to MEM_SMALL bytes) come from per-process free lists by
 * size class, so that a collection's burst of frees feeds the next
 * allocations without going back to malloc.  Class c holds blocks of
 * 16c + 24 bytes: glibc's malloc serves those from chunks of exactly
 * 16c + 32 bytes (an 8-byte header, 16-byte steps), so a 40-byte object
 * (a closure with one upvalue, an upvalue) takes a 48-byte chunk, not 64.
 * Anything freed with mem_free must have been allocated by mem_alloc, or
 * with malloc(mem_roundup(n)). */
#define MEM_NCLASS 8
#define MEM_SMALL (16 * (MEM_NCLASS - 1) + 24)
#define mem_class(n)  ((n) <= 24 ? 0 : (int)(((n) - 9) >> 4))
#define mem_clsize(c) ((size_t)(c) * 16 + 24)
static inline size_t mem_roundup(size_t n) { return n <= MEM_SMALL ? mem_clsize(mem_class(n)) : n; }
/* a process's free lists, made with the first block it keeps */
struct FreeLists {
  void *l[MEM_NCLASS];        /* by size class */
  size_t bytes;               /* what they hold, counted FL_COUNT(c) per block */
  size_t cap;                 /* bytes may grow to 64 KB + cap (set before each sweep) */
  void *qfree;                /* free queue nodes (proc.h: QMsg), a pool of their own */
  uint32_t nqfree;
  uint32_t qmallocs;          /* queue nodes malloc'd one at a time so far */
};

/* What a block of class c counts against the lists' bound: 16(c + 1), the
 * size its class had when classes were 16-byte multiples, so that the bound
 * keeps as many blocks as it did (a block takes the same malloc chunk
 * either way); counting 16c + 24 would keep 10% fewer, and a program that
 * collects often would go to malloc more. */
#define FL_COUNT(c) ((size_t)((c) + 1) * 16)

/* Queue nodes (proc.h: QMsg, MEM_QSIZE bytes) have a pool of their own,
 * not the free list of their size class: a long queue is then made of
 * blocks malloc'd one after the other, not of whatever the collector last
 * freed, and a receive scanning it follows links that mostly go to the
 * next 48 bytes, which the hardware prefetches.  When the pool is empty, a
 * process that has queued more than MEM_QRUN messages gets a run of
 * MEM_QRUN nodes malloc'd together (the rest wait in the pool, in address
 * order).  The pool keeps at most MEM_QKEEP free nodes, counted in the
 * lists' bytes. */
#define MEM_QSIZE 40
#define MEM_QRUN  16
#define MEM_QKEEP 256
#define MEM_QCOUNT FL_COUNT(mem_class(MEM_QSIZE))
void *mem_takeqmsg_slow(Proc *P);
void mem_giveqmsg_slow(Proc *P, void *b);
static inline void *mem_takeqmsg(Proc *P) {          /* NULL: no memory */
  FreeLists *fl = P->fl;
  void *b;
  if (fl == NULL || (b = fl->qfree) == NULL) return mem_takeqmsg_slow(P);
  fl->qfree = *(void **)b;
  fl->nqfree--;
  fl->bytes -= MEM_QCOUNT;
  return b;
}
static inline void mem_giveqmsg(Proc *P, void *b) {
  FreeLists *fl = P->fl;
  if (fl == NULL || fl->nqfree >= MEM_QKEEP) { mem_giveqmsg_slow(P, b); return; }
  *(void **)b = fl->qfree;
  fl->qfree = b;
  fl->nqfree++;
  fl->bytes += MEM_QCOUNT;
}

/* give the free lists back to malloc (and their array: an idle process
 * keeps none) */
void mem_releasefree(Proc *P);
void mem_freepool(VM *vm);     /* the VM's pool of blocks, back to malloc (vm_free) */
/* A process that stays blocked (in receive) keeps at most MEM_IDLEKEEP
 * bytes in its free lists (sched.c decides when): the blocks a collection
 * freed are for the allocations that follow it, not for a process that may
 * wait for a long time (a million of them that each once did some work
 * would otherwise hold up to 64 KB each). */
#define MEM_IDLEKEEP 4096
static inline bool mem_holdsmuch(Proc *P) {
  return P->fl != NULL && P->fl->bytes > MEM_IDLEKEEP;
}
/* P stays blocked: give back its free lists if they hold much */
void mem_idle(Proc *P);
/* mem_alloc: a block of n bytes counted in P's heap (raises or kills the
 * process when it cannot be had); mem_takeblock: a block for a message
 * fragment (copy.c), not counted.  The usual case, a small block on P's
 * free list of its class and no heap limit, is inline. */
void *mem_alloc_slow(Proc *P, size_t n);
void *mem_takeblock_slow(Proc *P, size_t n);
static inline void *mem_listblock(Proc *P, size_t n) {    /* NULL: none there */
  FreeLists *fl = P->fl;
  void *b;
  if (n > MEM_SMALL || fl == NULL || (b = fl->l[mem_class(n)]) == NULL) return NULL;
  fl->l[mem_class(n)] = *(void **)b;
  fl->bytes -= FL_COUNT(mem_class(n));
  return b;
}
/* the lists keep at most 64 KB + cap; a small block of class c joins them */
static inline bool fl_hasroom(const FreeLists *fl) { return fl->bytes < (64u << 10) + fl->cap; }
static inline void fl_push(FreeLists *fl, void *b, int c) {
  *(void **)b = fl->l[c];
  fl->l[c] = b;
  fl->bytes += FL_COUNT(c);
}
static inline void *mem_alloc(Proc *P, size_t n) {
  void *b;
  if (lu_likely(!P->heaplimits) && (b = mem_listblock(P, n)) != NULL) {
    P->totalbytes += n;
    return b;
  }
  return mem_alloc_slow(P, n);
}
static inline void *mem_takeblock(Proc *P, size_t n) {    /* NULL: no memory */
  void *b = mem_listblock(P, n);
  return b != NULL ? b : mem_takeblock_slow(P, n);
}
void *mem_realloc(Proc *P, void *block, size_t oldsize, size_t newsize);
/* Before 'more' bytes are allocated outside mem_alloc and charged to P
 * (GMP limbs): raise or kill as mem_alloc would for them. */
void proc_setmaxheap(Proc *P, size_t m);   /* max_heap_size (0: none) */
/* mem_giveblock, the counterpart of mem_takeblock: a block that was never
 * counted in P's heap (a message that P received and is done with) joins
 * P's free lists, within their bound, for P's next allocations and
 * messages, else the VM's pool or malloc; mem_free, the same for a block
 * of P's heap.  The usual case, a small block and room in the lists,
 * is inline: a collection frees every dead object through here.  (A
 * process being freed, PS_FREEING, has no lists: its blocks take the slow
 * path, which sends them to the pool.) */
void mem_giveblock_slow(Proc *P, void *b, size_t n);
static inline void mem_giveblock(Proc *P, void *b, size_t n) {   /* not counted in P's heap */
  FreeLists *fl = P->fl;
  if (lu_likely(fl != NULL && n <= MEM_SMALL && fl_hasroom(fl))) {
    fl_push(fl, b, mem_class(n));
    return;
  }
  mem_giveblock_slow(P, b, n);
}
static inline void mem_free(Proc *P, void *block, size_t n) {   /* counted in P's heap */
  mem_giveblock(P, block, n);
  P->totalbytes -= n;
}
void mem_reserve(Proc *P, size_t more);
/* tests: allocation fails ("not enough memory") past limit bytes (0: none) */
void mem_setlimit(Proc *P, size_t limit);
LU_NORETURN void mem_error(Proc *P);
#define mem_newvec(P, n, t)  ((t *)mem_alloc(P, (size_t)(n) * sizeof(t)))
#define mem_freevec(P, b, n, t) mem_free(P, b, (size_t)(n) * sizeof(t))

/* A process collects when its heap passes twice what was live after the
 * last collection, and not before it has GC_MINTHRESHOLD bytes.  Small,
 * because most processes are small: a process that receives messages and
 * drops them collects them soon, and their blocks feed its next messages
 * through the free lists instead of malloc.  With a thousand processes
 * passing messages around, what each lets pile up between collections is
 * what the caches must hold: 8 KB made a ring of 1000 a working set of
 * ~8 MB; 2 KB (about BEAM's smallest process heap) keeps it near 2 MB
 * (ring N=1000: 0.41 -> 0.25 us/hop, median of 5).  Programs with more
 * than 1 KB live are paced by the live size alone. */
#define GC_MINTHRESHOLD  (2 * 1024)

/* New collectable object of tag tt and size sz, linked into P's heap. */
static inline GCObj *gc_newobj(Proc *P, int tt, size_t sz) {
  GCObj *o = mem_alloc(P, sz);
  o->tt = (uint8_t)tt;
  o->marked = 0;
  o->next = P->allgc;
  P->allgc = o;
  return o;
}

/* Collect if the debt says so.  Call only at safe points.  The stress
 * build (LU_STRESS) collects at every one while the heap is under 256 KB,
 * and above that whenever it grew by 1/64 (so that programs with big heaps
 * still finish: collecting a large heap at every safe point is quadratic). */
#ifdef LU_STRESS
#define LU_STRESS_SMALL (256 * 1024)
#define gc_needed(P)  ((P)->totalbytes < LU_STRESS_SMALL || (P)->totalbytes >= (P)->gcthreshold)
#else
#define gc_needed(P)  ((P)->totalbytes >= (P)->gcthreshold)
#endif
#define gc_check(L) do { if (lu_unlikely(gc_needed((L)->P))) gc_step(L); } while (0)
void gc_step(lu_State *L);
void gc_fullcollect(Proc *P);
void gc_freeall(Proc *P);
/* setmetatable: an object whose metatable has __gc now gets finalized
 * (a __gc added to the metatable later is ignored, as in Lua 5.4) */
void gc_checkfinalizer(Proc *P, GCObj *o, Table *mt);
/* at process end: every object with a finalizer is to be finalized */
void gc_finalizeall(Proc *P);
/* pop the next object whose finalizer must run (back on allgc), or NULL */
GCObj *gc_nextfinalize(Proc *P);
#define gc_pendingfin(P) ((P)->ex != NULL && (P)->ex->tobefnz != NULL)
void gc_freeobj(Proc *P, GCObj *o);

#endif
