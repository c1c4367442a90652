/* test_value.c — tagged values: tags, accessors, falsiness, raw equality,
 * type names. */
#include <math.h>
#include "helpers.h"
#include "../../vm/value.h"

static Value vint(lu_Int i) { Value v; val_setint(&v, i); return v; }
static Value vflt(lu_Num n) { Value v; val_setflt(&v, n); return v; }

static int dummy_cf(lu_State *L) { (void)L; return 0; }
static int dummy_cf2(lu_State *L) { (void)L; return 1; }

Test(value, size_is_16_bytes) {
  cr_assert_eq(sizeof(Value), 16);
}

Test(value, int_and_float_are_distinct_subtypes) {
  Value i = vint(1), f = vflt(1.0);
  cr_assert(val_isint(&i));
  cr_assert_not(val_isflt(&i));
  cr_assert(val_isflt(&f));
  cr_assert_not(val_isint(&f));
  cr_assert(val_isnum(&i) && val_isnum(&f));
  cr_assert_neq(val_tt(&i), val_tt(&f));
  cr_assert_eq(val_int(&i), 1);
  cr_assert_eq(val_flt(&f), 1.0);
  /* full 64-bit integers survive */
  Value big = vint(LU_MAXINT), small = vint(LU_MININT);
  cr_assert_eq(val_int(&big), INT64_MAX);
  cr_assert_eq(val_int(&small), INT64_MIN);
  cr_assert_eq(val_numval(&i), 1.0);
  cr_assert_eq(val_numval(&f), 1.0);
  /* same luatype */
  cr_assert_eq(val_luatype(&i), LU_TNUMBER);
  cr_assert_eq(val_luatype(&f), LU_TNUMBER);
}

Test(value, falsiness_is_nil_and_false_only) {
  Value v;
  val_setnil(&v);            cr_assert(val_isfalsy(&v));
  val_setfalse(&v);          cr_assert(val_isfalsy(&v));
  val_setbool(&v, 0);        cr_assert(val_isfalsy(&v));
  val_settrue(&v);           cr_assert_not(val_isfalsy(&v));
  val_setbool(&v, 42);       cr_assert_not(val_isfalsy(&v)); cr_assert_eq(val_tt(&v), T_TRUE);
  v = vint(0);               cr_assert_not(val_isfalsy(&v));
  v = vflt(0.0);             cr_assert_not(val_isfalsy(&v));
  v = vflt(-0.0);            cr_assert_not(val_isfalsy(&v));
  v = vflt(NAN);             cr_assert_not(val_isfalsy(&v));
  val_setlud(&v, NULL);      cr_assert_not(val_isfalsy(&v));
  val_setpid(&v, 0);         cr_assert_not(val_isfalsy(&v));
  val_setref(&v, 0);         cr_assert_not(val_isfalsy(&v));
  val_setlcf(&v, dummy_cf);  cr_assert_not(val_isfalsy(&v));
  TEnv e = th_env(0);
  val_setstr(&v, str_new(e.P, "", 0));
  cr_assert_not(val_isfalsy(&v), "the empty string is true");
  val_settable(&v, tab_new(e.P));
  cr_assert_not(val_isfalsy(&v));
  th_free(&e);
}

Test(value, bool_accessors) {
  Value t, f;
  val_settrue(&t);
  val_setfalse(&f);
  cr_assert(val_isbool(&t) && val_isbool(&f));
  cr_assert(val_rawequal(&t, &t));
  cr_assert_not(val_rawequal(&t, &f));
  Value n; val_setnil(&n);
  cr_assert_not(val_rawequal(&n, &f), "nil ~= false");
  cr_assert(val_rawequal(&n, &n));
}

Test(value, collectable_tags) {
  Value v;
  v = vint(3);           cr_assert_not(val_iscollectable(&v));
  val_setpid(&v, 7);     cr_assert_not(val_iscollectable(&v), "pids are immediates");
  val_setref(&v, 7);     cr_assert_not(val_iscollectable(&v), "refs are immediates");
  val_setlcf(&v, dummy_cf); cr_assert_not(val_iscollectable(&v));
  TEnv e = th_env(0);
  val_setstr(&v, str_newz(e.P, "x"));  cr_assert(val_iscollectable(&v));
  val_settable(&v, tab_new(e.P));      cr_assert(val_iscollectable(&v));
  th_free(&e);
}

Test(value, int_float_cross_equality) {
  Value a, b;
  a = vint(1); b = vflt(1.0);
  cr_assert(val_rawequal(&a, &b), "1 == 1.0");
  cr_assert(val_rawequal(&b, &a), "1.0 == 1");
  b = vflt(1.5);
  cr_assert_not(val_rawequal(&a, &b));
  a = vint(0); b = vflt(-0.0);
  cr_assert(val_rawequal(&a, &b), "0 == -0.0");
  a = vint(-3); b = vflt(-3.0);
  cr_assert(val_rawequal(&a, &b));
  a = vint(2); b = vint(2);
  cr_assert(val_rawequal(&a, &b));
  b = vint(3);
  cr_assert_not(val_rawequal(&a, &b));
}

Test(value, two_to_the_53_edges) {
  const lu_Int p53 = (lu_Int)1 << 53;
  Value a, b;
  a = vint(p53); b = vflt(9007199254740992.0);
  cr_assert(val_rawequal(&a, &b), "2^53 == 2^53.0");
  /* 2^53+1 is not representable: (double)(2^53+1) == 2^53, yet the integer
   * differs from the float's exact value */
  a = vint(p53 + 1);
  cr_assert_not(val_rawequal(&a, &b), "2^53+1 ~= 2^53.0");
  cr_assert_not(val_rawequal(&b, &a), "2^53.0 ~= 2^53+1");
  a = vint(-p53 - 1); b = vflt(-9007199254740992.0);
  cr_assert_not(val_rawequal(&a, &b));
  a = vint(p53 + 2); b = vflt(9007199254740994.0);
  cr_assert(val_rawequal(&a, &b), "2^53+2 is representable");
  /* the ends of the integer range */
  a = vint(LU_MAXINT); b = vflt(9223372036854775808.0);   /* 2^63 */
  cr_assert_not(val_rawequal(&a, &b), "maxinteger ~= 2^63");
  a = vint(LU_MININT); b = vflt(-9223372036854775808.0);  /* -2^63 */
  cr_assert(val_rawequal(&a, &b), "mininteger == -2^63");
  a = vint(LU_MAXINT); b = vflt(INFINITY);
  cr_assert_not(val_rawequal(&a, &b));
  a = vint(LU_MININT); b = vflt(-INFINITY);
  cr_assert_not(val_rawequal(&a, &b));
}

Test(value, nan_is_not_equal_to_itself) {
  Value a = vflt(NAN);
  cr_assert_not(val_rawequal(&a, &a), "NaN ~= NaN (same value)");
  Value b = vflt(NAN);
  cr_assert_not(val_rawequal(&a, &b));
  Value z = vint(0);
  cr_assert_not(val_rawequal(&a, &z));
  cr_assert_not(val_rawequal(&z, &a));
  Value inf = vflt(INFINITY);
  cr_assert(val_rawequal(&inf, &inf));
}

Test(value, strings_equal_by_content) {
  VM *vm = vm_new();
  Proc *P1 = proc_new(vm), *P2 = proc_new(vm);
  Value a, b;
  /* short strings: interned per process, so two processes have two objects */
  String *s1 = str_newz(P1, "hello"), *s2 = str_newz(P2, "hello");
  cr_assert_neq(s1, s2);
  val_setstr(&a, s1); val_setstr(&b, s2);
  cr_assert(val_rawequal(&a, &b));
  val_setstr(&b, str_newz(P2, "hellp"));
  cr_assert_not(val_rawequal(&a, &b));
  val_setstr(&b, str_newz(P2, "hell"));
  cr_assert_not(val_rawequal(&a, &b));
  /* long strings: never interned */
  char buf[200];
  memset(buf, 'q', sizeof buf);
  String *l1 = str_new(P1, buf, sizeof buf), *l2 = str_new(P1, buf, sizeof buf);
  cr_assert_neq(l1, l2);
  val_setstr(&a, l1); val_setstr(&b, l2);
  cr_assert(val_rawequal(&a, &b));
  buf[199] = 'r';
  val_setstr(&b, str_new(P1, buf, sizeof buf));
  cr_assert_not(val_rawequal(&a, &b));
  /* a string is never equal to a number */
  val_setstr(&a, str_newz(P1, "1"));
  b = vint(1);
  cr_assert_not(val_rawequal(&a, &b));
  cr_assert_not(val_rawequal(&b, &a));
  proc_free(P1);
  proc_free(P2);
  vm_free(vm);
}

Test(value, identity_types) {
  TEnv e = th_env(0);
  Value a, b;
  val_settable(&a, tab_new(e.P));
  val_settable(&b, tab_new(e.P));
  cr_assert(val_rawequal(&a, &a));
  cr_assert_not(val_rawequal(&a, &b), "distinct tables");
  val_setlcf(&a, dummy_cf);
  val_setlcf(&b, dummy_cf);
  cr_assert(val_rawequal(&a, &b));
  val_setlcf(&b, dummy_cf2);
  cr_assert_not(val_rawequal(&a, &b));
  val_setpid(&a, 5); val_setpid(&b, 5);
  cr_assert(val_rawequal(&a, &b));
  val_setpid(&b, 6);
  cr_assert_not(val_rawequal(&a, &b));
  val_setref(&b, 5);
  cr_assert_not(val_rawequal(&a, &b), "pid 5 ~= ref 5");
  val_setref(&a, 5);
  cr_assert(val_rawequal(&a, &b));
  int x, y;
  val_setlud(&a, &x); val_setlud(&b, &x);
  cr_assert(val_rawequal(&a, &b));
  val_setlud(&b, &y);
  cr_assert_not(val_rawequal(&a, &b));
  th_free(&e);
}

Test(value, type_names) {
  cr_assert_str_eq(val_typename(LU_TNONE), "no value");
  cr_assert_str_eq(val_typename(LU_TNIL), "nil");
  cr_assert_str_eq(val_typename(LU_TBOOLEAN), "boolean");
  cr_assert_str_eq(val_typename(LU_TLIGHTUSERDATA), "userdata");
  cr_assert_str_eq(val_typename(LU_TNUMBER), "number");
  cr_assert_str_eq(val_typename(LU_TSTRING), "string");
  cr_assert_str_eq(val_typename(LU_TTABLE), "table");
  cr_assert_str_eq(val_typename(LU_TFUNCTION), "function");
  cr_assert_str_eq(val_typename(LU_TUSERDATA), "userdata");
  cr_assert_str_eq(val_typename(LU_TTHREAD), "thread");
}

Test(value, luatype_of_every_tag) {
  static const struct { int tag; const char *name; } expect[] = {
    { T_NIL, "nil" }, { T_FALSE, "boolean" }, { T_TRUE, "boolean" },
    { T_INT, "number" }, { T_FLT, "number" }, { T_LCF, "function" },
    { T_LUD, "userdata" }, { T_PID, "userdata" }, { T_REF, "userdata" },
    { T_STR, "string" }, { T_TABLE, "table" }, { T_LCL, "function" },
    { T_CCL, "function" }, { T_THREAD, "thread" }, { T_UDATA, "userdata" },
    { T_BIGINT, "userdata" },
  };
  for (size_t j = 0; j < sizeof expect / sizeof expect[0]; j++) {
    Value v;
    v.v.u = 0;
    v.tt = (uint8_t)expect[j].tag;
    cr_assert_str_eq(val_typename(val_luatype(&v)), expect[j].name, "tag %d", expect[j].tag);
  }
  /* pid and ref keep their own tags even though they report "userdata" */
  Value p, r;
  val_setpid(&p, 1); val_setref(&r, 1);
  cr_assert(val_ispid(&p) && !val_isref(&p) && !val_isudata(&p));
  cr_assert(val_isref(&r) && !val_ispid(&r) && !val_isudata(&r));
  cr_assert_eq(val_pid(&p), 1);
  cr_assert_eq(val_ref(&r), 1);
}

Test(value, func_predicates) {
  Value v;
  val_setlcf(&v, dummy_cf);
  cr_assert(val_isfunc(&v) && val_iscfunc(&v) && val_islcf(&v));
  cr_assert_eq(val_lcf(&v), dummy_cf);
  TEnv e = th_env(0);
  val_setlcl(&v, lcl_new(e.P, 0));
  cr_assert(val_isfunc(&v) && !val_iscfunc(&v));
  CClosure *c = ccl_new(e.P, 2);
  val_setccl(&v, c);
  cr_assert(val_isfunc(&v) && val_iscfunc(&v) && val_isccl(&v));
  cr_assert(val_isnil(&c->upvalue[0]) && val_isnil(&c->upvalue[1]));
  th_free(&e);
}

Test(value, copy_into_a_node_keeps_its_key) {
  /* val_copy must write only {v, tt}: a node's key fields follow them */
  Node n;
  memset(&n, 0, sizeof n);
  n.ktt = T_INT;
  n.k.i = 12345;
  n.next = 7;
  Value src = vflt(2.5);
  val_copy(node_val(&n), &src);
  cr_assert_eq(n.tt, T_FLT);
  cr_assert_eq(n.v.n, 2.5);
  cr_assert_eq(n.ktt, T_INT, "key tag clobbered");
  cr_assert_eq(n.k.i, 12345, "key clobbered");
  cr_assert_eq(n.next, 7, "chain clobbered");
  val_setint(node_val(&n), 9);
  val_setnil(node_val(&n));
  cr_assert_eq(n.ktt, T_INT);
  cr_assert_eq(n.k.i, 12345);
}

Test(value, absent_is_nil) {
  cr_assert(val_isnil(VAL_ABSENT));
  cr_assert(val_isfalsy(VAL_ABSENT));
}
