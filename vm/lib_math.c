/*
 * lib_math.c — the math library (manual §6.7).
 *
 * Integer and float subtypes follow lua5.4: floor, ceil and modf give an
 * integer when the result fits one, abs and fmod keep integers integers,
 * max and min return one of their arguments unchanged (comparing with '<',
 * __lt included, like lua_compare).
 *
 * Pseudo-random numbers: xoshiro256**, with lua5.4's seeding, float
 * conversion and projection into intervals, so that after the same
 * math.randomseed(n) both produce the same sequence.  The state is the
 * process's (P->ex->rng): processes never share it.  Each process starts with a
 * seed made of the time and an address, as lua5.4 does.
 */
#include <math.h>
#include <time.h>
#include <stdlib.h>
#include "api.h"
#include "lib.h"
#include "debug.h"
#include "str.h"
#include "tm.h"
#include "vm.h"

#define PI  3.141592653589793238462643383279502884

/* Push float d as an integer if it has an integer value that fits. */
static void pushnumint(lu_State *L, lu_Num d) {
  lu_Int n;
  if (vm_flttoint(d, &n, F2Ieq)) lu_pushinteger(L, n);
  else lu_pushnumber(L, d);
}

static int m_abs(lu_State *L) {
  if (lu_isinteger(L, 1)) {
    lu_Int n = lu_tointeger(L, 1);
    if (n < 0) n = (lu_Int)(0u - (lu_Unsigned)n);    /* abs(mininteger) wraps */
    lu_pushinteger(L, n);
  } else {
    lu_pushnumber(L, fabs(lu_checknumber(L, 1)));
  }
  return 1;
}

static int m_floor(lu_State *L) {
  if (lu_isinteger(L, 1)) { lu_settop(L, 1); return 1; }
  pushnumint(L, floor(lu_checknumber(L, 1)));
  return 1;
}

static int m_ceil(lu_State *L) {
  if (lu_isinteger(L, 1)) { lu_settop(L, 1); return 1; }
  pushnumint(L, ceil(lu_checknumber(L, 1)));
  return 1;
}

static int m_fmod(lu_State *L) {
  if (lu_isinteger(L, 1) && lu_isinteger(L, 2)) {
    lu_Int d = lu_tointeger(L, 2);
    if ((lu_Unsigned)d + 1u <= 1u) {          /* d is 0 or -1 */
      lu_argcheck(L, d != 0, 2, "zero");
      lu_pushinteger(L, 0);                   /* m % -1 == 0; avoids overflow */
    } else {
      lu_pushinteger(L, lu_tointeger(L, 1) % d);   /* C's: truncated */
    }
  } else {
    /* lua5.4 (as built by gcc) checks the second argument first */
    lu_Num b = lu_checknumber(L, 2);
    lu_pushnumber(L, fmod(lu_checknumber(L, 1), b));
  }
  return 1;
}

static int m_modf(lu_State *L) {
  if (lu_isinteger(L, 1)) {
    lu_settop(L, 1);                          /* its own integral part */
    lu_pushnumber(L, 0);
    return 2;
  }
  lu_Num n = lu_checknumber(L, 1);
  lu_Num ip = (n < 0) ? ceil(n) : floor(n);   /* rounds toward zero */
  pushnumint(L, ip);
  lu_pushnumber(L, (n == ip) ? 0.0 : (n - ip));   /* inf - inf would be nan */
  return 2;
}

static int m_sqrt(lu_State *L) { lu_pushnumber(L, sqrt(lu_checknumber(L, 1))); return 1; }
static int m_sin(lu_State *L) { lu_pushnumber(L, sin(lu_checknumber(L, 1))); return 1; }
static int m_cos(lu_State *L) { lu_pushnumber(L, cos(lu_checknumber(L, 1))); return 1; }
static int m_tan(lu_State *L) { lu_pushnumber(L, tan(lu_checknumber(L, 1))); return 1; }
static int m_asin(lu_State *L) { lu_pushnumber(L, asin(lu_checknumber(L, 1))); return 1; }
static int m_acos(lu_State *L) { lu_pushnumber(L, acos(lu_checknumber(L, 1))); return 1; }
static int m_exp(lu_State *L) { lu_pushnumber(L, exp(lu_checknumber(L, 1))); return 1; }

static int m_atan(lu_State *L) {
  lu_Num y = lu_checknumber(L, 1);
  lu_Num x = lu_optnumber(L, 2, 1);
  lu_pushnumber(L, atan2(y, x));
  return 1;
}

static int m_log(lu_State *L) {
  lu_Num x = lu_checknumber(L, 1);
  lu_Num r;
  if (lu_isnoneornil(L, 2)) {
    r = log(x);
  } else {
    lu_Num base = lu_checknumber(L, 2);
    if (base == 2.0) r = log2(x);
    else if (base == 10.0) r = log10(x);
    else r = log(x) / log(base);
  }
  lu_pushnumber(L, r);
  return 1;
}

/* Functions of Lua 5.3 kept by lua5.4's LUA_COMPAT_MATHLIB, which the
 * reference interpreter (Debian's lua5.4) is built with. */
static int m_cosh(lu_State *L) { lu_pushnumber(L, cosh(lu_checknumber(L, 1))); return 1; }
static int m_sinh(lu_State *L) { lu_pushnumber(L, sinh(lu_checknumber(L, 1))); return 1; }
static int m_tanh(lu_State *L) { lu_pushnumber(L, tanh(lu_checknumber(L, 1))); return 1; }
static int m_log10(lu_State *L) { lu_pushnumber(L, log10(lu_checknumber(L, 1))); return 1; }

static int m_pow(lu_State *L) {
  lu_Num x = lu_checknumber(L, 1);
  lu_Num y = lu_checknumber(L, 2);
  lu_pushnumber(L, pow(x, y));
  return 1;
}

static int m_frexp(lu_State *L) {
  int e = 0;
  lu_pushnumber(L, frexp(lu_checknumber(L, 1), &e));
  lu_pushinteger(L, e);
  return 2;
}

static int m_ldexp(lu_State *L) {
  lu_Num x = lu_checknumber(L, 1);
  int e = (int)lu_checkinteger(L, 2);         /* truncated, as lua5.4 does */
  lu_pushnumber(L, ldexp(x, e));
  return 1;
}

static int m_deg(lu_State *L) { lu_pushnumber(L, lu_checknumber(L, 1) * (180.0 / PI)); return 1; }
static int m_rad(lu_State *L) { lu_pushnumber(L, lu_checknumber(L, 1) * (PI / 180.0)); return 1; }

static int m_tointeger(lu_State *L) {
  int ok;
  lu_Int n = lu_tointegerx(L, 1, &ok);       /* numeric strings too, as lua5.4.4 */
  if (ok) {
    lu_pushinteger(L, n);
  } else {
    lu_checkany(L, 1);
    lu_pushnil(L);
  }
  return 1;
}

static int m_type(lu_State *L) {
  if (lu_type(L, 1) == LU_TNUMBER) {
    lu_pushstring(L, lu_isinteger(L, 1) ? "integer" : "float");
  } else {
    lu_checkany(L, 1);
    lu_pushnil(L);
  }
  return 1;
}

static int m_ult(lu_State *L) {
  lu_Int a = lu_checkinteger(L, 1);
  lu_Int b = lu_checkinteger(L, 2);
  lu_pushboolean(L, (lu_Unsigned)a < (lu_Unsigned)b);
  return 1;
}

/* ------------------------------------------------------------- max, min
 * The best argument so far is compared with each next one by '<' (max:
 * best < arg; min: arg < best), metamethods included: an __lt is called
 * through the interpreter and the scan goes on in minmax_k. */

#define MM_CTX(i, best, ismax) \
  ((intptr_t)(i) | ((intptr_t)(best) << 24) | ((intptr_t)(ismax) << 48))

static int minmax_k(lu_State *L, int status, intptr_t ctx);

static int minmax_scan(lu_State *L, int i, int best, int ismax) {
  int n = lu_gettop(L);
  for (; i <= n; i++) {
    const Value *a = lu_index2value(L, ismax ? best : i);
    const Value *b = lu_index2value(L, ismax ? i : best);
    bool lt;
    if (val_isnum(a) && val_isnum(b)) {
      lt = vm_lessthan_num(a, b);
    } else if (val_isstr(a) && val_isstr(b)) {
      lt = str_cmp(val_str(a), val_str(b)) < 0;
    } else {
      const Value *mm = tm_getbyobj(L->P, a, TM_LT);
      if (mm == NULL) mm = tm_getbyobj(L->P, b, TM_LT);
      if (mm == NULL) dbg_ordererror(L, a, b);
      lu_pushv(L, mm);
      lu_pushvalue(L, ismax ? best : i);
      lu_pushvalue(L, ismax ? i : best);
      lu_noyield(L);
      return lu_callk(L, 2, 1, MM_CTX(i, best, ismax), minmax_k);
    }
    if (lt) best = i;
  }
  lu_pushvalue(L, best);
  return 1;
}

static int minmax_k(lu_State *L, int status, intptr_t ctx) {
  (void)status;
  int i = (int)(ctx & 0xffffff), best = (int)((ctx >> 24) & 0xffffff);
  int ismax = (int)(ctx >> 48);
  if (lu_toboolean(L, -1)) best = i;
  lu_pop(L, 1);
  return minmax_scan(L, i + 1, best, ismax);
}

static int m_max(lu_State *L) {
  lu_argcheck(L, lu_gettop(L) >= 1, 1, "value expected");
  return minmax_scan(L, 2, 1, 1);
}

static int m_min(lu_State *L) {
  lu_argcheck(L, lu_gettop(L) >= 1, 1, "value expected");
  return minmax_scan(L, 2, 1, 0);
}

/* ---------------------------------------------------------------- random */

static inline uint64_t rotl64(uint64_t x, int n) {
  return (x << n) | (x >> (64 - n));
}

/* xoshiro256** (Blackman and Vigna, public domain algorithm) */
static uint64_t nextrand(uint64_t *s) {
  uint64_t result = rotl64(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl64(s[3], 45);
  return result;
}

/* a float in [0, 1) from the top 53 bits */
static lu_Num rand2float(uint64_t x) {
  return (lu_Num)(x >> 11) * 0x1.0p-53;
}

/* A random integer in [0, n], uniform: mask to the smallest 2^b - 1 that
 * covers n and draw again while above n. */
static lu_Unsigned project(uint64_t ran, lu_Unsigned n, uint64_t *s) {
  if ((n & (n + 1)) == 0) return ran & n;     /* n + 1 is a power of 2 */
  lu_Unsigned lim = n;
  lim |= lim >> 1;
  lim |= lim >> 2;
  lim |= lim >> 4;
  lim |= lim >> 8;
  lim |= lim >> 16;
  lim |= lim >> 32;
  while ((ran &= lim) > n) ran = nextrand(s);
  return ran;
}

static void setseed(uint64_t *s, lu_Unsigned n1, lu_Unsigned n2);

/* the process's generator state, made (and seeded) on first use */
static uint64_t *rngstate(lu_State *L) {
  Proc *P = L->P;
  ProcExtra *x = proc_extra(P);
  if (x->rng == NULL) {
    x->rng = calloc(4, sizeof(uint64_t));
    if (x->rng == NULL) lu_errorf(L, "not enough memory");
    setseed(x->rng, (lu_Unsigned)time(NULL), (lu_Unsigned)(uintptr_t)P);
  }
  return x->rng;
}

static int m_random(lu_State *L) {
  uint64_t *s = rngstate(L);
  uint64_t rv = nextrand(s);
  lu_Int low, up;
  switch (lu_gettop(L)) {
    case 0:
      lu_pushnumber(L, rand2float(rv));
      return 1;
    case 1:
      low = 1;
      up = lu_checkinteger(L, 1);
      if (up == 0) {                          /* random(0): any integer */
        lu_pushinteger(L, (lu_Int)rv);
        return 1;
      }
      break;
    case 2:
      low = lu_checkinteger(L, 1);
      up = lu_checkinteger(L, 2);
      break;
    default:
      return lu_errorf(L, "wrong number of arguments");
  }
  lu_argcheck(L, low <= up, 1, "interval is empty");
  lu_Unsigned p = project(rv, (lu_Unsigned)up - (lu_Unsigned)low, s);
  lu_pushinteger(L, (lu_Int)(p + (lu_Unsigned)low));
  return 1;
}

static void setseed(uint64_t *s, lu_Unsigned n1, lu_Unsigned n2) {
  s[0] = n1;
  s[1] = 0xff;                                /* never an all-zero state */
  s[2] = n2;
  s[3] = 0;
  for (int i = 0; i < 16; i++) nextrand(s);   /* spread the seed */
}

static void randseed(lu_State *L, lu_Unsigned *n1, lu_Unsigned *n2) {
  *n1 = (lu_Unsigned)time(NULL);
  *n2 = (lu_Unsigned)(uintptr_t)L;
  setseed(rngstate(L), *n1, *n2);
}

static int m_randomseed(lu_State *L) {
  lu_Unsigned n1, n2;
  if (lu_isnone(L, 1)) {
    randseed(L, &n1, &n2);
  } else {
    n1 = (lu_Unsigned)lu_checkinteger(L, 1);
    n2 = (lu_Unsigned)lu_optinteger(L, 2, 0);
    setseed(rngstate(L), n1, n2);
  }
  lu_pushinteger(L, (lu_Int)n1);
  lu_pushinteger(L, (lu_Int)n2);
  return 2;
}

/* ------------------------------------------------------------------ open */

static const lu_Reg math_funcs[] = {
  {"abs", m_abs},
  {"acos", m_acos},
  {"asin", m_asin},
  {"atan", m_atan},
  {"atan2", m_atan},
  {"ceil", m_ceil},
  {"cos", m_cos},
  {"cosh", m_cosh},
  {"deg", m_deg},
  {"exp", m_exp},
  {"floor", m_floor},
  {"fmod", m_fmod},
  {"frexp", m_frexp},
  {"ldexp", m_ldexp},
  {"log", m_log},
  {"log10", m_log10},
  {"max", m_max},
  {"min", m_min},
  {"modf", m_modf},
  {"pow", m_pow},
  {"rad", m_rad},
  {"random", m_random},
  {"randomseed", m_randomseed},
  {"sin", m_sin},
  {"sinh", m_sinh},
  {"sqrt", m_sqrt},
  {"tan", m_tan},
  {"tanh", m_tanh},
  {"tointeger", m_tointeger},
  {"type", m_type},
  {"ult", m_ult},
  {NULL, NULL}
};

const lu_Reg *lib_mathfuncs(void) { return math_funcs; }

int lu_open_math(lu_State *L) {
  lu_newlib(L, math_funcs);
  lu_pushnumber(L, PI);
  lu_rawsetfield(L, -2, "pi");
  lu_pushnumber(L, HUGE_VAL);
  lu_rawsetfield(L, -2, "huge");
  lu_pushinteger(L, LU_MAXINT);
  lu_rawsetfield(L, -2, "maxinteger");
  lu_pushinteger(L, LU_MININT);
  lu_rawsetfield(L, -2, "mininteger");
  /* no seeding here: the generator seeds itself on first use (rngstate),
   * and filling the rest of the library later (math.pi after
   * math.randomseed(42)) must not throw the chosen seed away */
  return 1;
}
