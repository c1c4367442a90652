/*
 * mbox.c — the private message queue of a process and the receive
 * primitives (the RECV* instructions), plus the pattern matcher.
 *
 * The queue is a singly linked list with a tail link; 'save' is the link to
 * the next message a receive will examine, so no message is examined twice
 * in one wait, and 'mark' is the link that was the tail when a ref was made
 * (make_ref, monitor, alias): a receive whose pattern holds that ref starts
 * there, skipping what was queued before (BEAM's receive marker).  Removing
 * a message keeps both links valid.
 */
#include <stdlib.h>
#include <string.h>
#include "proc.h"
#include "lib.h"
#include "table.h"
#include "do.h"
#include "api.h"
#include "debug.h"
#include "gc.h"

/* ------------------------------------------------------------- matching */

static inline bool iswild(const Value *v) { return val_islud(v) && val_lud(v) == lib_wildcard(); }

int mbox_match(const Value *pat, const Value *v, int depth) {
  if (depth > 100) return -1;     /* too deep for C recursion: the Lua matcher */
  if (iswild(pat)) return !val_isnil(v);
  if (val_isfunc(pat)) return -1;
  if (val_istable(pat)) {
    Table *pt = val_table(pat);
    if (pt->marked & GC_ANY) {
      int sawfn = 0;
      for (uint32_t j = 0; j < pt->asize; j++) {
        if (val_isnil(&pt->array[j])) continue;
        int r = mbox_match(&pt->array[j], v, depth + 1);
        if (r == 1) return 1;
        if (r < 0) sawfn = 1;
      }
      return sawfn ? -1 : 0;
    }
    if (!val_istable(v)) return 0;
    Table *vt = val_table(v);
    for (uint32_t j = 0; j < pt->asize; j++) {
      if (val_isnil(&pt->array[j])) continue;
      int r = mbox_match(&pt->array[j], tab_getint(vt, (lu_Int)j + 1), depth + 1);
      if (r != 1) return r;
    }
    if (!tab_isdummy(pt)) {
      uint32_t n = tab_sizenode(pt);
      for (uint32_t j = 0; j < n; j++) {
        Node *nd = &pt->node[j];
        if (val_isnil(node_val(nd)) || nd->ktt == T_DEADKEY) continue;
        Value k;
        k.v = nd->k;
        k.tt = nd->ktt;
        int r = mbox_match(node_val(nd), tab_get(vt, &k), depth + 1);
        if (r != 1) return r;
      }
    }
    return 1;
  }
  return val_rawequal(pat, v);
}

/* rawequal, with the cases a scan past non-matching messages meets most
 * done inline: same-tag immediates, the same string, tags that cannot be
 * equal (only numbers are equal across tags: 1 == 1.0, a bigint) */
static inline bool keyeq(const Value *p, const Value *k) {
  if (p->tt == k->tt) {
    if (p->tt == T_INT || p->tt == T_PID || p->tt == T_REF) return p->v.i == k->v.i;
    if (p->tt == T_STR && p->v.gc == k->v.gc) return true;
  } else {
    bool pn = p->tt == T_INT || p->tt == T_FLT || p->tt == T_BIGINT;
    bool kn = k->tt == T_INT || k->tt == T_FLT || k->tt == T_BIGINT;
    if (!pn || !kn) return false;
  }
  return val_rawequal(p, k);
}

/* What a scan compares first.  A table pattern (not process.any) whose [1]
 * is data compared by rawequal (not nil, a table, a function or a
 * wildcard): a table message matches only if its [1] equals that, and
 * mbox_match looks at [1] first, so a message whose [1] differs gets 0
 * from it as well.  *scalar: the pattern is itself such a value (matched
 * by rawequal alone). */
static const Value *patkey(const Value *pat, bool *scalar) {
  *scalar = false;
  if (val_istable(pat)) {
    Table *pt = val_table(pat);
    if ((pt->marked & GC_ANY) || pt->asize == 0) return NULL;
    const Value *k = &pt->array[0];
    if (val_isnil(k) || val_istable(k) || val_isfunc(k) || iswild(k)) return NULL;
    return k;
  }
  if (val_isnil(pat) || val_isfunc(pat) || iswild(pat)) return NULL;
  *scalar = true;
  return pat;
}

/* the message's [1], copied into its node the first time a scan meets it;
 * not for a table with a metatable: a weak one (__mode) may lose [1] to
 * the collector, and the copy would refer to a freed object */
static inline void setkey(QMsg *m) {
  if (val_istable(&m->v) && val_table(&m->v)->metatable == NULL) {
    const Value *k = tab_getint(val_table(&m->v), 1);
    m->key = k->v;
    m->keytt = k->tt;
  } else m->keytt = MSG_KEYNONE;
}

/* Lua code gets the message while it stays queued: it may change it */
static inline void escapes(QMsg *m) { m->keytt = MSG_KEYNONE; }

/* mbox_match(pat, m's message), with the pattern's key (patkey) compared
 * first, to the copy in the node when there is one: most messages a long
 * scan passes are told apart without reading their table */
static inline int scanmatch(const Value *pat, const Value *key, bool scalar, QMsg *m) {
  if (key == NULL) return mbox_match(pat, &m->v, 0);
  if (scalar) return keyeq(key, &m->v);
  if (lu_unlikely(m->keytt == MSG_KEYUNSET)) setkey(m);
  if (m->keytt != MSG_KEYNONE) {
    Value k;
    k.v = m->key;
    k.tt = m->keytt;
    if (!keyeq(key, &k)) return 0;
  } else if (!val_istable(&m->v)) return 0;
  return mbox_match(pat, &m->v, 0);
}

/* does every message that matches the pattern contain the ref? (receive
 * marker)  Only then may the receive skip what was queued before the ref
 * was made: a process.any() pattern needs the ref in each alternative. */
static bool hasref(const Value *pat, uint64_t ref, int depth) {
  if (val_isref(pat)) return val_ref(pat) == ref;
  if (!val_istable(pat) || depth > 3) return false;
  Table *t = val_table(pat);
  if (t->marked & GC_ANY) {
    bool some = false;
    for (uint32_t j = 0; j < t->asize; j++) {
      if (val_isnil(&t->array[j])) continue;
      if (!hasref(&t->array[j], ref, depth + 1)) return false;
      some = true;
    }
    return some;
  }
  for (uint32_t j = 0; j < t->asize; j++) if (hasref(&t->array[j], ref, depth + 1)) return true;
  if (!tab_isdummy(t)) {
    uint32_t n = tab_sizenode(t);
    for (uint32_t j = 0; j < n; j++)
      if (!val_isnil(node_val(&t->node[j])) && hasref(node_val(&t->node[j]), ref, depth + 1)) return true;
  }
  return false;
}

/* ---------------------------------------------------------------- queue */

void mbox_drain(lu_State *L) {
  Proc *P = L->P;
  if (P->inbox_head && !proc_drain(P)) lu_throw(L, LU_KILL);   /* an exit signal ends it */
}

void mbox_setmark(lu_State *L, uint64_t ref) {
  Proc *P = L->P;
  mbox_drain(L);
  P->mark = P->mq_tail;
  P->mark_ref = ref;
}

static void endreceive(Proc *P) {
  P->save = &P->mq_head;
  P->mark = NULL;
  P->timedout = 0;
  if (P->timer) { timer_cancel(P->vm, P->timer); P->timer = NULL; }
}

/* The receive begins: receive's arguments at args[0], args[1]; out[0],
 * out[1] get the pattern and the timeout (they may overlap).  Errors name
 * the caller's line, as an argument error of a library function would. */
static LU_NORETURN void recverror(lu_State *L, const char *msg) {
  char where[LU_IDSIZE + 32];
  dbg_where(L, 1, where, sizeof where);
  lu_Buffer b;
  lu_buffinit(L, &b);
  lu_addstring(&b, where);
  lu_addstring(&b, msg);
  lu_pushresult(&b);
  lu_error(L);
}

static void recvbegin(lu_State *L, const Value *args, Value *out) {
  Proc *P = L->P;
  Value pat, to;
  val_copy(&pat, args);
  val_copy(&to, args + 1);
  if (val_isnil(&to) && val_isnum(&pat)) {       /* a number alone is a timeout */
    val_copy(&to, &pat);
    val_setnil(&pat);
  }
  /* "infinity" waits for ever, as nil does (and as in gen_server.call) */
  if (val_isstr(&to) && strcmp(str_data(val_str(&to)), "infinity") == 0) val_setnil(&to);
  if (!val_isnil(&to)) {
    if (!val_isnum(&to)) recverror(L, "bad argument #2 to 'receive' (number or \"infinity\" expected)");
    if (val_numval(&to) < 0) recverror(L, "bad argument #2 to 'receive' (timeout must not be negative)");
  }
  val_copy(out, &pat);
  val_copy(out + 1, &to);
  const Value *patp = out;
  P->timedout = 0;
  if (P->timer) { timer_cancel(P->vm, P->timer); P->timer = NULL; }
  mbox_drain(L);
  if (P->mark && hasref(patp, P->mark_ref, 0)) P->save = P->mark;
  else P->save = &P->mq_head;
}

/* the start of a receive as RECV makes it, for the unit tests: arguments
 * at ra[1], ra[2]; pattern and timeout left at ra[0], ra[1] */
void mbox_recvstart(lu_State *L, Value *ra) { recvbegin(L, ra + 1, ra); }

const Value *mbox_peek(lu_State *L) {
  Proc *P = L->P;
  if (*P->save == NULL) mbox_drain(L);
  if (*P->save == NULL) return NULL;
  escapes(*P->save);
  return &(*P->save)->v;
}

/* The message at the save pointer did not match pat: move the save
 * pointer past it and past those after it that do not match either, a
 * reduction each.  Returns what mbox_match says of the message the save
 * pointer stops at (1, or -1: the Lua matcher must say), 0 when none is
 * left (the save pointer at the end), or 2 when out of reductions. */
static int skip(lu_State *L, const Value *pat) {
  Proc *P = L->P;
  bool scalar;
  const Value *key = patkey(pat, &scalar);
  /* the loop tells most messages apart by their key's tag and bits alone;
   * the rest go to scanmatch */
  int ptt = key && !scalar ? key->tt : -1;
  bool pnum = ptt == T_INT || ptt == T_FLT || ptt == T_BIGINT;
  bool pimm = ptt == T_INT || ptt == T_PID || ptt == T_REF;   /* equal: same bits */
  QMsg *m = *P->save;
  int32_t reds = P->reds;
  for (;;) {
    P->save = &m->next;
    if (--reds <= 0) { P->reds = reds; return 2; }   /* each message scanned costs a reduction */
    if ((m = *P->save) == NULL) {
      P->reds = reds;
      mbox_drain(L);
      reds = P->reds;
      if ((m = *P->save) == NULL) return 0;
    }
    int tt = m->keytt;
    if (tt == ptt) {
      if (pimm && m->key.i != key->v.i) continue;
    } else if (ptt >= 0 && tt < MSG_KEYNONE && !(pnum && (tt == T_INT || tt == T_FLT || tt == T_BIGINT)))
      continue;                           /* tags that cannot be equal */
    P->reds = reds;
    int r = scanmatch(pat, key, scalar, m);
    if (r != 0) return r;
  }
}

/* The first message from the save pointer on that pat may match, *P->save
 * left at it: what mbox_match says of it (1, or -1: the Lua matcher must
 * say), 0 when none is left (the save pointer at the end), 2 when out of
 * reductions.  There is a message at the save pointer. */
static inline int firstmatch(lu_State *L, const Value *pat) {
  int r = val_isnil(pat) ? 1 : mbox_match(pat, &(*L->P->save)->v, 0);
  return r == 0 ? skip(L, pat) : r;
}

int mbox_scan(lu_State *L, const Value *pat, Value *ra) {
  Proc *P = L->P;
  if (*P->save == NULL) mbox_drain(L);
  QMsg *m = *P->save;
  if (m != NULL) {
    int r = firstmatch(L, pat);
    if (r == 2) return -1;
    m = *P->save;
    if (r != 0) {
      escapes(m);                         /* the Lua matcher gets it */
      val_copy(ra, &m->v);
      val_setbool(ra + 1, r == 1);
      return 0;
    }
  }
  val_setnil(ra);
  val_setfalse(ra + 1);
  return 0;
}

void mbox_next(Proc *P) {
  if (*P->save) P->save = &(*P->save)->next;
}

bool mbox_take(Proc *P, Value *out) {
  QMsg **link = P->save;
  QMsg *m = *link;
  if (m == NULL) return false;
  val_copy(out, &m->v);
  *link = m->next;
  if (P->mq_tail == &m->next) P->mq_tail = link;
  if (P->mark == &m->next) P->mark = link;
  P->mq_len--;
  mq_freenode(P, m);
  endreceive(P);
  return true;
}

int mbox_recv(lu_State *L, Value *ra) {
  Proc *P = L->P;
  if (ra->tt != T_TRUE) recvbegin(L, ra + 1, ra + 2);   /* a new receive (R[A] nil) */
  const Value *pat = ra + 2, *to = ra + 3;
  for (;;) {
    QMsg *m;
    if (*P->save == NULL) mbox_drain(L);
    if (*P->save != NULL) {
      int r = firstmatch(L, pat);
      if (r == 2) { val_settrue(ra); return -1; }
      m = *P->save;
      if (r == 1) {                          /* the common case: done in C */
        mbox_take(P, ra);
        val_setnil(ra + 1);
        return 0;
      }
      if (r < 0) {                           /* a pattern with functions: the Lua matcher */
        escapes(m);
        val_copy(ra, &m->v);
        val_settrue(ra + 1);
        return 0;
      }
    }
    int w = mbox_wait(L, to);
    if (w == 0) continue;                    /* a new message to look at */
    if (w > 0) {                             /* timed out */
      val_setnil(ra);
      val_setnil(ra + 1);
      return 0;
    }
    val_settrue(ra);                         /* goes on from the save pointer when woken */
    return -2;
  }
}

int mbox_wait(lu_State *L, const Value *timeout) {
  Proc *P = L->P;
  mbox_drain(L);
  if (*P->save) return 0;                    /* a new message to look at */
  double ms = val_isnum(timeout) ? val_numval(timeout) : -1;
  if (P->timedout || ms == 0) {              /* the timeout passed first */
    endreceive(P);
    return 1;
  }
  if (ms > 0 && P->timer == NULL)
    P->timer = timer_add(P->vm, sched_now() + ms, P, 0, NULL, NULL);
  /* what a message that wakes it should prefetch (state.h) */
  const CallInfo *ci = L->ci;
  if (!ci_isLua(ci)) ci = ci->previous;     /* a receive called as a C function */
  if (ci && ci != &L->base_ci && ci_isLua(ci)) {
    P->wakehint = ci_lcl(ci);
  }
  return -1;                                 /* block */
}
