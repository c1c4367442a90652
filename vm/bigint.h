/*
 * bigint.h — arbitrary-precision integers (GMP), the T_BIGINT value type.
 *
 * A bigint is an immutable heap object of its process, holding an mpz_t.
 * Every operation makes a new object, so a bigint never changes after it
 * was made and its limbs are allocated once.  The limbs live outside the
 * heap (GMP's allocator, plain malloc) but are charged to the process:
 * 'charged' records the bytes added to P->totalbytes, which the collector
 * takes back when it frees the object (gc_freeobj -> big_free).
 *
 * Semantics (the VM's, from interp.c, table.c, value.c):
 *  - a bigint compares with integers, floats and other bigints by value,
 *    exactly (no rounding); raw equality too, so bigint(5) == 5 and
 *    rawequal(bigint(5), 5) are both true;
 *  - as a table key, a bigint that fits in an integer is that integer key
 *    (as a float with an integral value is); a larger one is keyed by value;
 *  - + - * // % ^ and the bitwise operators on bigints and integers give
 *    bigints (exact; // and % floor like Lua's); a float operand turns
 *    the operation into a float one (the bigint rounded to the nearest
 *    float), as an integer operand would in Lua; / always gives a float,
 *    and so does ^ with a negative or float exponent.
 *
 * GMP's memory functions are process-wide.  They are set once (big_setup,
 * from vm_new) to malloc/realloc/free wrappers that, when malloc fails,
 * raise "not enough memory" in the process named by a thread-local owner
 * (set only around GMP calls of the running process; SMP-safe: one per
 * scheduler thread) instead of letting GMP abort.  Results that could not
 * be allocated at all are refused before calling GMP (big_reserve), so that
 * path is for a machine really out of memory.
 */
#ifndef LU_BIGINT_H
#define LU_BIGINT_H

#include <gmp.h>
#include "state.h"

typedef struct BigInt {
  GC_HEADER;
  size_t charged;           /* limb bytes counted in the owner's totalbytes */
  mpz_t z;
} BigInt;

#define val_bigint(o)        ((BigInt *)(o)->v.gc)
#define val_setbigint(o, b)  val_setgc(o, b, T_BIGINT)

/* Largest bigint (bits) an operation may produce: past it, an error. */
#define BIG_MAXBITS  ((size_t)1 << 32)

void big_setup(void);

/* A new bigint (value 0) in P's heap. */
BigInt *big_new(Proc *P);
/* After computing into b->z: charge its limbs to P. */
void big_charge(Proc *P, BigInt *b);
void big_free(Proc *P, BigInt *b);

/* A copy of src in fragment memory dst (a fresh object whose header the
 * caller set up); false when out of memory.  *bytes: limb bytes taken. */
bool big_fragcopy(BigInt *dst, const BigInt *src, size_t *bytes);
void big_fragfree(BigInt *b);

bool big_fitsint(const BigInt *b, lu_Int *i);
uint32_t big_hash(const BigInt *b);
bool big_equal(const BigInt *a, const BigInt *b);
/* a or b a bigint, the other anything: raw equality by value */
bool big_rawequal(const Value *a, const Value *b);
/* The nearest float. */
lu_Num big_tonumber(const BigInt *b);

/* Arithmetic (TM_ADD.. TM_BNOT) with a bigint operand; the other one is a
 * bigint, number or numeric string (for TM_UNM/TM_BNOT a == b).  Stores
 * the result and returns true, or returns false when an operand is of
 * another type (the caller tries metamethods). */
bool big_arith(lu_State *L, int op, const Value *a, const Value *b, Value *res);
/* < (TM_LT) or <= (TM_LE) with a bigint operand and a number or bigint
 * other: 0/1, or -1 when an operand is of another type. */
int big_order(const Value *a, const Value *b, int op);

/* Text of b in base 2..62 (10: what tostring gives). */
String *big_tostr(lu_State *L, const BigInt *b, int base);

#endif
