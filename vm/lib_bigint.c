/* lib_bigint.c — bigints on GMP: the value type's operations (bigint.h)
 * and the global library 'bigint'. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bigint.h"
#include "api.h"
#include "lib.h"
#include "do.h"
#include "gc.h"
#include "str.h"
#include "tm.h"
#include "vm.h"

_Static_assert(GMP_NUMB_BITS == 64 && sizeof(mp_limb_t) == 8, "64-bit GMP limbs expected");
_Static_assert(sizeof(long) == 8, "LP64 expected (mpz_get_si returns a long)");

#define LIMBBITS 64
#define MAXLIMBS (BIG_MAXBITS / LIMBBITS)

/* ------------------------------------------------------------ GMP memory */

/* the process whose GMP call is running on this scheduler thread (see bigint.h) */
static _Thread_local Proc *gmp_owner;

static LU_NORETURN void gmp_oom(void) {
  Proc *P = gmp_owner;
  gmp_owner = NULL;
  if (P == NULL) abort();        /* what GMP itself would do */
  mem_error(P);
}

static void *gmp_alloc(size_t n) {
  void *p = malloc(n);
  if (p == NULL) gmp_oom();
  return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n) {
  (void)old;
  void *q = realloc(p, n);
  if (q == NULL) gmp_oom();      /* p is still valid: the mpz is unchanged */
  return q;
}

static void gmp_free(void *p, size_t n) { (void)n; free(p); }

void big_setup(void) {
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

#define GMP_BEGIN(P)  (gmp_owner = (P))
#define GMP_END()     (gmp_owner = NULL)

/* ---------------------------------------------------------------- objects */

BigInt *big_new(Proc *P) {
  BigInt *b = (BigInt *)gc_newobj(P, T_BIGINT, sizeof(BigInt));
  b->charged = 0;
  mpz_init(b->z);
  return b;
}

void big_charge(Proc *P, BigInt *b) {
  size_t now = (size_t)b->z->_mp_alloc * sizeof(mp_limb_t);
  P->totalbytes += now - b->charged;
  b->charged = now;
}

void big_free(Proc *P, BigInt *b) {
  P->totalbytes -= b->charged;
  mpz_clear(b->z);
  mem_free(P, b, sizeof(BigInt));
}

bool big_fragcopy(BigInt *dst, const BigInt *src, size_t *bytes) {
  int sz = src->z->_mp_size;
  size_t n = (size_t)(sz < 0 ? -sz : sz);
  dst->charged = 0;
  *bytes = 0;
  if (n == 0) { mpz_init(dst->z); return true; }
  mp_limb_t *d = malloc(n * sizeof(mp_limb_t));
  if (d == NULL) { mpz_init(dst->z); return false; }
  memcpy(d, src->z->_mp_d, n * sizeof(mp_limb_t));
  dst->z->_mp_d = d;
  dst->z->_mp_alloc = (int)n;
  dst->z->_mp_size = sz;
  dst->charged = n * sizeof(mp_limb_t);
  *bytes = dst->charged;
  return true;
}

void big_fragfree(BigInt *b) { mpz_clear(b->z); }

/* Refuse a result of 'limbs' limbs that may not be made: too large for
 * any bigint, or past the process's max_heap_size (killed, as mem_alloc
 * does) — before GMP allocates anything. */
static void reserve(lu_State *L, size_t limbs) {
  if (limbs > MAXLIMBS) lu_runerror(L, "bigint result too large");
  mem_reserve(L->P, limbs * sizeof(mp_limb_t));
}

static inline size_t zsize(mpz_srcptr z) { return mpz_size(z); }

/* ------------------------------------------------------------ value level */

bool big_fitsint(const BigInt *b, lu_Int *i) {
  if (!mpz_fits_slong_p(b->z)) return false;
  *i = (lu_Int)mpz_get_si(b->z);
  return true;
}

uint32_t big_hash(const BigInt *b) {
  int sz = b->z->_mp_size;
  size_t n = (size_t)(sz < 0 ? -sz : sz);
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)(int64_t)sz;
  for (size_t j = 0; j < n; j++) {
    h ^= b->z->_mp_d[j];
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  return (uint32_t)(h ^ (h >> 29));
}

bool big_equal(const BigInt *a, const BigInt *b) {
  return a == b || mpz_cmp(a->z, b->z) == 0;
}

static lu_Num z_tonumber(mpz_srcptr z) {
  size_t nl = mpz_size(z);
  if (nl == 0) return 0.0;
  lu_Num d;
  if (nl == 1) d = (lu_Num)mpz_getlimbn(z, 0);        /* one rounding, to nearest */
  else {
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits > 1100) return mpz_sgn(z) < 0 ? -HUGE_VAL : HUGE_VAL;
    /* the top 64 bits, with a sticky bit for anything below them, round
     * like the exact value does */
    size_t shift = bits - 64, q = shift / 64, r = shift % 64;
    uint64_t top = r ? (mpz_getlimbn(z, (mp_size_t)q) >> r) | (mpz_getlimbn(z, (mp_size_t)q + 1) << (64 - r))
                     : mpz_getlimbn(z, (mp_size_t)q);
    if (mpz_scan1(z, 0) < shift) top |= 1;
    d = ldexp((lu_Num)top, (int)shift);
  }
  return mpz_sgn(z) < 0 ? -d : d;
}

lu_Num big_tonumber(const BigInt *b) { return z_tonumber(b->z); }

/* An operand of an operation with a bigint. */
enum { OP_BAD, OP_BIG, OP_FLT };
typedef struct Opnd {
  int kind;
  mpz_srcptr z;             /* OP_BIG: the value (an integer borrows 'tmp') */
  lu_Num n;                 /* OP_FLT */
  mpz_t tmp;
  mp_limb_t limb;
} Opnd;

static void opnd_int(Opnd *o, lu_Int i) {
  o->kind = OP_BIG;
  o->limb = i < 0 ? 0u - (mp_limb_t)i : (mp_limb_t)i;
  mpz_roinit_n(o->tmp, &o->limb, i < 0 ? -1 : (i == 0 ? 0 : 1));
  o->z = o->tmp;
}

/* o must stay where it is while o->z is used (it may point into o) */
static void opnd_init(Opnd *o, const Value *v) {
  Value cv;
  if (val_isstr(v) && vm_cvt2num(v, &cv)) v = &cv;    /* Lua's string coercion */
  switch (v->tt) {
    case T_BIGINT: o->kind = OP_BIG; o->z = val_bigint(v)->z; break;
    case T_INT: opnd_int(o, val_int(v)); break;
    case T_FLT: o->kind = OP_FLT; o->n = val_flt(v); break;
    default: o->kind = OP_BAD; break;
  }
}

static lu_Num opnd_num(const Opnd *o) {
  return o->kind == OP_FLT ? o->n : z_tonumber(o->z);
}

static int cmp_opnd(const Opnd *a, const Opnd *b, bool *unordered) {
  *unordered = false;
  if (a->kind == OP_BIG && b->kind == OP_BIG) return mpz_cmp(a->z, b->z);
  if (a->kind == OP_BIG) {
    if (isnan(b->n)) { *unordered = true; return 0; }
    return mpz_cmp_d(a->z, b->n);
  }
  if (b->kind == OP_BIG) {
    if (isnan(a->n)) { *unordered = true; return 0; }
    return -mpz_cmp_d(b->z, a->n);
  }
  if (isnan(a->n) || isnan(b->n)) { *unordered = true; return 0; }
  return a->n < b->n ? -1 : a->n > b->n;
}

bool big_rawequal(const Value *a, const Value *b) {
  if (!(val_isbigint(a) || val_isnum(a)) || !(val_isbigint(b) || val_isnum(b))) return false;
  if (val_isbigint(a) && val_isbigint(b)) return big_equal(val_bigint(a), val_bigint(b));
  Opnd x, y;
  opnd_init(&x, a);
  opnd_init(&y, b);
  bool un;
  int c = cmp_opnd(&x, &y, &un);
  return !un && c == 0;
}

int big_order(const Value *a, const Value *b, int op) {
  if (!(val_isbigint(a) || val_isnum(a)) || !(val_isbigint(b) || val_isnum(b))) return -1;
  Opnd x, y;
  opnd_init(&x, a);
  opnd_init(&y, b);
  bool un;
  int c = cmp_opnd(&x, &y, &un);
  if (un) return 0;
  return op == TM_LT ? c < 0 : c <= 0;
}

/* ------------------------------------------------------------- arithmetic */

static bool float_arith(int op, lu_Num x, lu_Num y, Value *res) {
  lu_Num r;
  switch (op) {
    case TM_ADD: r = x + y; break;
    case TM_SUB: r = x - y; break;
    case TM_MUL: r = x * y; break;
    case TM_DIV: r = x / y; break;
    case TM_MOD: r = vm_modf(x, y); break;
    case TM_POW: r = vm_pow(x, y); break;
    case TM_IDIV: r = vm_floordivf(x, y); break;
    case TM_UNM: r = -x; break;
    default: return false;
  }
  val_setflt(res, r);
  return true;
}

/* a bitwise operand given as a float must be integral (as in Lua) */
static void bitwise_int(lu_State *L, Opnd *o) {
  if (o->kind != OP_FLT) return;
  lu_Int i;
  if (!vm_flttoint(o->n, &i, F2Ieq)) lu_runerror(L, "number has no integer representation");
  opnd_int(o, i);
}

/* a shift count: a long, or the saturated sign of a huge one */
static long shiftcount(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) {
    long s = mpz_get_si(z);
    return s == LONG_MIN ? LONG_MIN + 1 : s;
  }
  return mpz_sgn(z) < 0 ? LONG_MIN + 1 : LONG_MAX;
}

/* r := x << s (s < 0: floor shift right) */
static void shift(lu_State *L, mpz_ptr r, mpz_srcptr x, long s) {
  if (s >= 0) {
    if (mpz_sgn(x) == 0) { mpz_set_ui(r, 0); return; }
    if ((unsigned long)s > BIG_MAXBITS) lu_runerror(L, "bigint result too large");
    reserve(L, zsize(x) + (size_t)s / LIMBBITS + 1);
    GMP_BEGIN(L->P); mpz_mul_2exp(r, x, (mp_bitcnt_t)s); GMP_END();
  } else {
    unsigned long n = (unsigned long)(-s);
    GMP_BEGIN(L->P); mpz_fdiv_q_2exp(r, x, (mp_bitcnt_t)n); GMP_END();
  }
}

/* r := x ^ e, e >= 0 */
static void power(lu_State *L, mpz_ptr r, mpz_srcptr x, mpz_srcptr e) {
  if (mpz_cmpabs_ui(x, 1) <= 0) {           /* 0, 1, -1: any exponent */
    if (mpz_sgn(e) == 0) mpz_set_ui(r, 1);
    else if (mpz_sgn(x) == 0) mpz_set_ui(r, 0);
    else mpz_set_si(r, mpz_sgn(x) < 0 && mpz_odd_p(e) ? -1 : 1);
    return;
  }
  if (!mpz_fits_ulong_p(e)) lu_runerror(L, "bigint result too large");
  unsigned long n = mpz_get_ui(e);
  size_t bits = mpz_sizeinbase(x, 2);
  if (n > BIG_MAXBITS / bits) lu_runerror(L, "bigint result too large");
  reserve(L, bits * n / LIMBBITS + 2);
  lu_charge(L, (bits * n / LIMBBITS) / 16);
  GMP_BEGIN(L->P); mpz_pow_ui(r, x, n); GMP_END();
}

bool big_arith(lu_State *L, int op, const Value *a, const Value *b, Value *res) {
  Proc *P = L->P;
  Opnd x, y;
  opnd_init(&x, a);
  opnd_init(&y, b);
  if (x.kind == OP_BAD || y.kind == OP_BAD) return false;
  bool bitwise = (op >= TM_BAND && op <= TM_SHR) || op == TM_BNOT;
  if (bitwise) { bitwise_int(L, &x); bitwise_int(L, &y); }
  else if (op == TM_DIV || x.kind == OP_FLT || y.kind == OP_FLT ||
           (op == TM_POW && mpz_sgn(y.z) < 0))
    return float_arith(op, opnd_num(&x), opnd_num(&y), res);
  size_t nx = zsize(x.z), ny = zsize(y.z);
  /* the operands are not on the stack of a GC that could run here: no
   * collection happens inside the interpreter's C paths */
  if ((op == TM_IDIV || op == TM_MOD) && mpz_sgn(y.z) == 0)
    lu_runerror(L, op == TM_IDIV ? "attempt to perform 'n//0'" : "attempt to perform 'n%%0'");
  BigInt *r = big_new(P);
  mpz_ptr rz = r->z;
  size_t big = nx > ny ? nx : ny;
  switch (op) {
    case TM_ADD: reserve(L, big + 1); GMP_BEGIN(P); mpz_add(rz, x.z, y.z); GMP_END(); break;
    case TM_SUB: reserve(L, big + 1); GMP_BEGIN(P); mpz_sub(rz, x.z, y.z); GMP_END(); break;
    case TM_MUL:
      reserve(L, nx + ny);
      lu_charge(L, nx * ny / 256);
      GMP_BEGIN(P); mpz_mul(rz, x.z, y.z); GMP_END();
      break;
    case TM_IDIV:
      reserve(L, nx + 1);
      lu_charge(L, nx * ny / 256);
      GMP_BEGIN(P); mpz_fdiv_q(rz, x.z, y.z); GMP_END();
      break;
    case TM_MOD:
      reserve(L, ny + 1);
      lu_charge(L, nx * ny / 256);
      GMP_BEGIN(P); mpz_fdiv_r(rz, x.z, y.z); GMP_END();
      break;
    case TM_POW: power(L, rz, x.z, y.z); break;
    case TM_UNM: reserve(L, nx); GMP_BEGIN(P); mpz_neg(rz, x.z); GMP_END(); break;
    case TM_BNOT: reserve(L, nx + 1); GMP_BEGIN(P); mpz_com(rz, x.z); GMP_END(); break;
    case TM_BAND: reserve(L, big + 1); GMP_BEGIN(P); mpz_and(rz, x.z, y.z); GMP_END(); break;
    case TM_BOR: reserve(L, big + 1); GMP_BEGIN(P); mpz_ior(rz, x.z, y.z); GMP_END(); break;
    case TM_BXOR: reserve(L, big + 1); GMP_BEGIN(P); mpz_xor(rz, x.z, y.z); GMP_END(); break;
    case TM_SHL: shift(L, rz, x.z, shiftcount(y.z)); break;
    case TM_SHR: {
      long s = shiftcount(y.z);
      shift(L, rz, x.z, -s);
      break;
    }
    default: return false;
  }
  big_charge(P, r);
  lu_charge(L, zsize(rz) / 16);
  val_setbigint(res, r);
  return true;
}

/* ------------------------------------------------------------------- text */

String *big_tostr(lu_State *L, const BigInt *b, int base) {
  Proc *P = L->P;
  size_t n = mpz_sizeinbase(b->z, base) + 2;     /* sign and '\0' */
  char buf[128];
  if (n <= sizeof buf) {
    GMP_BEGIN(P); mpz_get_str(buf, base, b->z); GMP_END();
    return str_new(P, buf, strlen(buf));
  }
  /* long: write into a string's own bytes; the estimate may be one or two
   * too long, then the text moves to a string of the right length */
  String *s = str_newlong(P, n - 1);
  char *d = s->u.blob->data;
  lu_charge(L, n / 64);
  GMP_BEGIN(P); mpz_get_str(d, base, b->z); GMP_END();
  size_t l = strlen(d);
  if (l == n - 1) return s;
  String *t = str_newlong(P, l);
  memcpy(t->u.blob->data, d, l);
  return t;
}

/* digit value of c in base (GMP's digits: for bases up to 36 letters in
 * either case; above, A-Z are 10..35 and a-z 36..61), or -1 */
static int digitval(int c, int base) {
  int v;
  if (c >= '0' && c <= '9') v = c - '0';
  else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
  else if (c >= 'a' && c <= 'z') v = c - 'a' + (base <= 36 ? 10 : 36);
  else return -1;
  return v < base ? v : -1;
}

/* Parse s (spaces around it, a sign, digits; base 0: decimal, or hex after
 * "0x") into a new bigint pushed on the stack; false (nothing pushed) when
 * it is not such a numeral. */
static bool parse(lu_State *L, const char *s, size_t len, int base) {
  const char *e = s + len;
  while (s < e && isspace((unsigned char)*s)) s++;
  while (e > s && isspace((unsigned char)e[-1])) e--;
  bool neg = false;
  if (s < e && (*s == '-' || *s == '+')) { neg = (*s == '-'); s++; }
  if ((base == 0 || base == 16) && e - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
  }
  if (base == 0) base = 10;
  if (s == e) return false;
  for (const char *p = s; p < e; p++)
    if (digitval((unsigned char)*p, base) < 0) return false;
  size_t nd = (size_t)(e - s);
  int bpd = 1;
  while ((1 << bpd) < base) bpd++;
  if (nd > BIG_MAXBITS / (size_t)bpd) lu_runerror(L, "bigint result too large");
  reserve(L, nd * (size_t)bpd / LIMBBITS + 2);
  lu_Buffer B;
  lu_buffinit(L, &B);
  lu_addlstring(&B, s, nd);
  lu_addchar(&B, '\0');
  BigInt *r = big_new(L->P);
  Value v;
  val_setbigint(&v, r);
  lu_pushv(L, &v);
  lu_charge(L, nd / 64);
  GMP_BEGIN(L->P);
  int bad = mpz_set_str(r->z, lu_buffaddr(&B), base);
  if (neg) mpz_neg(r->z, r->z);
  GMP_END();
  big_charge(L->P, r);
  lu_assert(bad == 0);
  (void)bad;
  return true;
}

/* ---------------------------------------------------------------- library */

static void pushbig(lu_State *L, BigInt *b) {
  Value v;
  val_setbigint(&v, b);
  lu_pushv(L, &v);
}

static const char *tname(lu_State *L, int idx) {
  return lu_typenameof(L, idx);
}

/* bigint(x): the value at idx made a bigint, pushed; errors name 'fname' */
static void make(lu_State *L, int idx, int argno, const char *fname) {
  Value *v = lu_index2value(L, idx);
  switch (lu_type(L, idx)) {
    case LU_TNUMBER:
      if (val_isint(v)) {
        BigInt *r = big_new(L->P);
        GMP_BEGIN(L->P); mpz_set_si(r->z, (long)val_int(v)); GMP_END();
        big_charge(L->P, r);
        pushbig(L, r);
        return;
      } else {
        lu_Num n = val_flt(v);
        if (n != floor(n) || isinf(n))
          lu_errorf(L, "bad argument #%d to '%s' (number has no integer representation)", argno, fname);
        reserve(L, 1100 / LIMBBITS);
        BigInt *r = big_new(L->P);
        GMP_BEGIN(L->P); mpz_set_d(r->z, n); GMP_END();
        big_charge(L->P, r);
        pushbig(L, r);
        return;
      }
    case LU_TSTRING: {
      size_t len;
      const char *s = lu_tolstring(L, idx, &len);
      if (!parse(L, s, len, 0))
        lu_errorf(L, "bad argument #%d to '%s' (malformed integer '%s')", argno, fname, s);
      return;
    }
    default:
      if (val_isbigint(v)) { lu_pushvalue(L, idx); return; }
      lu_errorf(L, "bad argument #%d to '%s' (number or string expected, got %s)",
                argno, fname, lu_isnone(L, idx) ? "no value" : tname(L, idx));
  }
}

/* argument arg as a bigint (integers and integral floats converted) */
static BigInt *checkbig(lu_State *L, int arg) {
  Value *v = lu_index2value(L, arg);
  if (val_isbigint(v)) return val_bigint(v);
  if (lu_type(L, arg) != LU_TNUMBER) lu_typeerror(L, arg, "bigint");
  if (val_isflt(v) && (val_flt(v) != floor(val_flt(v)) || isinf(val_flt(v))))
    lu_argerror(L, arg, "number has no integer representation");
  make(L, arg, arg, "?");
  lu_replace(L, arg);
  return val_bigint(lu_index2value(L, arg));
}

static int checkbase(lu_State *L, int arg) {
  lu_Int base = lu_optinteger(L, arg, 10);
  lu_argcheck(L, base >= 2 && base <= 62, arg, "base out of range");
  return (int)base;
}

int lu_bigint_call(lu_State *L) {          /* bigint(x): 1 is the library */
  make(L, 2, 1, "bigint");
  return 1;
}

static int b_new(lu_State *L) {
  make(L, 1, 1, "new");
  return 1;
}

static int b_tostring(lu_State *L) {
  BigInt *b = checkbig(L, 1);
  int base = checkbase(L, 2);
  Value v;
  val_setstr(&v, big_tostr(L, b, base));
  lu_pushv(L, &v);
  return 1;
}

static int b_tointeger(lu_State *L) {
  Value *v = lu_index2value(L, 1);
  lu_Int i;
  if (val_isbigint(v) && big_fitsint(val_bigint(v), &i)) lu_pushinteger(L, i);
  else if (val_isint(v)) lu_pushinteger(L, val_int(v));
  else if (val_isflt(v) && vm_flttoint(val_flt(v), &i, F2Ieq)) lu_pushinteger(L, i);
  else {
    lu_checkany(L, 1);
    lu_pushnil(L);
  }
  return 1;
}

static int b_tonumber(lu_State *L) {
  Value *v = lu_index2value(L, 1);
  lu_Int i;
  if (val_isbigint(v)) {
    if (big_fitsint(val_bigint(v), &i)) lu_pushinteger(L, i);
    else lu_pushnumber(L, big_tonumber(val_bigint(v)));
  } else if (lu_type(L, 1) == LU_TNUMBER) lu_pushvalue(L, 1);
  else {
    lu_checkany(L, 1);
    lu_pushnil(L);
  }
  return 1;
}

static int b_fromstring(lu_State *L) {
  size_t len;
  const char *s = lu_checklstring(L, 1, &len);
  int base = checkbase(L, 2);
  if (!parse(L, s, len, base)) lu_pushnil(L);
  return 1;
}

static int b_isbigint(lu_State *L) {
  lu_checkany(L, 1);
  lu_pushboolean(L, val_isbigint(lu_index2value(L, 1)));
  return 1;
}

static int b_abs(lu_State *L) {
  BigInt *a = checkbig(L, 1);
  if (mpz_sgn(a->z) >= 0) { lu_settop(L, 1); return 1; }
  reserve(L, zsize(a->z));
  BigInt *r = big_new(L->P);
  GMP_BEGIN(L->P); mpz_abs(r->z, a->z); GMP_END();
  big_charge(L->P, r);
  pushbig(L, r);
  return 1;
}

static int b_gcd(lu_State *L) {
  BigInt *a = checkbig(L, 1);
  BigInt *b = checkbig(L, 2);
  size_t na = zsize(a->z), nb = zsize(b->z);
  reserve(L, (na > nb ? na : nb) + 1);
  lu_charge(L, na * nb / 256);
  BigInt *r = big_new(L->P);
  GMP_BEGIN(L->P); mpz_gcd(r->z, a->z, b->z); GMP_END();
  big_charge(L->P, r);
  pushbig(L, r);
  return 1;
}

/* powmod(b, e, m) = (b ^ e) % m, with Lua's sign rule for % */
static int b_powmod(lu_State *L) {
  BigInt *b = checkbig(L, 1);
  BigInt *e = checkbig(L, 2);
  BigInt *m = checkbig(L, 3);
  if (mpz_sgn(m->z) == 0) lu_runerror(L, "attempt to perform 'n%%0'");
  size_t nm = zsize(m->z);
  reserve(L, 2 * nm + zsize(b->z) + 2);
  size_t ebits = mpz_sizeinbase(e->z, 2), w = nm * nm / 16 + 1;
  lu_charge(L, ebits > (size_t)1e6 / w ? (size_t)1e6 : ebits * w);
  BigInt *r = big_new(L->P);
  pushbig(L, r);
  GMP_BEGIN(L->P);
  bool ok = true;
  if (mpz_sgn(e->z) < 0) {
    /* a negative exponent needs the inverse of b (GMP would divide by zero) */
    ok = mpz_invert(r->z, b->z, m->z) != 0;
    if (ok) {
      mpz_t ne;
      mpz_init(ne);
      mpz_neg(ne, e->z);
      mpz_powm(r->z, r->z, ne, m->z);
      mpz_clear(ne);
    }
  } else {
    mpz_powm(r->z, b->z, e->z, m->z);
  }
  if (ok && mpz_sgn(m->z) < 0 && mpz_sgn(r->z) != 0) mpz_add(r->z, r->z, m->z);
  GMP_END();
  big_charge(L->P, r);
  if (!ok) lu_argerror(L, 1, "not invertible modulo the third argument");
  return 1;
}

static const lu_Reg big_funcs[] = {
  {"new", b_new},
  {"tostring", b_tostring},
  {"tointeger", b_tointeger},
  {"tonumber", b_tonumber},
  {"fromstring", b_fromstring},
  {"isbigint", b_isbigint},
  {"abs", b_abs},
  {"gcd", b_gcd},
  {"powmod", b_powmod},
  {NULL, NULL}
};

int lu_open_bigint(lu_State *L) {
  lu_newlib(L, big_funcs);
  lu_createtable(L, 0, 1);
  lu_pushcfunction(L, lu_bigint_call);
  lu_rawsetfield(L, -2, "__call");
  lu_setmetatable(L, -2);
  return 1;
}
