/* value.c — type names and raw equality. */
#include "value.h"
#include "object.h"
#include "str.h"
#include "bigint.h"

const Value val_nilvalue = { {0}, T_NIL };

const int8_t val_luatype_of_tag[T_NTAGS] = {
  [T_NIL] = LU_TNIL, [T_FALSE] = LU_TBOOLEAN, [T_TRUE] = LU_TBOOLEAN,
  [T_INT] = LU_TNUMBER, [T_FLT] = LU_TNUMBER, [T_LCF] = LU_TFUNCTION,
  [T_LUD] = LU_TLIGHTUSERDATA, [T_PID] = LU_TUSERDATA, [T_REF] = LU_TUSERDATA,
  [T_STR] = LU_TSTRING, [T_TABLE] = LU_TTABLE, [T_LCL] = LU_TFUNCTION,
  [T_CCL] = LU_TFUNCTION, [T_THREAD] = LU_TTHREAD, [T_UDATA] = LU_TUSERDATA,
  [T_BIGINT] = LU_TUSERDATA, [T_UPVAL] = LU_TNONE, [T_DEADKEY] = LU_TNONE,
};

static const char *const typenames[LU_NUMTYPES + 1] = {
  "no value", "nil", "boolean", "userdata", "number", "string", "table",
  "function", "userdata", "thread"
};

const char *val_typename(int t) { return typenames[t + 1]; }

bool val_rawequal(const Value *a, const Value *b) {
  if (lu_unlikely(a->tt == T_BIGINT || b->tt == T_BIGINT)) return big_rawequal(a, b);
  if (a->tt != b->tt) {
    if (val_isint(a) && val_isflt(b)) return (lu_Num)val_int(a) == val_flt(b) &&
        val_flt(b) >= -9223372036854775808.0 && val_flt(b) < 9223372036854775808.0 &&
        (lu_Int)val_flt(b) == val_int(a);
    if (val_isflt(a) && val_isint(b)) return val_rawequal(b, a);
    return false;
  }
  switch (a->tt) {
    case T_NIL: case T_FALSE: case T_TRUE: return true;
    case T_INT: case T_PID: case T_REF: return a->v.i == b->v.i;
    case T_FLT: return a->v.n == b->v.n;
    case T_STR: return str_eq(val_str(a), val_str(b));
    case T_LCF: return a->v.f == b->v.f;
    default: return a->v.p == b->v.p;
  }
}
