/*
 * vm.h — the interpreter and the operations it shares with the libraries:
 * number conversions, arithmetic with Lua 5.4 semantics, comparisons.
 */
#ifndef LU_VM_H
#define LU_VM_H

#include <math.h>
#include "state.h"

/* Run Lua frames of L (stackless) from L->ci until the entry frame of the
 * run returns (LU_OK), or reductions run out (LU_PREEMPT).  Errors longjmp
 * to the driver (do.c). */
int vm_execute(lu_State *L);

/* ---- conversions ---- */
/* Convert a string to a number with Lua's lexical rules; returns the size
 * consumed + 1 (like lua_stringtonumber) or 0 when it is not a numeral. */
size_t vm_str2num(const char *s, Value *o);
size_t vm_lstr2num(const char *s, size_t len, Value *o);   /* whole buffer */
/* Write a number as tostring() does; returns its length (buf >= 50 bytes). */
int vm_num2str(const Value *o, char *buf);
#define LU_NUMBUF 50

typedef enum { F2Ieq, F2Ifloor, F2Iceil } F2Imod;
bool vm_flttoint(lu_Num n, lu_Int *p, F2Imod mode);
/* number or numeric string -> float / integer (strings coerced) */
bool vm_tonumber(const Value *o, lu_Num *n);
bool vm_tointeger(const Value *o, lu_Int *p, F2Imod mode);
/* integer, or float with an exact integer value (no strings) */
LU_INLINE bool vm_tointegerns(const Value *o, lu_Int *p) {
  if (val_isint(o)) { *p = val_int(o); return true; }
  if (val_isflt(o)) return vm_flttoint(val_flt(o), p, F2Ieq);
  return false;
}
/* Convert a string value in place to a number (arith on strings). */
bool vm_cvt2num(const Value *o, Value *out);

/* ---- arithmetic ---- */
lu_Int vm_idiv(lu_State *L, lu_Int m, lu_Int n);
lu_Int vm_mod(lu_State *L, lu_Int m, lu_Int n);
lu_Num vm_modf(lu_Num m, lu_Num n);
lu_Int vm_shiftl(lu_Int x, lu_Int y);
#define vm_shiftr(x, y) vm_shiftl(x, (lu_Int)(0u - (lu_Unsigned)(y)))
LU_INLINE lu_Num vm_pow(lu_Num a, lu_Num b) { return (b == 2) ? a * a : pow(a, b); }
LU_INLINE lu_Num vm_floordivf(lu_Num a, lu_Num b) { return floor(a / b); }
/* Raw arithmetic on two numbers (op is a TM_ event); false if not numbers
 * (or, for bitwise ops, not convertible to integers). */
bool vm_rawarith(lu_State *L, int op, const Value *a, const Value *b, Value *res);

/* ---- comparisons (numbers and strings; no metamethods) ---- */
bool vm_lessthan_num(const Value *a, const Value *b);
bool vm_lessequal_num(const Value *a, const Value *b);
bool vm_equal_num(const Value *a, const Value *b);

/* tostring of a number or string value without metamethods; NULL otherwise */
String *vm_tostring(lu_State *L, const Value *o);
void vm_concat_values(lu_State *L, Value *first, int n);

#endif
