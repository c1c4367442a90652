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
/* give the free lists back to malloc (and their array: an idle process
 * keeps none) */
void mem_releasefree(Proc *P);
/* P stays blocked: give back its free lists if they hold much */
bool mem_holdsmuch(Proc *P);
void mem_idle(Proc *P);
void *mem_alloc(Proc *P, size_t n);
void *mem_realloc(Proc *P, void *block, size_t oldsize, size_t newsize);
void mem_free(Proc *P, void *block, size_t n);
/* Before 'more' bytes are allocated outside mem_alloc and charged to P
 * (GMP limbs): raise or kill as mem_alloc would for them. */
void *mem_takeblock(Proc *P, size_t n);   /* for a message fragment (copy.c) */
void mem_giveblock(Proc *P, void *b, size_t n);   /* such a block, back to P's lists */
void *mem_takeqmsg(Proc *P);              /* a queue node (proc.h: QMsg), or NULL */
void mem_giveqmsg(Proc *P, void *b);      /* back to P's pool */
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
 * through the free lists instead of malloc. */
#define GC_MINTHRESHOLD  (8 * 1024)

/* New collectable object of tag tt and size sz, linked into P's heap. */
GCObj *gc_newobj(Proc *P, int tt, size_t sz);

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
