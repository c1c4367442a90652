/*
 * object.h — layout of heap objects: strings, tables, closures, upvalues,
 * userdata, and compiled prototypes.
 *
 * Process-heap objects start with GC_HEADER and are linked on their
 * process's allgc list.  Prototypes are not heap objects: they belong to
 * the VM's code area, are immutable after loading, and are shared by every
 * process that runs them (reference counted: each closure and each parent
 * prototype holds one reference).  Their string constants are shared,
 * immortal strings (GC_SHARED) interned in the VM's atom table.
 */
#ifndef LU_OBJECT_H
#define LU_OBJECT_H

#include "value.h"

/* ---------------------------------------------------------------- strings
 * Short strings (len <= LU_MAXSHORTLEN) keep their bytes inline and are
 * interned: per process, after looking in the VM's atom table.  Equality is
 * by pointer first, then by (hash, length, bytes), because a string made by
 * a process before an equal constant was loaded stays a separate object.
 * Long strings keep their bytes in a Blob, immutable and reference counted,
 * so that sending one to another process copies only the small header.
 */
typedef struct Blob {
  size_t refcount;          /* atomic once SMP lands */
  size_t len;
  char data[];              /* len bytes + '\0' */
} Blob;

struct String {
  GC_HEADER;
  uint8_t islong;
  uint8_t hashed;           /* long strings: hash computed lazily */
  uint32_t hash;
  size_t len;
  union {
    String *hnext;          /* short: chain in the intern table */
    Blob *blob;             /* long: the bytes */
  } u;
  char data[];              /* short: len bytes + '\0' */
};

#define str_data(s)   ((s)->islong ? (s)->u.blob->data : (s)->data)
#define str_len(s)    ((s)->len)

/* ----------------------------------------------------------------- tables
 * Array part: Values for keys 1..asize.  Hash part: 2^lsizenode nodes,
 * chained scatter table with Brent's variation (a key not in its main
 * position was moved there by a collision; 'next' is a relative offset).
 * A node reuses the Value prefix {v, tt} for its value, then the key.
 */
typedef struct Node {
  Val v;                    /* value payload */
  uint8_t tt;               /* value tag */
  uint8_t ktt;              /* key tag */
  int32_t next;             /* offset to next node in the chain */
  Val k;                    /* key payload */
} Node;

#define node_val(n)   ((Value *)(n))

struct Table {
  GC_HEADER;
  uint8_t flags;            /* bit set => metamethod known absent (cache) */
  uint8_t lsizenode;        /* log2 of the hash part size */
  uint32_t asize;           /* array part size */
  uint32_t alimit;          /* lua5.4's 'alimit' (<= asize): see table.h */
  Value *array;
  Node *node;
  Node *lastfree;           /* all free nodes are below this */
  Table *metatable;
  GCObj *gclist;
};

/* --------------------------------------------------------------- upvalues */
struct UpVal {
  GC_HEADER;
  uint8_t tbc;              /* unused for now */
  Value *v;                 /* points to the stack slot, or to u.value when closed */
  union {
    struct { UpVal *next; UpVal **prev; } open;   /* list of open upvalues of a thread */
    Value value;            /* the value, once closed */
  } u;
};
#define upval_isopen(uv)  ((uv)->v != &(uv)->u.value)

/* --------------------------------------------------------------- closures */
struct LClosure {
  GC_HEADER;
  uint8_t nupvalues;
  GCObj *gclist;
  Proto *p;
  UpVal *upvals[];
};

struct CClosure {
  GC_HEADER;
  uint8_t nupvalues;
  GCObj *gclist;
  lu_CFunction f;
  Value upvalue[];
};

/* --------------------------------------------------------------- userdata */
struct Udata {
  GC_HEADER;
  uint8_t nuvalue;
  size_t len;
  Table *metatable;
  GCObj *gclist;
  const void *tag;          /* C-side type tag (checkudata), optional */
  void (*release)(void *);  /* frees C resources when collected, optional */
  /* followed by nuvalue Values, then len bytes of data (aligned) */
};
#define udata_uv(u)    ((Value *)((char *)(u) + sizeof(Udata)))
#define udata_mem(u)   ((void *)((char *)(u) + sizeof(Udata) + (u)->nuvalue * sizeof(Value)))

/* ------------------------------------------------------------- prototypes */
typedef struct UpvalDesc {
  String *name;             /* may be NULL (stripped) */
  uint8_t instack;          /* in the enclosing function's registers? */
  uint8_t idx;              /* register or upvalue index */
  uint8_t kind;             /* 0 regular, 1 const, 2 to-be-closed, 3 compile-time const */
} UpvalDesc;

typedef struct LocVar {
  String *name;
  int32_t startpc;          /* first pc where the variable is active */
  int32_t endpc;            /* first pc where it is dead */
} LocVar;

struct Proto {
  size_t refcount;          /* closures + parents holding it (atomic once SMP lands) */
  uint8_t numparams;
  uint8_t is_vararg;
  uint8_t maxstacksize;
  uint8_t stripped;
  int32_t sizecode, sizek, sizep, sizeupvalues, sizelocvars;
  int32_t linedefined, lastlinedefined;
  Instr *code;
  Value *k;                 /* constants: nil, booleans, numbers, shared strings */
  Proto **p;
  UpvalDesc *upvalues;
  int32_t *lineinfo;        /* line of each instruction (NULL if stripped) */
  LocVar *locvars;
  String *source;           /* shared string, may be NULL */
  size_t memsize;           /* bytes, for accounting */
  uint8_t recvprim;         /* the function of process.receive (stdlib/prims): a
                               CALL of it runs the receive in the caller's frame */
};

#endif
