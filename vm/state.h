/*
 * state.h — the VM, processes, threads (Lua stacks) and call frames.
 *
 * VM: what all processes share — the atom table of constant strings, the
 * metamethod names, and (later) the process table, scheduler and timers.
 *   Who may touch it: today one scheduler thread.  When SMP lands, the atom
 *   table is written only while compiling (under vm->atom_lock) and read by
 *   any scheduler; everything else will say its lock here.
 *
 * Proc: one Erlang-style process = one Lua "universe": its heap (allgc),
 *   interned short strings, registry, globals, metatables of basic types,
 *   main thread, and its garbage collector.  Only the scheduler thread
 *   running the process touches it (no locks).  Nothing in it points into
 *   another Proc.
 *
 * lu_State: one Lua thread (the main one of a process, or a coroutine): a
 *   stack of Values and a list of CallInfo frames.  The interpreter is
 *   stackless: a Lua call pushes a CallInfo and continues in the same C
 *   loop, so any thread can be suspended between two instructions.
 *
 * Errors (the one mechanism): lu_throw() longjmps to the driver of the
 * current time slice (do.c), which unwinds the current thread's frames to
 * the nearest protected frame (pcall/xpcall) or to the coroutine boundary,
 * or ends the process.  A longjmp never crosses a process or a scheduler
 * switch: the jmp_buf is set at the start of every slice.
 */
#ifndef LU_STATE_H
#define LU_STATE_H

#include <setjmp.h>
#include "object.h"
#include "tm.h"

/* ------------------------------------------------------------- call frames */
/* 56 bytes: a malloc'd one takes a 64-byte chunk */
typedef struct CallInfo CallInfo;
struct CallInfo {
  Value *func;                /* function slot; arguments follow */
  Value *top;                 /* top of this frame's stack area */
  CallInfo *previous, *next;
  union {
    struct {                  /* Lua functions */
      const Instr *savedpc;
      int32_t nextraargs;     /* varargs stored below func */
      int32_t pendingret;     /* RETURN interrupted by __close: number of values */
    } l;
    struct {                  /* C functions */
      lu_KFunction k;         /* continuation, or NULL */
      intptr_t ctx;
    } c;
  } u;
  int32_t oldtop;             /* C functions, pcall: where results go (a stack
                                 index: nothing to rebase when the stack moves) */
  int16_t nresults;           /* expected results, LU_MULTRET = all */
  uint16_t callstatus;
};

/* callstatus bits */
#define CIST_C        (1u << 0)   /* running a C function */
#define CIST_FRESH    (1u << 1)   /* entry frame of a run: returning ends the run */
#define CIST_YPCALL   (1u << 2)   /* pcall/xpcall frame: errors stop here */
#define CIST_FIN      (1u << 3)   /* metamethod call: caller's instruction must be finished */
#define CIST_TAIL     (1u << 4)   /* frame was tail called */
#define CIST_XPCALL   (1u << 5)   /* xpcall frame: has a message handler (at func+1) */
#define CIST_ERRH     (1u << 6)   /* running a message handler */
#define CIST_CLOSEERR (1u << 7)   /* a __close call made while unwinding an error */
#define CIST_HOOKED   (1u << 8)   /* running a debug hook */
#define CIST_RETHOOK  (1u << 9)   /* the return hook of this frame ran */
#define CIST_EXITCLOSE (1u << 10) /* a __close call made while process.exit unwinds */
#define CIST_LEQ      (1u << 11)  /* a <= b through __lt: negate the result */
#define CIST_HELPER   (1u << 12)  /* C frame that calls library Lua code to do its work (debug.c) */
#define CIST_TRAN     (1u << 13)  /* its call or return hook is running: L->ftransfer/ntransfer */
#define CIST_XPFRAME  (1u << 14)  /* xpcall frame: CIST_XPCALL comes back for an error raised by a __close */
#define CIST_NY       (1u << 15)  /* C frame whose calls cannot yield (lua5.4's lua_call, not lua_callk) */

#define ci_isLua(ci)   (!((ci)->callstatus & CIST_C))

/* ------------------------------------------------------------------ threads */
/* Field order: small fields packed, no padding holes (every process has
 * one: its main thread). */
struct lu_State {
  GC_HEADER;
  uint8_t status;             /* how a dead coroutine ended: LU_OK or an error status */
  uint8_t costatus;           /* CO_* below */
  uint8_t entry;              /* how vm_execute starts (ENTRY_*) */
  uint8_t closing;            /* unwinding everything (coroutine.close): no pcall stops it */
  uint8_t nny;                /* finalizers running in this thread: it cannot yield */
  uint8_t hookmask;           /* HOOK_* */
  /* debug hooks (debug.sethook): per thread */
  uint8_t allowhook;          /* not inside a hook */
  uint8_t hookskip;           /* the instruction after a hook runs without one */
  uint8_t hookcall;           /* a call hook is due at the next instruction */
  uint8_t hookresume;         /* the stage hookskip takes when the hook returns */
  int16_t entry_nres;         /* results wanted by the call to start */
  uint8_t inblock;            /* TH_* below: parts inside its process's block */
  uint8_t exiterr;            /* a __close raised an error during process.exit /
                                 os.exit(c, true): the next ones get it (errval) */
  int nyield;                 /* values passed by the pending yield */
  int nci;                    /* number of CallInfos allocated */
  int nargs_resume;           /* coroutine: values passed by resume/yield */
  int ntbc, tbccap;
  int16_t nCcalls;            /* depth in the resume chain (main thread 3; < LU_MAXCCALLS) */
  uint8_t kstatus;            /* status passed to a C continuation */
  uint8_t closestatus;        /* error being unwound while __close runs */
  Proc *P;
  Value *top;                 /* first free slot */
  CallInfo *ci;               /* current frame */
  Value *stack;
  Value *stack_last;          /* end of usable stack (LU_EXTRA_STACK slots follow) */
  UpVal *openupval;           /* open upvalues, sorted by decreasing stack level */
  GCObj *gclist;
  lu_State *resumer;          /* thread that resumed this one (while running or normal) */
  lu_State *co_target;        /* coroutine being resumed by this thread's C frame */
  ptrdiff_t entry_func;       /* stack offset of the function to call */
  ptrdiff_t *tbc;             /* stack offsets of to-be-closed variables, in order */
  struct ThreadHook *hook;    /* debug.sethook's state, made by its first hook (or NULL) */
  CallInfo base_ci;           /* frame of the thread's entry */
  Value errval;               /* error object while unwinding */
};

/* the debug hook of a thread (debug.sethook), made with its first hook and
 * kept until the thread goes: every thread has a hookmask, few a hook */
typedef struct ThreadHook {
  Value f;                    /* the hook function, or nil */
  int count, basecount;
  int oldpc;                  /* last pc seen by the line hook in this frame */
  int ftransfer, ntransfer;   /* values a call/return hook sees (debug.getinfo 'r') */
} ThreadHook;

/* the main thread of a process is allocated with it, in one block
 * (state.c): these parts are not freed on their own */
#define TH_SELF    1          /* the lu_State */
#define TH_STACK   2          /* its current stack is the first one, in the block */
#define TH_CI      4          /* its first CallInfos (after base_ci) are in the block */

#define HOOK_CALL   1
#define HOOK_RET    2
#define HOOK_LINE   4
#define HOOK_COUNT  8

/* coroutine states */
#define CO_NEW        0       /* created, never resumed */
#define CO_RUNNING    1       /* running, or resumed another one (normal) */
#define CO_SUSPENDED  2       /* yielded */
#define CO_DEAD       3       /* returned or failed */

/* entry modes of vm_execute */
#define ENTRY_RESUME  0       /* continue L->ci (Lua: at savedpc; C: its continuation) */
#define ENTRY_CALL    1       /* call the function at entry_func as a fresh frame */
#define ENTRY_ERRH    2       /* call the message handler pushed at top-2 */
#define ENTRY_CLOSEERR 3      /* call the __close pushed at top-3 while unwinding */

#define stack_size(L)   ((int)((L)->stack_last - (L)->stack))

/* -------------------------------------------------------------------- the VM */
typedef struct AtomTable {
  String **hash;
  size_t size, nuse;
} AtomTable;

typedef struct NameEntry { char *name; uint64_t pid; } NameEntry;
typedef struct AliasEntry { uint64_t ref; uint64_t pid; } AliasEntry;

/* an entry of the timer heap: the deadline beside its timer (sched.c) */
typedef struct TimerEntry { double deadline; struct Timer *t; } TimerEntry;

struct VM {
  AtomTable atoms;            /* shared immortal strings (constants of code) */
  String *tmname[TM_N];       /* metamethod names, atoms */
  String *memerrmsg;          /* "not enough memory", atom */
  String *maxheapmsg;         /* "max_heap_size", atom */
  String *normalmsg;          /* "normal", atom: the reason of a process that returns */
  String *typenames[LU_NUMTYPES];   /* type()'s results, atoms */
  uint32_t seed;              /* hash seed for strings */
  uint64_t next_pid;          /* (processes issue) */
  size_t code_bytes;          /* bytes of the code area (prototypes) */
  /* the compiler, provided by the host (vm/ does not depend on compiler/):
   * returns a prototype or NULL with *err malloc'd */
  Proto *(*compile)(VM *vm, const char *src, size_t len, const char *chunkname, char **err);
  Proto *lualib;              /* compiled built-in Lua library (stdlib/), or NULL */
  Proto *luamods[16];         /* global libraries written in Lua, once loaded */
  Proto *prims[8];            /* primitive Lua functions (stdlib/prims), once loaded */
  LClosure *primcl[8];        /* their closures, shared by all processes (GC_SHARED) */
  /* blocks that dying and idle processes gave back, for the next ones to
   * take before malloc (gc.c, state.c): small blocks by size class, and
   * process blocks; bounded (VM_POOLBYTES, VM_POOLBLOCKS).  The scheduler's
   * (SMP: one pool per scheduler). */
  void *pool[8];
  size_t poolbytes;
  void *blockpool;
  size_t nblockpool;
  /* process runtime (proc.c, sched.c): the scheduler thread's */
  struct PtabSlot *ptab;      /* open addressing: pid -> Proc (proc.c) */
  size_t ptab_size, ptab_n;
  uint64_t next_ref;
  NameEntry *names;           /* registered names (open addressing by name) */
  size_t names_size, names_n;
  AliasEntry *aliases;        /* active aliases: ref -> owner pid */
  size_t aliases_size, aliases_n;
  Proc *rq_head, *rq_tail;    /* run queue */
  Proc *current;              /* process being run */
  TimerEntry *theap;          /* timer min-heap by deadline (sched.c) */
  size_t theap_n, theap_cap;
  size_t ntimers, tdead;      /* live timers; cancelled ones still in theap */
  struct Timer **tmap;        /* ref -> timer (send_after, for cancel_timer) */
  size_t tmap_size, tmap_n;
  uint64_t timer_seq;         /* timers made so far (ties between equal deadlines) */
  struct TrimEntry *trimq;    /* blocked processes with big free lists (sched.c) */
  size_t trimq_n, trimq_cap;
  uint32_t trimslices;        /* slices since the last look at trimq */
  double trimlast;            /* when it was (sched_now, ms) */
  int nprocs;                 /* live processes */
  Proc *mainproc;             /* script mode: the VM ends with it */
  int budget;                 /* reductions per slice (LU_REDUCTIONS, or 1 for tests) */
  int exitcode;               /* os.exit */
  bool exiting;               /* set when the VM is done: sched_run returns exitcode */
  bool exitclose;             /* os.exit(code, true) is closing process exitpid: it
                                 unwinds (its main thread's to-be-closed variables
                                 are closed), runs its finalizers and ends; nothing
                                 else runs meanwhile; then the VM ends with exitcode */
  uint64_t exitpid;
  void *host;                 /* the host's data (the command's options) */
  uint8_t sandbox;            /* lurel --sandbox: see lazy.h; set before any process */
  size_t maxheap_default;     /* max_heap_size of new processes (0: none) */
  String *longatoms;           /* long constant strings (never freed before the VM) */
  struct ModCode *modcode;    /* compiled Lua modules, once per VM (lib_package.c) */
  int nmodcode, capmodcode;
  char *dftpaths;             /* the default package.path "\0" cpath */
  struct IoWait *iowait;      /* processes waiting for input on fds (lib_io.c) */
  struct SchedPoll *poller;   /* watched fds and the tick (sched.c; the host's terminal), or NULL */
};

/* ------------------------------------------------------------------ processes */
typedef struct FreeLists FreeLists;

/* A protected context: every user sets P->errorjmp to one, catches with
 * LU_SETJMP (0 when set, nonzero when an error came back) and lu_throw
 * leaves with LU_LONGJMP; the status travels in status, never in the jump.
 * GCC's __builtin_setjmp saves three words (no signal mask, no register
 * file), a few instructions against glibc's ~55, and the driver sets one
 * every time slice.  Under AddressSanitizer the plain functions (ASan
 * intercepts longjmp to unpoison the stack it leaves); the plain ones also
 * where the builtin is missing (clang has it on x86, PowerPC, SystemZ).
 * The builtin's receiver reloads what it needs from the frame, but locals
 * changed after LU_SETJMP and read after the jump still need volatile for
 * the plain one. */
#if defined(__SANITIZE_ADDRESS__)
#define LU_JMP_PLAIN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LU_JMP_PLAIN 1
#endif
#endif
#if !defined(LU_JMP_PLAIN) && defined(__GNUC__) && \
    (!defined(__clang__) || defined(__x86_64__) || defined(__i386__) || \
     defined(__powerpc__) || defined(__s390x__))
typedef void *lu_JmpBuf[5];
#define LU_SETJMP(j)   __builtin_setjmp((j).b)
#define LU_LONGJMP(j)  __builtin_longjmp((j).b, 1)
#else
typedef jmp_buf lu_JmpBuf;
#define LU_SETJMP(j)   setjmp((j).b)
#define LU_LONGJMP(j)  longjmp((j).b, 1)
#endif

typedef struct lu_Jmp {
  struct lu_Jmp *previous;
  lu_JmpBuf b;
  volatile int status;
} lu_Jmp;

struct Msg;
struct QMsg;
struct Timer;

/* a collection's work lists (gc.c): they live on the collector's C stack
 * while it runs (a collection is atomic), not in every Proc */
typedef struct GCWork {
  Proc *P;                    /* the process being collected */
  GCObj *gray;                /* mark work list */
  Table *weak;                /* tables with weak values, found while marking */
  Table *ephemeron;           /* tables with weak keys */
  Table *allweak;             /* tables with weak keys and values */
} GCWork;

/* Field order: small fields packed together, no padding holes (an idle
 * process is mostly this struct; see docs/internals.md, "memory of a
 * process"). */
/* The parts of a process that most processes never use, made on first
 * need (proc_extra): an idle process does without. */
typedef struct ProcExtra {
  char *pkgpaths;             /* package.path "\0" cpath inherited at spawn, or NULL */
  char *regname;              /* registered name (in vm->names), or NULL */
  GCObj *finobj;              /* objects with a __gc finalizer (not on allgc) */
  GCObj *tobefnz;             /* unreachable ones waiting for their finalizer */
  Value registry;             /* registry table (proc_registry creates it) */
  Table *loaded;              /* package.loaded (proc_loaded creates it) */
  uint64_t *rng;              /* math.random state (xoshiro256**), made by the math library */
  Table **mt;                 /* metatables of the other basic types (NULL: none yet) */
  lu_State *scratch;          /* thread for running library openers (lazy.c) */
  size_t memlimit;            /* 0 = none; past it allocation fails ("not enough
                                 memory"): simulated out-of-memory for tests */
  size_t maxheap;             /* max_heap_size, 0 = unlimited; past it the
                                 process is killed (proc_setmaxheap) */
  Value exitreason;           /* set when an exit signal or kill ends it */
  uint16_t gcstepmul;         /* as set by collectgarbage (not used for pacing; 0: 100) */
  Table **libinst;            /* library instances but the process library's
                                 (ProcBlock), by LIB_ index (lazy.h), or NULL */
  int nlibinst;               /* length of libinst (at most LIB_MAX) */
} ProcExtra;

struct Proc {
  VM *vm;
  /* identity and scheduling (proc.c, sched.c) */
  uint64_t pid;
  uint8_t pstate;             /* PS_* (proc.h) */
  uint8_t trap_exit;
  uint8_t timedout;           /* the receive timer fired */
  uint8_t inrunq;
  uint8_t killed;             /* ends without running Lua code */
  uint8_t interrupt;          /* its next slice starts by raising "interrupted!" (the shell's Ctrl-C) */
  uint8_t gcpause4;           /* the pause (percent, like Lua's) / 4, as lua5.4 keeps
                                 it (pacing uses at least 100) */
  uint8_t finrunning : 1;     /* finalizers are being called */
  uint8_t finalizing : 1;     /* the process ended; its last finalizers run */
  uint8_t gcgen : 1;          /* collectgarbage's mode: "generational" (as lua.c
                                 starts) or "incremental"; one collector either way */
  uint8_t gcstopped : 1;
  uint8_t warn_on : 1;
  uint8_t scratchbusy : 1;
  uint8_t heaplimits : 1;     /* ex->memlimit or ex->maxheap is set (gc.c) */
  uint8_t trimq : 1;          /* in vm->trimq (sched.c) */
  int32_t reds;               /* reductions left in the slice (of proc_budget) */
  int mq_len;
  uint32_t naliases;          /* active aliases in vm->aliases */
  uint32_t strt_size, strt_nuse;   /* interned short strings (strt) */
  uint32_t nblocks;           /* times it blocked in receive (sched.c: trimming idle ones) */
  Proc *rq_next;
  /* messages: inbox (others append; SMP: under a lock), private queue */
  struct Msg *inbox_head, **inbox_tail;
  struct QMsg *mq_head, **mq_tail;
  struct QMsg **save;         /* receive: link to the next message to examine */
  struct QMsg **mark;         /* receive marker (make_ref etc.) */
  uint64_t mark_ref;
  /* links and monitors (proc.c), allocated with the first one */
  struct ProcRel *rel;
  struct Timer *timer;        /* receive timeout / sleep */
  struct ProcExtra *ex;       /* what most processes never use, or NULL: proc_extra() */
  /* heap */
  GCObj *allgc;               /* every collectable object of this process */
  size_t totalbytes;          /* bytes allocated, off-heap bytes included */
  size_t gcthreshold;         /* collect when totalbytes passes this */
  struct FreeLists *fl;       /* small free blocks by size class (gc.c), or NULL */
  /* what it reads first beyond its block when a message wakes it: the
   * closure it waits in, noted when it blocks (mbox.c), prefetched when a
   * message comes (state.c: proc_prefetch_woken); never read through, so
   * stale is harmless */
  const void *wakehint;
  /* interned short strings */
  String **strt;
  /* the Lua universe */
  Table *globals;             /* NULL until first used: proc_globals() */
  Table *strmt;               /* metatable of strings */
  lu_State *L;                /* running thread */
  lu_Jmp *errorjmp;
  uint64_t reductions;        /* total reductions */
};

/* A new process is one malloc'd block (proc_new): the Proc, its main
 * thread, the thread's first CallInfo (the spawned function's frame) and
 * first stack, and room for the process library's instance with a one-node
 * hash part, which nearly every process makes (lazy.c).  A stack that grows
 * moves out of the block; the CallInfo in it stays linked, first after
 * base_ci, for good; a hash part that grows leaves the block's node unused.
 * Nothing in it is freed alone.  See docs/internals.md, "memory of a
 * process". */
#define PROC_STACK0  6        /* usable slots of the first stack: state.c */
typedef struct ProcBlock {
  Proc P;
  lu_State L;
  CallInfo ci[1];
  Table procinst;             /* made when tt is T_TABLE (calloc'd: nil) */
  Node procnode;
  Value stack[PROC_STACK0 + LU_EXTRA_STACK];
} ProcBlock;
#define proc_block(P)       ((ProcBlock *)(P))
/* the process's main thread */
#define proc_mainthread(P)  (&proc_block(P)->L)
/* the process library's instance, or NULL if not made yet (lazy.c) */
#define proc_procinst(P)    (proc_block(P)->procinst.tt == T_TABLE ? &proc_block(P)->procinst : NULL)

/* metatable of the basic type t (strings: P->strmt) */
#define proc_typemt(P, t)  ((t) == LU_TSTRING ? (P)->strmt : (P)->ex && (P)->ex->mt ? (P)->ex->mt[t] : NULL)
void proc_settypemt(Proc *P, int t, Table *mt);
/* P's ProcExtra, made (zeroed) if it has none yet */
ProcExtra *proc_extra(Proc *P);
#define proc_regname(P)   ((P)->ex ? (P)->ex->regname : NULL)
#define proc_finobj(P)    ((P)->ex ? (P)->ex->finobj : NULL)
#define proc_tobefnz(P)   ((P)->ex ? (P)->ex->tobefnz : NULL)
#define proc_maxheap(P)   ((P)->ex ? (P)->ex->maxheap : 0)   /* 0: unlimited */
#define proc_loadedp(P)   ((P)->ex ? (P)->ex->loaded : NULL)      /* NULL: not made yet */
/* reductions per slice: the VM's (LUREL_REDUCTIONS), the same for every process */
#define proc_budget(P)    ((P)->vm->budget ? (P)->vm->budget : LU_REDUCTIONS)
/* why the process ends (nil: not set), and the slot to set it */
#define proc_exitreason(P)    ((const Value *)((P)->ex ? &(P)->ex->exitreason : VAL_ABSENT))
#define proc_setexitreason(P) (&proc_extra(P)->exitreason)
/* the process's globals table, made (empty and lazy, lazy.h) on first use */
Table *proc_globals(Proc *P);

#define G(L)          ((L)->P)
#define proc_vm(P)    ((P)->vm)

/* state.c */
VM *vm_new(void);
void vm_free(VM *vm);
Proc *proc_new(VM *vm);
void proc_free(Proc *P);
void proc_prefetch(const Proc *P, int stage);   /* what its next slice reads first, stage 0-4 (state.c) */
void proc_prefetch_woken(const Proc *P);        /* and, once its block is in, what it reads beyond it */
lu_State *thread_new(Proc *P);
void thread_free(Proc *P, lu_State *L1);
void stack_grow(lu_State *L, int n);          /* raises "stack overflow" */
void stack_realloc(lu_State *L, int newsize);
void stack_move(lu_State *L, Value *newstack, int newsize);
CallInfo *ci_extend(lu_State *L);
void ci_shrink(lu_State *L);

#define stack_check(L, n) \
  do { if (lu_unlikely((L)->stack_last - (L)->top <= (n))) stack_grow(L, n); } while (0)
#define savestack(L, p)     ((char *)(p) - (char *)(L)->stack)
#define restorestack(L, n)  ((Value *)((char *)(L)->stack + (n)))

#define ci_next(L) ((L)->ci->next ? ((L)->ci = (L)->ci->next) : ((L)->ci = ci_extend(L)))

#endif
