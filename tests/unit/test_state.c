/* test_state.c — threads and their stacks: growth, moves, coroutines. */
#include "helpers.h"

Test(state, new_threads_start_clean) {
  TEnv e = th_env(0);
  lu_State *co = thread_new(e.P);
  val_setthread(e.L->top, co); e.L->top++;
  cr_assert_eq(co->ci, &co->base_ci);
  cr_assert(!ci_isLua(co->ci));
  cr_assert_null(co->base_ci.u.c.k);
  cr_assert_eq(co->base_ci.oldtop, 0);
  cr_assert_eq(co->top, co->stack + 1);
  for (Value *v = co->stack; v < co->stack_last + LU_EXTRA_STACK; v++) cr_assert(val_isnil(v));
  th_free(&e);
}

typedef struct { lu_State *L; int n; } Grow;
static void grow_cb(lu_State *L, void *ud) {
  Grow *g = ud;
  stack_grow(g->L, g->n);
}

Test(state, stack_growth_moves_and_rebases) {
  TEnv e = th_env(0);
  lu_State *co = thread_new(e.P);
  val_setthread(e.L->top, co); e.L->top++;
  Table *t = tab_new(e.P);
  val_settable(co->top, t); co->top++;
  UpVal *uv = upval_find(co, co->top - 1);
  Value *oldstack = co->stack;
  Grow g = { co, 5000 };
  char msg[200];
  cr_assert_eq(th_protect(e.P, grow_cb, &g, msg, sizeof msg), LU_OK, "%s", msg);
  cr_assert_neq(co->stack, oldstack, "the stack moved");
  cr_assert_geq(co->stack_last - co->top, 5000);
  cr_assert_eq(co->top, co->stack + 2);
  cr_assert_eq(uv->v, co->stack + 1, "open upvalue rebased");
  cr_assert_eq(val_table(uv->v), t);
  cr_assert_eq(co->base_ci.oldtop, 0, "a stack index: nothing to rebase");
  cr_assert_eq(co->base_ci.func, co->stack);
  for (Value *v = co->top; v < co->stack_last + LU_EXTRA_STACK; v++) cr_assert(val_isnil(v));
  th_free(&e);
}

Test(state, stack_overflow_is_an_error) {
  TEnv e = th_env(0);
  Grow g = { e.L, LU_MAXSTACK + 10 };
  char msg[200];
  int st = th_protect(e.P, grow_cb, &g, msg, sizeof msg);
  cr_assert_eq(st, LU_ERRRUN);
  cr_assert_str_eq(msg, "stack overflow");
  th_free(&e);
}

Test(state, coroutine_stacks_grow_while_suspended_frames_exist) {
  /* a coroutine whose stack has to move (deep recursion inside it) */
  TEnv e = th_env(1);
  char msg[300];
  int st = th_run(e.P,
    "local function deep(n) if n == 0 then return coroutine.yield(1) end return 1 + deep(n - 1) end\n"
    "local co = coroutine.wrap(function() return deep(3000) end)\n"
    "local a = co()\n"
    "local b = co(5)\n"
    "return a, b\n", msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  Value *r = th_results(e.P);
  cr_assert_eq(val_int(&r[0]), 1);
  cr_assert_eq(val_int(&r[1]), 3005);
  th_free(&e);
}

Test(state, deep_recursion_reports_stack_overflow) {
  TEnv e = th_env(0);
  char msg[300];
  int st = th_run(e.P, "local function f(n) return 1 + f(n + 1) end return f(1)", msg, sizeof msg);
  cr_assert_eq(st, LU_ERRRUN);
  cr_assert_not_null(strstr(msg, "stack overflow"), "message: %s", msg);
  /* the process is still usable */
  st = th_run(e.P, "return 42", msg, sizeof msg);
  cr_assert_eq(st, LU_OK, "%s", msg);
  cr_assert_eq(val_int(th_results(e.P)), 42);
  th_free(&e);
}

/* lua5.4 closes pending to-be-closed variables when an error escapes the
 * main chunk (lua.c runs it under lua_pcall), with the error object. */
Test(state, uncaught_error_closes_pending_tbc_variables) {
  TEnv e = th_env(1);
  char msg[300];
  int st = th_run(e.P,
    "LOG = {}\n"
    "local x <close> = setmetatable({}, { __close = function(o, err) LOG[#LOG + 1] = err end })\n"
    "local y <close> = setmetatable({}, { __close = function(o, err) LOG[#LOG + 1] = 'y' end })\n"
    "error('boom')\n", msg, sizeof msg);
  cr_assert_eq(st, LU_ERRRUN);
  cr_assert_str_eq(msg, "test:4: boom");
  const Value *log = tab_getstr(proc_globals(e.P), str_newz(e.P, "LOG"));
  cr_assert(val_istable(log));
  Table *t = val_table(log);
  cr_assert_eq(tab_len(t), 2, "__close ran %lu times", (unsigned long)tab_len(t));
  const Value *first = tab_getint(t, 1), *second = tab_getint(t, 2);
  cr_assert(val_isstr(first) && strcmp(str_data(val_str(first)), "y") == 0, "y is closed first");
  cr_assert(val_isstr(second) && strcmp(str_data(val_str(second)), "test:4: boom") == 0);
  th_free(&e);
}
