/*
 * value.h — tagged values and the layout of every heap object.
 *
 * A Value is 16 bytes: an 8-byte payload and a one-byte tag.  Integers and
 * floats are distinct tags (Lua 5.4 subtypes).  Booleans are two tags, so a
 * value is false-ish exactly when its tag is <= T_FALSE.  Tags from T_STR up
 * are collectable: the payload points to a GC object whose header repeats
 * the tag.  Pids and refs are immediates (no heap object): copying them in
 * messages is free.
 *
 * Invariant: values are read and built only through the accessors below.
 * Table nodes reuse the Value prefix {v, tt} and put key fields after it, so
 * a value is never copied by struct assignment (that would clobber a node's
 * key): always val_copy().
 *
 * Ownership: every collectable object belongs to exactly one process heap
 * (its allgc list), except "shared" objects (GC_SHARED bit): constant
 * strings of compiled code, which live as long as the VM and are never
 * marked or freed by a process.  No object of one process heap ever points
 * into another's.
 */
#ifndef LU_VALUE_H
#define LU_VALUE_H

#include "lurel.h"
#include <string.h>

enum {
  T_NIL = 0, T_FALSE, T_TRUE, T_INT, T_FLT,
  T_LCF,          /* light C function (no upvalues) */
  T_LUD,          /* light userdata: a raw C pointer */
  T_PID,          /* process identifier (immediate) */
  T_REF,          /* unique reference (immediate) */
  /* collectable from here on */
  T_STR,
  T_TABLE,
  T_LCL,          /* Lua closure */
  T_CCL,          /* C closure */
  T_THREAD,
  T_UDATA,
  T_BIGINT,
  T_UPVAL,        /* internal */
  T_DEADKEY,      /* internal: key of a dead table entry (never dereferenced) */
  T_NTAGS
};
#define T_FIRSTGC T_STR

typedef struct GCObj GCObj;
typedef struct String String;
typedef struct Table Table;
typedef struct LClosure LClosure;
typedef struct CClosure CClosure;
typedef struct Udata Udata;
typedef struct UpVal UpVal;
typedef struct Proto Proto;

/* Common header of collectable objects. */
#define GC_HEADER  GCObj *next; uint8_t tt; uint8_t marked
struct GCObj { GC_HEADER; };

/* marked bits */
#define GC_BLACK    0x01     /* reached in the current collection */
#define GC_SHARED   0x02     /* immortal, shared between processes: never marked/freed */
#define GC_FINOBJ   0x04     /* has a __gc finalizer pending */
#define GC_FIXED    0x08     /* never collected (per-process fixed objects) */
#define GC_LAZY     0x10     /* table: library entries materialise on first use (lazy.c) */
#define GC_ANY      0x20     /* table: made by process.any (a pattern) */
#define GC_MODULE   0x40     /* table: a module require stored in package.loaded */
#define GC_INLARR   0x80     /* table: allocated with room for its first array part (table.h) */

typedef union Val {
  GCObj *gc;
  void *p;
  lu_CFunction f;
  lu_Int i;
  lu_Num n;
  uint64_t u;
} Val;

typedef struct Value {
  Val v;
  uint8_t tt;
} Value;

/* ---- tag tests ---- */
#define val_tt(o)          ((o)->tt)
#define val_isnil(o)       ((o)->tt == T_NIL)
#define val_isfalsy(o)     ((o)->tt <= T_FALSE)
#define val_isbool(o)      ((o)->tt == T_FALSE || (o)->tt == T_TRUE)
#define val_isint(o)       ((o)->tt == T_INT)
#define val_isflt(o)       ((o)->tt == T_FLT)
#define val_isnum(o)       ((o)->tt == T_INT || (o)->tt == T_FLT)
#define val_isstr(o)       ((o)->tt == T_STR)
#define val_istable(o)     ((o)->tt == T_TABLE)
#define val_islcl(o)       ((o)->tt == T_LCL)
#define val_isccl(o)       ((o)->tt == T_CCL)
#define val_islcf(o)       ((o)->tt == T_LCF)
#define val_isfunc(o)      ((o)->tt == T_LCL || (o)->tt == T_LCF || (o)->tt == T_CCL)
#define val_iscfunc(o)     ((o)->tt == T_LCF || (o)->tt == T_CCL)
#define val_isthread(o)    ((o)->tt == T_THREAD)
#define val_isudata(o)     ((o)->tt == T_UDATA)
#define val_islud(o)       ((o)->tt == T_LUD)
#define val_ispid(o)       ((o)->tt == T_PID)
#define val_isref(o)       ((o)->tt == T_REF)
#define val_isbigint(o)    ((o)->tt == T_BIGINT)
#define val_iscollectable(o) ((o)->tt >= T_FIRSTGC)

/* ---- payload access ---- */
#define val_int(o)         ((o)->v.i)
#define val_flt(o)         ((o)->v.n)
#define val_gc(o)          ((o)->v.gc)
#define val_str(o)         ((String *)(o)->v.gc)
#define val_table(o)       ((Table *)(o)->v.gc)
#define val_lcl(o)         ((LClosure *)(o)->v.gc)
#define val_ccl(o)         ((CClosure *)(o)->v.gc)
#define val_lcf(o)         ((o)->v.f)
#define val_thread(o)      ((lu_State *)(o)->v.gc)
#define val_udata(o)       ((Udata *)(o)->v.gc)
#define val_lud(o)         ((o)->v.p)
#define val_pid(o)         ((o)->v.u)
#define val_ref(o)         ((o)->v.u)
#define val_numval(o)      (val_isint(o) ? (lu_Num)val_int(o) : val_flt(o))

/* ---- setters (dst is a Value* or a node's value prefix) ---- */
#define val_setnil(o)      ((o)->tt = T_NIL)
#define val_setbool(o, b)  ((o)->tt = (b) ? T_TRUE : T_FALSE)
#define val_setfalse(o)    ((o)->tt = T_FALSE)
#define val_settrue(o)     ((o)->tt = T_TRUE)
#define val_setint(o, x)   do { Value *io_ = (o); io_->v.i = (x); io_->tt = T_INT; } while (0)
#define val_setflt(o, x)   do { Value *io_ = (o); io_->v.n = (x); io_->tt = T_FLT; } while (0)
#define val_setgc(o, x, t) do { Value *io_ = (o); io_->v.gc = (GCObj *)(x); io_->tt = (t); } while (0)
#define val_setstr(o, s)   val_setgc(o, s, T_STR)
#define val_settable(o, t) val_setgc(o, t, T_TABLE)
#define val_setlcl(o, c)   val_setgc(o, c, T_LCL)
#define val_setccl(o, c)   val_setgc(o, c, T_CCL)
#define val_setthread(o, t) val_setgc(o, t, T_THREAD)
#define val_setudata(o, u) val_setgc(o, u, T_UDATA)
#define val_setlcf(o, fn)  do { Value *io_ = (o); io_->v.f = (fn); io_->tt = T_LCF; } while (0)
#define val_setlud(o, x)   do { Value *io_ = (o); io_->v.p = (x); io_->tt = T_LUD; } while (0)
#define val_setpid(o, x)   do { Value *io_ = (o); io_->v.u = (x); io_->tt = T_PID; } while (0)
#define val_setref(o, x)   do { Value *io_ = (o); io_->v.u = (x); io_->tt = T_REF; } while (0)
/* The one way to copy a value. */
#define val_copy(d, s)     do { Value *d_ = (d); const Value *s_ = (s); d_->v = s_->v; d_->tt = s_->tt; } while (0)

/* Raw equality of two values (no metamethods); strings by content. */
bool val_rawequal(const Value *a, const Value *b);

/* Lua type (LU_T*) of a tag, and its name. */
extern const int8_t val_luatype_of_tag[T_NTAGS];
#define val_luatype(o)     (val_luatype_of_tag[(o)->tt])
const char *val_typename(int luatype);

/* A nil value usable as "absent" result (read-only). */
extern const Value val_nilvalue;
#define VAL_ABSENT (&val_nilvalue)

#endif
