/* num.c — numeric conversions and arithmetic with Lua 5.4 semantics. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include "vm.h"
#include "do.h"
#include "str.h"
#include "tm.h"

bool vm_flttoint(lu_Num n, lu_Int *p, F2Imod mode) {
  lu_Num f = floor(n);
  if (n != f) {
    if (mode == F2Ieq) return false;
    else if (mode == F2Iceil) f += 1;
  }
  /* -2^63 <= f < 2^63 */
  if (f >= -9223372036854775808.0 && f < 9223372036854775808.0) {
    *p = (lu_Int)f;
    return true;
  }
  return false;
}

/* ---------------------------------------------------- string -> number */

static int hexvalue(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (tolower(c) - 'a') + 10;
}

static const char *l_str2int(const char *s, lu_Int *result) {
  lu_Unsigned a = 0;
  int empty = 1;
  int neg;
  while (isspace((unsigned char)*s)) s++;
  neg = (*s == '-');
  if (*s == '-' || *s == '+') s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s += 2;
    for (; isxdigit((unsigned char)*s); s++) { a = a * 16 + (lu_Unsigned)hexvalue(*s); empty = 0; }
  } else {
    int d;
    lu_Unsigned maxby10 = (lu_Unsigned)LU_MAXINT / 10;
    int maxlastd = (int)((lu_Unsigned)LU_MAXINT % 10);
    for (; isdigit((unsigned char)*s); s++) {
      d = *s - '0';
      if (a >= maxby10 && (a > maxby10 || d > maxlastd + neg)) return NULL;  /* overflow: read as float */
      a = a * 10 + (lu_Unsigned)d;
      empty = 0;
    }
  }
  while (isspace((unsigned char)*s)) s++;
  if (empty || *s != '\0') return NULL;
  *result = (lu_Int)(neg ? 0u - a : a);
  return s;
}

static const char *l_str2d(const char *s, lu_Num *result) {
  const char *pmode = strpbrk(s, ".xXnN");
  int mode = pmode ? tolower((unsigned char)*pmode) : 0;
  if (mode == 'n') return NULL;    /* reject 'inf' and 'nan' */
  char *endptr;
  *result = strtod(s, &endptr);
  if (endptr == s) return NULL;
  /* strtod may depend on the locale's decimal point; Lurel never changes
   * LC_NUMERIC from "C", so '.' is always right */
  while (isspace((unsigned char)*endptr)) endptr++;
  return (*endptr == '\0') ? endptr : NULL;
}

size_t vm_str2num(const char *s, Value *o) {
  lu_Int i;
  lu_Num n;
  const char *e;
  if ((e = l_str2int(s, &i)) != NULL) val_setint(o, i);
  else if ((e = l_str2d(s, &n)) != NULL) val_setflt(o, n);
  else return 0;
  return (size_t)(e - s) + 1;
}

size_t vm_lstr2num(const char *s, size_t len, Value *o) {
  /* strings with embedded zeros are not numerals */
  if (strlen(s) != len) return 0;
  return vm_str2num(s, o) == len + 1 ? len + 1 : 0;
}

bool vm_cvt2num(const Value *o, Value *out) {
  if (!val_isstr(o)) return false;
  String *s = val_str(o);
  return vm_lstr2num(str_data(s), str_len(s), out) != 0;
}

bool vm_tonumber(const Value *o, lu_Num *n) {
  Value v;
  if (val_isint(o)) { *n = (lu_Num)val_int(o); return true; }
  if (val_isflt(o)) { *n = val_flt(o); return true; }
  if (vm_cvt2num(o, &v)) { *n = val_numval(&v); return true; }
  return false;
}

bool vm_tointeger(const Value *o, lu_Int *p, F2Imod mode) {
  Value v;
  if (vm_cvt2num(o, &v)) o = &v;
  if (val_isint(o)) { *p = val_int(o); return true; }
  if (val_isflt(o)) return vm_flttoint(val_flt(o), p, mode);
  return false;
}

/* ---------------------------------------------------- number -> string */

int vm_num2str(const Value *o, char *buf) {
  int len;
  if (val_isint(o)) {
    len = snprintf(buf, LU_NUMBUF, "%lld", (long long)val_int(o));
  } else {
    len = snprintf(buf, LU_NUMBUF, "%.14g", val_flt(o));
    if (buf[strspn(buf, "-0123456789")] == '\0') {  /* looks like an int? */
      buf[len++] = '.';
      buf[len++] = '0';
      buf[len] = '\0';
    }
  }
  return len;
}

String *vm_tostring(lu_State *L, const Value *o) {
  if (val_isstr(o)) return val_str(o);
  if (val_isnum(o)) {
    char buf[LU_NUMBUF];
    int len = vm_num2str(o, buf);
    return str_new(L->P, buf, (size_t)len);
  }
  return NULL;
}

/* ---------------------------------------------------------- arithmetic */

lu_Int vm_idiv(lu_State *L, lu_Int m, lu_Int n) {
  if (lu_unlikely((lu_Unsigned)n + 1u <= 1u)) {   /* n == 0 or n == -1 */
    if (n == 0) lu_runerror(L, "attempt to divide by zero");
    return (lu_Int)(0u - (lu_Unsigned)m);          /* avoid overflow of mininteger // -1 */
  }
  lu_Int q = m / n;
  if ((m ^ n) < 0 && m % n != 0) q -= 1;           /* floor toward -inf */
  return q;
}

lu_Int vm_mod(lu_State *L, lu_Int m, lu_Int n) {
  if (lu_unlikely((lu_Unsigned)n + 1u <= 1u)) {
    if (n == 0) lu_runerror(L, "attempt to perform 'n%%0'");
    return 0;                                      /* m % -1 == 0; avoids overflow */
  }
  lu_Int r = m % n;
  if (r != 0 && (r ^ n) < 0) r += n;               /* result takes the divisor's sign */
  return r;
}

lu_Num vm_modf(lu_Num m, lu_Num n) {
  lu_Num r = fmod(m, n);
  if ((r > 0) ? n < 0 : (r < 0 && n > 0)) r += n;   /* signs differ: adjust toward the divisor */
  return r;
}

#define NBITS 64
lu_Int vm_shiftl(lu_Int x, lu_Int y) {
  if (y < 0) {
    if (y <= -NBITS) return 0;
    return (lu_Int)((lu_Unsigned)x >> (lu_Unsigned)(-y));
  }
  if (y >= NBITS) return 0;
  return (lu_Int)((lu_Unsigned)x << (lu_Unsigned)y);
}

static lu_Int intarith(lu_State *L, int op, lu_Int a, lu_Int b) {
  switch (op) {
    case TM_ADD: return (lu_Int)((lu_Unsigned)a + (lu_Unsigned)b);
    case TM_SUB: return (lu_Int)((lu_Unsigned)a - (lu_Unsigned)b);
    case TM_MUL: return (lu_Int)((lu_Unsigned)a * (lu_Unsigned)b);
    case TM_MOD: return vm_mod(L, a, b);
    case TM_IDIV: return vm_idiv(L, a, b);
    case TM_BAND: return (lu_Int)((lu_Unsigned)a & (lu_Unsigned)b);
    case TM_BOR: return (lu_Int)((lu_Unsigned)a | (lu_Unsigned)b);
    case TM_BXOR: return (lu_Int)((lu_Unsigned)a ^ (lu_Unsigned)b);
    case TM_SHL: return vm_shiftl(a, b);
    case TM_SHR: return vm_shiftr(a, b);
    case TM_UNM: return (lu_Int)(0u - (lu_Unsigned)a);
    case TM_BNOT: return (lu_Int)(~(lu_Unsigned)0 ^ (lu_Unsigned)a);
    default: return 0;
  }
}

static lu_Num numarith(int op, lu_Num a, lu_Num b) {
  switch (op) {
    case TM_ADD: return a + b;
    case TM_SUB: return a - b;
    case TM_MUL: return a * b;
    case TM_DIV: return a / b;
    case TM_POW: return vm_pow(a, b);
    case TM_IDIV: return vm_floordivf(a, b);
    case TM_UNM: return -a;
    case TM_MOD: return vm_modf(a, b);
    default: return 0;
  }
}

bool vm_rawarith(lu_State *L, int op, const Value *a, const Value *b, Value *res) {
  switch (op) {
    case TM_BAND: case TM_BOR: case TM_BXOR: case TM_SHL: case TM_SHR: case TM_BNOT: {
      lu_Int i1, i2;
      if (vm_tointegerns(a, &i1) && vm_tointegerns(b, &i2)) {
        val_setint(res, intarith(L, op, i1, i2));
        return true;
      }
      return false;
    }
    case TM_DIV: case TM_POW: {
      if (val_isnum(a) && val_isnum(b)) {
        val_setflt(res, numarith(op, val_numval(a), val_numval(b)));
        return true;
      }
      return false;
    }
    default: {
      if (val_isint(a) && val_isint(b)) {
        val_setint(res, intarith(L, op, val_int(a), val_int(b)));
        return true;
      }
      if (val_isnum(a) && val_isnum(b)) {
        val_setflt(res, numarith(op, val_numval(a), val_numval(b)));
        return true;
      }
      return false;
    }
  }
}

/* --------------------------------------------------------- comparisons */

static bool lt_intflt(lu_Int i, lu_Num f) {
  if (isnan(f)) return false;
  if (f >= 9223372036854775808.0) return true;
  if (f <= -9223372036854775808.0) return false;
  lu_Int fi = 0;
  vm_flttoint(f, &fi, F2Iceil);        /* i < f <=> i < ceil(f) */
  return i < fi;
}
static bool le_intflt(lu_Int i, lu_Num f) {
  if (isnan(f)) return false;
  if (f >= 9223372036854775808.0) return true;
  if (f < -9223372036854775808.0) return false;
  lu_Int fi = 0;
  vm_flttoint(f, &fi, F2Ifloor);       /* i <= f <=> i <= floor(f) */
  return i <= fi;
}
static bool lt_fltint(lu_Num f, lu_Int i) {
  if (isnan(f)) return false;
  if (f >= 9223372036854775808.0) return false;
  if (f < -9223372036854775808.0) return true;
  lu_Int fi = 0;
  vm_flttoint(f, &fi, F2Ifloor);       /* f < i <=> floor(f) < i */
  return fi < i;
}
static bool le_fltint(lu_Num f, lu_Int i) {
  if (isnan(f)) return false;
  if (f >= 9223372036854775808.0) return false;
  if (f <= -9223372036854775808.0) return true;
  lu_Int fi = 0;
  vm_flttoint(f, &fi, F2Iceil);        /* f <= i <=> ceil(f) <= i */
  return fi <= i;
}

bool vm_lessthan_num(const Value *a, const Value *b) {
  if (val_isint(a)) {
    if (val_isint(b)) return val_int(a) < val_int(b);
    return lt_intflt(val_int(a), val_flt(b));
  }
  if (val_isflt(b)) return val_flt(a) < val_flt(b);
  return lt_fltint(val_flt(a), val_int(b));
}

bool vm_lessequal_num(const Value *a, const Value *b) {
  if (val_isint(a)) {
    if (val_isint(b)) return val_int(a) <= val_int(b);
    return le_intflt(val_int(a), val_flt(b));
  }
  if (val_isflt(b)) return val_flt(a) <= val_flt(b);
  return le_fltint(val_flt(a), val_int(b));
}

bool vm_equal_num(const Value *a, const Value *b) {
  if (val_isint(a) && val_isint(b)) return val_int(a) == val_int(b);
  if (val_isflt(a) && val_isflt(b)) return val_flt(a) == val_flt(b);
  lu_Int i;
  const Value *f = val_isflt(a) ? a : b, *n = val_isflt(a) ? b : a;
  return vm_flttoint(val_flt(f), &i, F2Ieq) && i == val_int(n);
}
